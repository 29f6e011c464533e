// End to end through the label service: every seed record becomes a ZPL label whose text shows the right
// recipient, address, shipper, weight and reference, and whose barcode decodes to the documented tracking code.
// zebrash renders the ZPL without the font download (text falls back to a built-in font; the barcode does not
// depend on it), through the preview fix-ups of test/support/zpl-render.ts.
import { describe, expect, it } from 'vitest'
import { escapeFieldData } from '../../src/render/zpl/field-data.ts'
import type { SourceOption } from '../../src/service/types.ts'
import { testLabelService } from '../support/app.ts'
import { decodeCode128 } from '../support/decode-barcode.ts'
import { pngToGray, renderZplToPng } from '../support/zpl-render.ts'
import { fixture } from './fixtures.ts'

interface Case {
  fixture: string
  source: SourceOption
  template: 'standard' | 'dashlink'
  expected: { source: string, trackingCode: string, texts: string[] }
}

const CASES: Case[] = [
  { fixture: 'dashlink-create-response', source: 'auto', template: 'dashlink', expected: { source: 'dashlink', trackingCode: 'DDVXXGRZTQGYSJCUD', texts: ['Jane Doe', '12952 14th St', 'Yucaipa', '92399', 'Best Clothing Brand', '2.8', 'order-1234'] } },
  { fixture: 'dashlink-create-request-with-tracking', source: 'auto', template: 'dashlink', expected: { source: 'dashlink', trackingCode: 'DLK-1000200030004000', texts: ['Jane Doe', '12952 14th St', 'Apt# 45', 'Yucaipa', 'Best Clothing Brand', '2.8', 'order-1234'] } },
  { fixture: 'drive-create-request', source: 'auto', template: 'standard', expected: { source: 'drive', trackingCode: 'D-1763', texts: ['John Doe', 'The Avery Condominium', '901 Market Street', 'Apt. 121', 'San Francisco', 'Wells Fargo SF Downtown', '5.6', '123443434'] } },
  { fixture: 'drive-delivery-response', source: 'drive', template: 'standard', expected: { source: 'drive', trackingCode: 'D-1763', texts: ['John Doe', '901 Market Street', 'Wells Fargo SF Downtown', '123443434'] } },
  { fixture: 'dashlink-webhook-delivered', source: 'dashlink', template: 'standard', expected: { source: 'dashlink', trackingCode: 'DDVXXGRZTQGYSJCUD', texts: ['Jane Doe', '111 Hawks Rd.', 'Kennesaw', '30152', 'BestClothingBrand'] } },
  { fixture: 'dashlink-webhook-redeliver', source: 'dashlink', template: 'standard', expected: { source: 'dashlink', trackingCode: 'DDVXXGRZTQGYSJCUD', texts: ['Jane Doe', '1 Maryland Dr', 'BestClothingBrand'] } },
  { fixture: 'uber-create-request', source: 'auto', template: 'standard', expected: { source: 'uber_direct', trackingCode: 'UBR-7731-0042-5589', texts: ['Morgan Chen', 'Chen & Daughters', '100 Maiden Ln', 'Floor 2', 'New York', '10038', 'Harbor Goods Co.', '1500', 'SO-99120'] } },
  { fixture: 'uber-create-request-string-address', source: 'auto', template: 'standard', expected: { source: 'uber_direct', trackingCode: 'UBR-7700-1000-2000', texts: ['Sam Lee', '2000 Ocean Ave', 'Floor 2', '94127', 'Acme Outfitters', '550', 'SO-77001'] } },
  { fixture: 'uber-create-request-json-address', source: 'auto', template: 'standard', expected: { source: 'uber_direct', trackingCode: 'UBER-DIRECT-TEST-80415', texts: ['Priya Natarajan', '425 Market St', 'Suite 800', '94105', 'Acme Outfitters', '2300', 'SO-80415'] } },
  { fixture: 'uber-delivery', source: 'auto', template: 'standard', expected: { source: 'uber_direct', trackingCode: 'UBR-7731-0042-5589', texts: ['Morgan Chen', '100 Maiden Ln', 'New York', 'Harbor Goods Co.', 'SO-99120'] } },
  { fixture: 'postmates-delivery', source: 'auto', template: 'standard', expected: { source: 'postmates', trackingCode: 'del_KSsT9zJdfV3P9k', texts: ['Alice Moreau', '678 Green St', 'Apt 4', '94133', 'Kitten Warehouse', 'SO-55310'] } },
  { fixture: 'postmates-create-request', source: 'auto', template: 'standard', expected: { source: 'postmates', trackingCode: 'PMX-SO-55310-0001', texts: ['Alice Moreau', '678 Green St', 'San Francisco', 'Kitten Warehouse'] } }
]

describe('seed records as labels', () => {
  const service = testLabelService()

  for (const c of CASES) {
    it(`${c.fixture}: ${c.expected.source} label showing the recipient, address, shipper, weight and reference`, async () => {
      const request = { record: fixture(c.fixture), source: c.source, template: c.template, dpi: 203 as const }
      const label = service.renderZpl(request)
      expect(label.source).toBe(c.expected.source)
      expect(label.trackingCode).toBe(c.expected.trackingCode)
      const { zpl } = label
      expect(zpl.match(/\^XA/g)).toHaveLength(1)
      for (const text of [...c.expected.texts, c.expected.trackingCode]) expect(zpl, text).toContain(escapeFieldData(text))
      const gray = await pngToGray(await renderZplToPng(zpl, { dpi: 203 }))
      expect((await decodeCode128(gray)).map((d) => d.text)).toEqual([c.expected.trackingCode])
    }, 20_000)
  }

  it('refuses the DashLink request sample without a tracking code, naming the fields looked at', () => {
    expect(() => service.renderZpl({ record: fixture('dashlink-create-request'), template: 'dashlink' })).toThrow(/looked at record.pickup_reference_tag, record.external_delivery_id, record.items.0.barcode/)
  })

  it('enforces DashLink rules for the dashlink template even without strict, and leaves them out of a Drive label on the standard template', () => {
    expect(() => service.renderZpl({ record: fixture('drive-create-request'), source: 'drive', template: 'dashlink' })).toThrow(expect.objectContaining({ code: 'CARRIER_RULE_VIOLATION' }) as Error)
    expect(service.renderZpl({ record: fixture('drive-create-request'), source: 'drive', template: 'standard' }).warnings.filter((w) => w.code === 'CARRIER_RULE')).toEqual([])
  })
})
