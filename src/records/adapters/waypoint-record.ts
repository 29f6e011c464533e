// Uber Direct and Postmates share one record model (Uber Direct inherited Postmates' delivery object): waypoints
// either flat in the create request (`dropoff_name`, `dropoff_address`…) or nested in the Delivery object
// (`dropoff.name`, `dropoff.detailed_address`…). Addresses come as one line, as a structured object, or as that
// object serialised into a JSON string.
import type { Address } from '../../model/label-data.ts'
import { structuredAddress, type AddressParts, type Part } from '../address/build.ts'
import { isAbsent, isRec, kindOf, type Rec, type RecordReader } from '../reader.ts'
import { addressValue, mappedPhone } from './common.ts'

/** What a label uses of one waypoint. */
export interface Waypoint {
  name?: string
  business?: string
  phone?: string
  address?: Address
  notes?: string
  /** Record path of the phone (or where it would be) for carrier rules. */
  phonePath: string
  /** Record path of the name (or where it would be). */
  namePath: string
  /** Record path of the address (or where it would be). */
  addressPath: string
  businessPath: string
  /** Record path of the first note given (notes, then seller notes). */
  notesPath: string
}

/** Where one waypoint's fields are: nested (`record.dropoff.name`) or flat (`record.dropoff_name`). */
interface Layout {
  obj: Rec
  base: string
  key: (field: string) => string
}

function layoutOf (r: RecordReader, record: Rec, side: 'pickup' | 'dropoff'): Layout {
  const nested = r.object(record, side, 'record')
  if (nested !== undefined) return { obj: nested, base: `record.${side}`, key: (f) => f }
  return { obj: record, base: 'record', key: (f) => `${side}_${f}` }
}

/** Structured address as Uber Direct and Postmates write it: `street_address` (array or text) or `street_address_1/2`. */
function structuredParts (address: Rec, path: string, inString: boolean): AddressParts {
  const at = (key: string): string => inString ? path : `${path}.${key}`
  const part = (key: string): Part => ({ value: address[key], path: at(key) })
  const street = address.street_address
  const lines: Part[] = Array.isArray(street)
    ? street.map((value, i) => ({ value, path: inString ? path : `${path}.street_address.${i}` }))
    : street !== undefined && street !== null ? [part('street_address')] : [part('street_address_1'), part('street_address_2')]
  if (lines.length === 0) lines.push({ value: undefined, path: at('street_address') })
  return { lines, city: part('city'), region: part('state'), postalCode: part('zip_code'), country: part('country') }
}

function addressFrom (r: RecordReader, value: unknown, path: string, label: string): Address | undefined {
  if (typeof value !== 'string' || !value.trim().startsWith('{')) {
    return addressValue(r, value, path, label, (address, at) => structuredParts(address, at, false))
  }
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
function waypointAddress (r: RecordReader, l: Layout, label: string): { address?: Address, path: string } {
  const detailedKey = l.key('detailed_address')
  const detailed = r.object(l.obj, detailedKey, l.base)
  const detailedPath = `${l.base}.${detailedKey}`
  if (detailed !== undefined && !isAbsent(detailed.street_address_1 ?? detailed.street_address)) {
    return { address: addressFrom(r, detailed, detailedPath, label), path: detailedPath }
  }
  const path = `${l.base}.${l.key('address')}`
  return { address: addressFrom(r, l.obj[l.key('address')], path, label), path }
}

/** Reads one waypoint; the dropoff is the recipient, the pickup the shipper. */
export function readWaypoint (r: RecordReader, record: Rec, side: 'pickup' | 'dropoff'): Waypoint {
  const l = layoutOf(r, record, side)
  const label = side === 'dropoff' ? 'recipient' : 'shipper'
  const field = (name: string): string | undefined => r.text(l.obj, l.key(name), l.base)
  const pathOf = (name: string): string => `${l.base}.${l.key(name)}`
  const { address, path: addressPath } = waypointAddress(r, l, `${label}.address`)
  const phone = mappedPhone(r, l.obj, l.key('phone_number'), l.base, `${label}.phone`)
  const note = field('notes')
  const notes = [note, field('seller_notes')].filter((n): n is string => n !== undefined)
  const waypoint: Waypoint = {
    phonePath: pathOf('phone_number'),
    namePath: pathOf('name'),
    businessPath: pathOf('business_name'),
    addressPath,
    notesPath: pathOf(note === undefined ? 'seller_notes' : 'notes')
  }
  const name = field('name')
  const business = field('business_name')
  if (name !== undefined) waypoint.name = name
  if (business !== undefined) waypoint.business = business
  if (phone !== undefined) waypoint.phone = phone
  if (address !== undefined) waypoint.address = address
  // Notes and seller notes print as one instruction; a sentence already ends with its own punctuation.
  if (notes.length > 0) waypoint.notes = notes.reduce((all, note) => /[.!?]$/.test(all) ? `${all} ${note}` : `${all}; ${note}`)
  return waypoint
}

/** Record has the waypoint shape Uber Direct and Postmates share. */
export function hasWaypointShape (record: Rec): boolean {
  return isRec(record.dropoff) || 'dropoff_address' in record || 'dropoff_name' in record
}
