// DoorDash Drive v2 records (create-delivery and quote requests, delivery responses, webhook payloads), read the
// same way for Drive and its DashLink parcel variant; the two adapters differ in detection, tracking fields and
// the carrier line.
import type { PackageInfo, Recipient, Shipper, Weight } from '../../model/label-data.ts'
import type { AddressParts, Part } from '../address/build.ts'
import { readShipDate } from '../dates.ts'
import { dimensionsOf, measure, weightUnit } from '../package.ts'
import { hasAnyKey, isAbsent, type Rec, type RecordReader } from '../reader.ts'
import type { AdapterResult, CarrierFacts, TrackingCandidate } from '../types.ts'
import { addressAt, firstText, mappedPhone, mappedText, recordField, referenceChoice, shipperOf, valueOf, type RecordField } from './common.ts'
import { sumItems } from './items.ts'

const BASE = 'record'
const REFERENCE_FIELDS = [recordField('items.0.external_id'), recordField('pickup_reference_tag'), recordField('items.0.barcode')]

/** Fields only Drive-shaped records have (as opposed to Uber Direct / Postmates, which share `dropoff_address`). */
export const DRIVE_FIELDS = ['external_delivery_id', 'dropoff_contact_given_name', 'dropoff_contact_family_name', 'dropoff_address_components', 'order_fulfillment_method', 'pickup_reference_tag'] as const

/** True when the record carries at least one Drive-only field. */
export function hasDriveFields (record: Rec): boolean {
  return hasAnyKey(record, DRIVE_FIELDS)
}

/**
 * True when the record is a parcel (DashLink) delivery. A fulfilment method the record states wins: a `standard`
 * Drive delivery from a store that also has an `origin_facility_id` is still a Drive delivery. Only a record that
 * states none is taken as a parcel by a field only DashLink sends: `origin_facility_id`, or the `package_location`
 * of its webhooks and tracking answers.
 */
export function isParcel (record: Rec): boolean {
  const method = record.order_fulfillment_method
  if (typeof method === 'string' && method.trim() !== '') return method.trim().toLowerCase() === 'parcel'
  return 'origin_facility_id' in record || 'package_location' in record
}

/** The first of the keys holding a value (else the first key), as an address part. */
function pick (components: Rec, path: string, keys: readonly string[]): Part {
  let key = keys[0] as string
  for (const k of keys) {
    if (components[k] !== undefined && components[k] !== null) { key = k; break }
  }
  return { value: components[key], path, key }
}

const CITY_KEYS = ['city', 'locality']
const REGION_KEYS = ['state', 'province', 'region']
const POSTAL_CODE_KEYS = ['zip_code', 'postal_code']

/** `dropoff_address_components` in any of Drive's country variants (state/province, zip_code/postal_code). */
function componentParts (components: Rec, path: string): AddressParts {
  return {
    lines: [{ value: components.street_address, path, key: 'street_address' }, { value: components.sub_premise, path, key: 'sub_premise' }],
    city: pick(components, path, CITY_KEYS),
    region: pick(components, path, REGION_KEYS),
    postalCode: pick(components, path, POSTAL_CODE_KEYS),
    country: { value: components.country, path, key: 'country' }
  }
}

function readRecipient (r: RecordReader, record: Rec): { recipient?: Recipient, facts: Pick<CarrierFacts, 'nameParts'> } {
  const givenPath = `${BASE}.dropoff_contact_given_name`
  const familyPath = `${BASE}.dropoff_contact_family_name`
  const given = r.text(record, 'dropoff_contact_given_name', BASE)
  const family = r.text(record, 'dropoff_contact_family_name', BASE)
  const business = r.text(record, 'dropoff_business_name', BASE)
  let name: string | undefined
  // The guide allows the whole name in both fields when a system cannot split it; print it once.
  if (given !== undefined && family !== undefined) name = given === family ? given : `${given} ${family}`
  else name = given ?? family
  if (name !== undefined) r.map('recipient.name', given !== undefined ? givenPath : familyPath)
  let company = business
  if (name === undefined && business !== undefined) {
    name = business
    company = undefined
    r.map('recipient.name', `${BASE}.dropoff_business_name`)
  } else if (company !== undefined) {
    r.map('recipient.company', `${BASE}.dropoff_business_name`)
  }
  if (name === undefined) r.required(givenPath, 'recipient name is required: dropoff_contact_given_name and dropoff_contact_family_name (or dropoff_business_name)')
  const phone = mappedPhone(r, record, 'dropoff_phone_number', BASE, 'recipient.phone')
  const components = r.object(record, 'dropoff_address_components', BASE)
  const useComponents = components !== undefined && !isAbsent(components.street_address)
  const address = useComponents
    ? addressAt(r, record, 'dropoff_address_components', BASE, 'recipient.address', componentParts)
    : addressAt(r, record, 'dropoff_address', BASE, 'recipient.address', componentParts)
  if (address === undefined) r.required(`${BASE}.dropoff_address`, 'recipient address is required: dropoff_address ("street, city, state ZIP") or dropoff_address_components')
  const facts = { nameParts: { given, givenPath, family, familyPath } }
  if (name === undefined || address === undefined) return { facts }
  const recipient: Recipient = { name, address }
  if (company !== undefined) recipient.company = company
  if (phone !== undefined) recipient.phone = phone
  return { recipient, facts }
}

