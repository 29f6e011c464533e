// The label-data paths a template may print, each with how its value becomes text. Paths are fixed here (not
// resolved by walking the object at run time) so an unknown placeholder is caught when the template loads and
// a lookup on the hot path is one closure call.
import type { Address, LabelData } from '../model/label-data.ts'

/** Reads one printable value from label data; empty string when absent. */
export type FieldGetter = (data: LabelData) => string

/** Address lines and references a template may address by index. */
export const MAX_ADDRESS_LINES = 4
export const MAX_REFERENCES = 10

/** A number as printed: at most two decimals, no trailing zeros (2.50 → "2.5"). */
export function formatNumber (value: number): string {
  return String(Math.round(value * 100) / 100)
}

function addressFields (prefix: string, of: (d: LabelData) => Address | undefined, into: Map<string, FieldGetter>): void {
  for (let i = 0; i < MAX_ADDRESS_LINES; i++) into.set(`${prefix}.lines.${i}`, (d) => of(d)?.lines[i] ?? '')
  into.set(`${prefix}.city`, (d) => of(d)?.city ?? '')
  into.set(`${prefix}.region`, (d) => of(d)?.region ?? '')
  into.set(`${prefix}.postalCode`, (d) => of(d)?.postalCode ?? '')
  into.set(`${prefix}.country`, (d) => of(d)?.country ?? '')
}

function buildFields (): ReadonlyMap<string, FieldGetter> {
  const f = new Map<string, FieldGetter>()
  f.set('trackingCode', (d) => d.trackingCode)
  f.set('shipDate', (d) => d.shipDate ?? '')
  f.set('sortCode', (d) => d.sortCode ?? '')
  f.set('instructions', (d) => d.instructions ?? '')
  f.set('carrierLine', (d) => d.carrierLine ?? '')
  f.set('shipper.name', (d) => d.shipper.name)
  f.set('shipper.phone', (d) => d.shipper.phone ?? '')
  addressFields('shipper.address', (d) => d.shipper.address, f)
  f.set('recipient.name', (d) => d.recipient.name)
  f.set('recipient.company', (d) => d.recipient.company ?? '')
  f.set('recipient.phone', (d) => d.recipient.phone ?? '')
  addressFields('recipient.address', (d) => d.recipient.address, f)
  f.set('package.weight', (d) => {
    const w = d.package?.weight
    return w === undefined ? '' : `${formatNumber(w.value)} ${w.unit.toUpperCase()}`
  })
  f.set('package.dimensions', (d) => {
    const m = d.package?.dimensions
    return m === undefined
      ? ''
      : `${formatNumber(m.length)} x ${formatNumber(m.width)} x ${formatNumber(m.height)} ${m.unit.toUpperCase()}`
  })
  f.set('package.description', (d) => d.package?.description ?? '')
  for (let i = 0; i < MAX_REFERENCES; i++) {
    f.set(`references.${i}.label`, (d) => d.references[i]?.label ?? '')
    f.set(`references.${i}.value`, (d) => d.references[i]?.value ?? '')
  }
  return f
}

/** Every printable label-data path and its getter. */
export const FIELDS: ReadonlyMap<string, FieldGetter> = buildFields()

/** Turns a field's text into the printed text. */
export type Formatter = (value: string) => string

function isDigits (v: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = v.charCodeAt(i)
    if (c < 0x30 || c > 0x39) return false
  }
  return true
}

/** YYYY-MM-DD as MM/DD/YYYY; anything else as given. Read by char codes, which is much cheaper than a regex replace. */
function usDate (v: string): string {
  const iso = v.length === 10 && v.charCodeAt(4) === 0x2d && v.charCodeAt(7) === 0x2d &&
    isDigits(v, 0, 4) && isDigits(v, 5, 7) && isDigits(v, 8, 10)
  return iso ? `${v.slice(5, 7)}/${v.slice(8, 10)}/${v.slice(0, 4)}` : v
}

/** Named formatters a placeholder may apply with `|name`, left to right. */
export const FORMATTERS: ReadonlyMap<string, Formatter> = new Map<string, Formatter>([
  ['upper', (v) => v.toUpperCase()],
  // Ship dates are YYYY-MM-DD in label data; US labels print MM/DD/YYYY. Anything else is printed as given.
  ['date_us', usDate],
  // Domestic labels print no country line.
  ['omit_us', (v) => (v.length === 2 && v.toUpperCase() === 'US' ? '' : v)]
])
