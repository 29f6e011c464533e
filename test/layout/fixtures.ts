// Label data for layout tests, built directly (layout takes LabelData, not records), and the loaded font and
// templates resolved from the repository root.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { loadLabelFont } from '../../src/fonts/index.ts'
import { loadTemplates } from '../../src/layout/index.ts'
import type { LabelData } from '../../src/model/label-data.ts'

/** The repository root, found from this file. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
export const FONT = loadLabelFont(path.join(REPO_ROOT, 'fonts/RobotoCondensed-Bold.ttf'))
export const TEMPLATES_DIR = path.join(REPO_ROOT, 'templates')
export const TEMPLATES = loadTemplates(TEMPLATES_DIR, FONT)
export const TEMPLATE_NAMES = ['standard', 'dashlink'] as const

/** A label with every field filled, of ordinary length. */
export function fullData (): LabelData {
  return {
    trackingCode: 'DL1234567890ABCDEF',
    shipDate: '2026-11-24',
    shipper: {
      name: 'Corner Books & Coffee',
      phone: '+1 415 555 0100',
      address: { lines: ['2270 Camino Vida Roble', 'Suite 200'], city: 'Carlsbad', region: 'CA', postalCode: '92011', country: 'US' }
    },
    recipient: {
      name: 'Jane Doe',
      company: 'Acme Robotics',
      phone: '+1 415 555 0123',
      address: { lines: ['901 Market Street', '6th Floor'], city: 'San Francisco', region: 'CA', postalCode: '94103', country: 'US' }
    },
    package: {
      weight: { value: 5.3, unit: 'lb' },
      dimensions: { length: 12, width: 9, height: 4, unit: 'in' },
      description: 'Books'
    },
    references: [{ label: 'Ref#', value: '123-123443434b' }, { label: 'PO', value: 'PO-99812' }],
    sortCode: 'CHI-2',
    instructions: 'Leave at the front desk.',
    carrierLine: 'By DashLink'
  }
}

/** `n` characters of wide letters (W and M are the widest in the font), words of 9 with spaces. */
export function wide (n: number, seed = 'WMWMWMWMW '): string {
  let out = ''
  while (out.length < n) out += seed
  return out.slice(0, n).replace(/ $/, 'W')
}

/** Every DashLink field at its maximum length, in wide letters (the hardest case to fit). */
export function maxLengthData (): LabelData {
  const d = fullData()
  d.trackingCode = 'DSH-WMW-MAXLEN-XWQK-123456789012345'
  d.shipper.name = wide(50)
  d.recipient.name = `${wide(25)} ${wide(25)}`
  d.recipient.company = wide(50)
  d.recipient.address.lines = [wide(50), wide(50)]
  d.recipient.address.city = 'Wilkes-Barre'
  d.recipient.address.postalCode = '18702-4567'
  d.instructions = wide(100)
  d.references = [{ label: 'Ref#', value: wide(50) }]
  return d
}
