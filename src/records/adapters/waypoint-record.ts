// Uber Direct and Postmates share one record model (Uber Direct inherited Postmates' delivery object): waypoints
// either flat in the create request (`dropoff_name`, `dropoff_address`…) or nested in the Delivery object
// (`dropoff.name`, `dropoff.detailed_address`…). Addresses come as one line, as a structured object, or as that
// object serialised into a JSON string.
import type { Address } from '../../model/label-data.ts'
import { structuredAddress, type AddressParts, type Part } from '../address/build.ts'
import { isAbsent, isRec, kindOf, type Rec, type RecordReader } from '../reader.ts'
import { addressValue, mappedPhone } from './common.ts'

/** A waypoint's field names: the same in a nested waypoint (`name`), prefixed in a flat one (`dropoff_name`). */
interface WaypointKeys {
  name: string
  business_name: string
  phone_number: string
  notes: string
  seller_notes: string
  address: string
  detailed_address: string
}

const NESTED_KEYS: WaypointKeys = { name: 'name', business_name: 'business_name', phone_number: 'phone_number', notes: 'notes', seller_notes: 'seller_notes', address: 'address', detailed_address: 'detailed_address' }

/** Flat keys are spelled out once here, so reading a record builds no key strings. */
function flatKeys (side: 'pickup' | 'dropoff'): WaypointKeys {
  return Object.fromEntries(Object.entries(NESTED_KEYS).map(([k, v]) => [k, `${side}_${v}`])) as unknown as WaypointKeys
}

/** Per side: the nested base path, the flat keys and the label fields it feeds. */
const SIDES = {
  dropoff: { nestedBase: 'record.dropoff', flat: flatKeys('dropoff'), address: 'recipient.address', phone: 'recipient.phone' },
  pickup: { nestedBase: 'record.pickup', flat: flatKeys('pickup'), address: 'shipper.address', phone: 'shipper.phone' }
} as const

/** What a label uses of one waypoint; a field's record path is `base` + `keys.<field>`, joined when reported. */
export interface Waypoint {
  name?: string
  business?: string
  phone?: string
  address?: Address
  notes?: string
  /** Where the waypoint's fields are: `record.dropoff` (nested) or `record` (flat). */
  base: string
  keys: WaypointKeys
  /** Record path of the address (or where it would be). */
  addressPath: string
  /** Key of the first note given (notes, then seller notes). */
  notesKey: string
}

/** A part's key, or none inside a JSON string, whose parts are all reported at the string's own path. */
function keyIf (inString: boolean, key: string): string | undefined {
  return inString ? undefined : key
}

/** Structured address as Uber Direct and Postmates write it: `street_address` (array or text) or `street_address_1/2`. */
function structuredParts (address: Rec, path: string, inString: boolean): AddressParts {
  const street = address.street_address
  let lines: Part[]
  if (Array.isArray(street)) {
    const at = inString ? path : `${path}.street_address`
    lines = street.map((value, i) => ({ value, path: at, key: inString ? undefined : i }))
  } else if (street !== undefined && street !== null) {
    lines = [{ value: street, path, key: keyIf(inString, 'street_address') }]
  } else {
    lines = [{ value: address.street_address_1, path, key: keyIf(inString, 'street_address_1') }, { value: address.street_address_2, path, key: keyIf(inString, 'street_address_2') }]
  }
  if (lines.length === 0) lines.push({ value: undefined, path, key: keyIf(inString, 'street_address') })
  return {
    lines,
    city: { value: address.city, path, key: keyIf(inString, 'city') },
    region: { value: address.state, path, key: keyIf(inString, 'state') },
    postalCode: { value: address.zip_code, path, key: keyIf(inString, 'zip_code') },
    country: { value: address.country, path, key: keyIf(inString, 'country') }
  }
}

function objectParts (address: Rec, path: string): AddressParts {
  return structuredParts(address, path, false)
}

function addressFrom (r: RecordReader, value: unknown, path: string, label: string): Address | undefined {
  if (typeof value !== 'string' || !value.trim().startsWith('{')) return addressValue(r, value, path, label, objectParts)
  let parsed: unknown
  try {
    parsed = JSON.parse(value)
  } catch {
    r.issue(path, 'json', 'looks like a structured address in a JSON string but is not valid JSON')
    return undefined
  }
  if (!isRec(parsed)) {
    r.issue(path, 'type', `must hold an address object, got ${kindOf(parsed)}`)
    return undefined
  }
  r.map(label, path)
  return structuredAddress(r, structuredParts(parsed, path, true), label)
}

/** `detailed_address` when it has a street, else `address`. */
function waypointAddress (r: RecordReader, obj: Rec, base: string, keys: WaypointKeys, label: string): { address?: Address, path: string } {
  const detailed = r.object(obj, keys.detailed_address, base)
  if (detailed !== undefined && !isAbsent(detailed.street_address_1 ?? detailed.street_address)) {
    const detailedPath = `${base}.${keys.detailed_address}`
    return { address: addressFrom(r, detailed, detailedPath, label), path: detailedPath }
  }
  const path = `${base}.${keys.address}`
  return { address: addressFrom(r, obj[keys.address], path, label), path }
}

/** Reads one waypoint; the dropoff is the recipient, the pickup the shipper. */
export function readWaypoint (r: RecordReader, record: Rec, side: 'pickup' | 'dropoff'): Waypoint {
  const s = SIDES[side]
  const nested = r.object(record, side, 'record')
  const obj = nested ?? record
  const base = nested === undefined ? 'record' : s.nestedBase
  const keys = nested === undefined ? s.flat : NESTED_KEYS
  const { address, path: addressPath } = waypointAddress(r, obj, base, keys, s.address)
  const phone = mappedPhone(r, obj, keys.phone_number, base, s.phone)
  const note = r.text(obj, keys.notes, base)
  const sellerNote = r.text(obj, keys.seller_notes, base)
  const waypoint: Waypoint = { base, keys, addressPath, notesKey: note === undefined ? keys.seller_notes : keys.notes }
  const name = r.text(obj, keys.name, base)
  const business = r.text(obj, keys.business_name, base)
  if (name !== undefined) waypoint.name = name
  if (business !== undefined) waypoint.business = business
  if (phone !== undefined) waypoint.phone = phone
  if (address !== undefined) waypoint.address = address
  // Notes and seller notes print as one instruction; a sentence already ends with its own punctuation.
  if (note !== undefined && sellerNote !== undefined) waypoint.notes = /[.!?]$/.test(note) ? `${note} ${sellerNote}` : `${note}; ${sellerNote}`
  else if (note !== undefined || sellerNote !== undefined) waypoint.notes = note ?? sellerNote
  return waypoint
}

/** Record has the waypoint shape Uber Direct and Postmates share. */
export function hasWaypointShape (record: Rec): boolean {
  return isRec(record.dropoff) || 'dropoff_address' in record || 'dropoff_name' in record
}