function readShipper (r: RecordReader, record: Rec): Shipper | undefined {
  const name = firstText(r, record, ['pickup_business_name', 'pickup_external_business_id'], BASE, 'shipper.name')
  if (name === undefined) r.required(`${BASE}.pickup_business_name`, 'shipper name is required: pickup_business_name (or pickup_external_business_id)')
  const phone = mappedPhone(r, record, 'pickup_phone_number', BASE, 'shipper.phone')
  const address = addressAt(r, record, 'pickup_address', BASE, 'shipper.address', componentParts)
  return name === undefined ? undefined : shipperOf(name, phone, address)
}

interface ItemsRead {
  pkg?: PackageInfo
  facts: CarrierFacts['items']
}

/** `items`: weight in lb (or `item_options.weight_unit`), times quantity, summed; dimensions in inches of a single item. */
function readItems (r: RecordReader, record: Rec): ItemsRead {
  const path = 'record.items'
  const list = r.array(record, 'items', BASE) ?? []
  // The first item with a known unit sets it; an unknown unit is already an issue of its own.
  let unit: { unit: Weight['unit'], at: string } | undefined
  const totals = sumItems(r, list, path, (_r, item, at) => {
    const itemUnit = weightUnit(r, r.object(item, 'item_options', at), 'weight_unit', `${at}.item_options`, 'lb')
    if (itemUnit === undefined) return measure(r, item, 'weight', at)
    if (unit === undefined) unit = { unit: itemUnit, at }
    else if (itemUnit !== unit.unit) r.issue(`${at}.item_options.weight_unit`, 'same_unit', `items must be weighed in one unit; ${unit.at} is in ${unit.unit}`)
    return measure(r, item, 'weight', at)
  })
  const first = totals.items.length === 1 ? totals.items[0] : undefined
  const at0 = 'record.items.0'
  const dimensions = first === undefined ? undefined : dimensionsOf(measure(r, first, 'length', at0), measure(r, first, 'width', at0), measure(r, first, 'height', at0), 'in')
  const pkg: PackageInfo = {}
  if (totals.weight !== undefined && unit !== undefined) { pkg.weight = { value: totals.weight, unit: unit.unit }; if (list.length === 1) r.map('package.weight', at0, 'weight'); else r.map('package.weight', path) }
  if (dimensions !== undefined) { pkg.dimensions = dimensions; r.map('package.dimensions', at0) }
  const description = first === undefined ? totals.summary : mappedText(r, first, 'description', at0, 'package.description') ?? mappedText(r, first, 'name', at0, 'package.description')
  if (description !== undefined) {
    pkg.description = description
    if (first === undefined) r.map('package.description', path)
  }
  const facts: CarrierFacts['items'] = { path, count: list.length, weighed: pkg.weight !== undefined, measured: dimensions !== undefined }
  if (totals.firstQuantity !== undefined) facts.quantity = totals.firstQuantity
  const read: ItemsRead = { facts }
  if (pkg.weight !== undefined || pkg.dimensions !== undefined || pkg.description !== undefined) read.pkg = pkg
  return read
}

/** Everything a Drive-shaped record puts on a label; tracking candidates are chosen by the calling adapter. */
export function readDriveRecord (r: RecordReader, record: Rec, carrierLine: string, trackingFields: readonly RecordField[]): AdapterResult | undefined {
  const shipper = readShipper(r, record)
  const { recipient, facts } = readRecipient(r, record)
  const { pkg, facts: itemFacts } = readItems(r, record)
  const shipDate = readShipDate(r, record, BASE, ['pickup_time_actual', 'pickup_time_estimated', 'pickup_time', 'pickup_window.start_time'])
  const sortCode = firstText(r, record, ['origin_facility_id', 'pickup_external_store_id'], BASE, 'sortCode')
  const instructions = mappedText(r, record, 'dropoff_instructions', BASE, 'instructions')
  if (shipper === undefined || recipient === undefined) return undefined
  // Built key by key in print order (no spreads: this runs for every record).
  const data: AdapterResult['data'] = { shipper, recipient, carrierLine }
  if (shipDate !== undefined) data.shipDate = shipDate
  if (pkg !== undefined) data.package = pkg
  if (sortCode !== undefined) data.sortCode = sortCode
  if (instructions !== undefined) data.instructions = instructions
  // Ref#: the item's external_id, or (when that is the tracking code, as in DashLink responses) the next that is not.
  const ref = referenceChoice('Ref#', record, REFERENCE_FIELDS)
  const tracking: TrackingCandidate[] = []
  for (const field of trackingFields) tracking.push({ path: field.path, value: valueOf(record, field) })
  return {
    data,
    tracking,
    references: ref === undefined ? [] : [ref],
    facts: { nameParts: facts.nameParts, items: itemFacts, recipientPhonePath: `${BASE}.dropoff_phone_number` }
  }
}
