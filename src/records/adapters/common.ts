// Small readers several adapters share: a mapped text field, a phone, an address given as parts or as text.
import type { Address, Shipper } from '../../model/label-data.ts'
import { structuredAddress, textAddress, type AddressParts } from '../address/build.ts'
import { normalizePhone } from '../phone.ts'
import { isAbsent, isRec, kindOf, type Rec, type RecordReader } from '../reader.ts'
import type { PlaceCode, ReferenceChoice } from '../types.ts'

/** A generated tracking code written into the delivery's own `key` field. */
export function placeCodeAt (key: string): PlaceCode {
  return (delivery, code) => { delivery[key] = code; return key }
}

/** The shipper with only the parts the record gave, key by key in print order (no spreads: this runs for every record). */
export function shipperOf (name: string, phone: string | undefined, address: Address | undefined): Shipper {
  const shipper: Shipper = { name }
  if (phone !== undefined) shipper.phone = phone
  if (address !== undefined) shipper.address = address
  return shipper
}

/** Reads free text at `base.key` and records it as label field `label`. */
export function mappedText (r: RecordReader, obj: Rec | undefined, key: string, base: string, label: string): string | undefined {
  return mappedTextValue(r, obj?.[key], base, key, label)
}

/** `mappedText` for a value the caller already read (see RecordReader.textValue). */
export function mappedTextValue (r: RecordReader, value: unknown, base: string, key: string, label: string): string | undefined {
  const text = r.textValue(value, base, key)
  if (text !== undefined) r.map(label, base, key)
  return text
}

/** Reads a phone number (text or a whole number) at `base.key`, completing a bare US number to E.164. */
export function mappedPhone (r: RecordReader, obj: Rec | undefined, key: string, base: string, label: string): string | undefined {
  return mappedPhoneValue(r, obj?.[key], base, key, label)
}

/** `mappedPhone` for a value the caller already read (see RecordReader.textValue). */
export function mappedPhoneValue (r: RecordReader, value: unknown, base: string, key: string, label: string): string | undefined {
  // Spreadsheet exports send phone numbers as numbers; every digit survives for a phone-sized number.
  const text = r.codeValue(value, base, key)
  if (text === undefined) return undefined
  r.map(label, base, key)
  return normalizePhone(r, text, base, key)
}

/** The first of `keys` holding text, with its path; for fields with fallbacks (business name, then store id). */
export function firstText (r: RecordReader, obj: Rec | undefined, keys: readonly string[], base: string, label: string, asCode = false): string | undefined {
  for (const key of keys) {
    const text = asCode ? r.code(obj, key, base) : r.text(obj, key, base)
    if (text === undefined) continue
    r.map(label, base, key)
    return text
  }
  return undefined
}

/** Reads an address object's parts; `r` takes what it reports (a module function, so no closure per record). */
export type AddressReader = (address: Rec, path: string, r: RecordReader) => AddressParts

/** An address value that is either a free-text string or an object read by `parts`; undefined when absent or unusable. */
export function addressValue (r: RecordReader, value: unknown, path: string, label: string, parts: AddressReader): Address | undefined {
  if (isAbsent(value)) return undefined
  if (typeof value === 'string') return textAddress(r, value, path, label)
  if (isRec(value)) {
    r.map(label, path)
    return structuredAddress(r, parts(value, path, r), label)
  }
  r.issue(path, 'type', `must be an address object or one line of text, got ${kindOf(value)}`)
  return undefined
}

/** The address at `base.key` (see addressValue). */
export function addressAt (r: RecordReader, obj: Rec | undefined, key: string, base: string, label: string, parts: AddressReader): Address | undefined {
  return addressValue(r, obj?.[key], `${base}.${key}`, label, parts)
}

/** "2 x Burrito, Soda": item names with their quantities, for the package description. */
export function itemSummary (items: { name?: string, quantity?: number }[]): string | undefined {
  const names = items.filter((i) => i.name !== undefined).map((i) => (i.quantity ?? 1) > 1 ? `${i.quantity} x ${i.name}` : i.name)
  return names.length === 0 ? undefined : names.join(', ')
}

/** A record field named by a dotted path (`items.0.barcode`), split once when the adapter module loads. */
export interface RecordField {
  /** As written: `items.0.barcode`. */
  name: string
  /** Its record path: `record.items.0.barcode`. */
  path: string
  keys: readonly string[]
}

/** The RecordField for a dotted name. */
export function recordField (name: string): RecordField {
  return { name, path: `record.${name}`, keys: name.split('.') }
}

/** The value of `field` in the record; undefined when any step is missing. */
export function valueOf (record: Rec, field: RecordField): unknown {
  let at: unknown = record
  for (const key of field.keys) {
    if (Array.isArray(at)) at = at[Number(key)]
    else if (isRec(at)) at = at[key]
    else return undefined
  }
  return at
}

/** Why a reference value cannot be printed, or undefined when it can (text, or a number JSON kept exact). */
function unprintableReason (value: unknown): string | undefined {
  if (typeof value === 'string') return undefined
  if (typeof value === 'number') {
    return Number.isInteger(value) && !Number.isSafeInteger(value) ? 'is a number too large to arrive exactly in JSON; send it as text' : undefined
  }
  return `is ${Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : `a ${typeof value}`}; a reference must be text or a number`
}

/**
 * A reference choice from the fields that hold a value; undefined when none does. A field holding something that
 * cannot be printed is listed in `unprintable`, so the user hears about it instead of losing it.
 */
export function referenceChoice (label: string, record: Rec, fields: readonly RecordField[]): ReferenceChoice | undefined {
  let options: ReferenceChoice['options'] | undefined
  let unprintable: NonNullable<ReferenceChoice['unprintable']> | undefined
  for (const field of fields) {
    const value = valueOf(record, field)
    if (value === undefined || value === null) continue
    const reason = unprintableReason(value)
    if (reason !== undefined) { (unprintable ??= []).push({ path: field.path, reason }); continue }
    const text = typeof value === 'string' ? value.trim() : String(value)
    if (text !== '') (options ??= []).push({ value: text, path: field.path })
  }
  if (options === undefined && unprintable === undefined) return undefined
  return unprintable === undefined ? { label, options: options ?? [] } : { label, options: options ?? [], unprintable }
}
