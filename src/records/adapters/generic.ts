// The generic record (GENERIC_RECORD_SCHEMA): labelworks' own canonical shape, mapped field for field.
import type { PackageInfo, Recipient, Shipper } from '../../model/label-data.ts'
import type { AddressParts, Part } from '../address/build.ts'
import { shipDateValue } from '../dates.ts'
import { dimensionsOf, lengthUnit, measure, weightUnit } from '../package.ts'
import { isAbsent, isRec, type Rec, type RecordReader } from '../reader.ts'
import { defineSource, type AdapterResult, type Detection, type ReferenceChoice } from '../types.ts'
import { addressValue, mappedPhoneValue, mappedTextValue, placeCodeAt, shipperOf } from './common.ts'
import { ADDRESS_FIELDS, DIMENSION_FIELDS, misspelt, PACKAGE_FIELDS, RECIPIENT_FIELDS, RECORD_FIELDS, REFERENCE_FIELDS, reportUnknownFields, SHIPPER_FIELDS, WEIGHT_FIELDS } from './generic-fields.ts'

/** `lines` wins over line1/line2 and `region` over its alias `state`; what the winner hides is reported, not dropped silently. */
function reportHidden (r: RecordReader, address: Rec, path: string): void {
  if (address.lines != null) {
    for (const key of ['line1', 'line2']) {
      if (!isAbsent(address[key])) r.warn('FIELD_NOT_PRINTED', `${path}.${key}`, 'not printed: `lines` is given, so it must hold every street line')
    }
  }
  if (address.region != null && !isAbsent(address.state) && address.state !== address.region) {
    r.warn('FIELD_NOT_PRINTED', `${path}.state`, 'not printed: `region` is given, and `state` is only its alias')
  }
}

/** The parts of a generic address; their paths stay as pieces (`path` + key) until something is reported. */
function genericAddressParts (address: Rec, path: string, r: RecordReader): AddressParts {
  reportUnknownFields(r, address, ADDRESS_FIELDS, path)
  reportHidden(r, address, path)
  const given = address.lines
  let lines: Part[]
  if (Array.isArray(given)) {
    const at = `${path}.lines`
    lines = given.length === 0 ? [{ value: undefined, path: at, key: 0 }] : given.map((value, i) => ({ value, path: at, key: i }))
  } else if (given !== undefined && given !== null) {
    lines = [{ value: given, path, key: 'lines' }] // one street line sent without the array
  } else {
    lines = [{ value: address.line1, path, key: 'line1' }, { value: address.line2, path, key: 'line2' }]
  }
  const regionKey = address.region !== undefined && address.region !== null ? 'region' : 'state'
  return {
    lines,
    city: { value: address.city, path, key: 'city' },
    region: { value: address[regionKey], path, key: regionKey },
    postalCode: { value: address.postal_code, path, key: 'postal_code' },
    country: { value: address.country, path, key: 'country' }
  }
}

// The fields of this source's records are read as named properties (record.shipper, not record[key]): records of
// one client share a shape, so those loads stay fast where a computed key would go through a generic lookup.

function readPackage (r: RecordReader, record: Rec): PackageInfo | undefined {
  const pkg = r.objectValue(record.package, 'record', 'package')
  if (pkg === undefined) return undefined
  const base = 'record.package'
  reportUnknownFields(r, pkg, PACKAGE_FIELDS, base)
  const info: PackageInfo = {}
  const weight = r.objectValue(pkg.weight, base, 'weight')
  if (weight !== undefined) {
    const at = 'record.package.weight'
    reportUnknownFields(r, weight, WEIGHT_FIELDS, at)
    const value = measure(r, weight, 'value', at)
    const unit = weightUnit(r, weight, 'unit', at)
    if (value !== undefined && unit !== undefined) { info.weight = { value, unit }; r.map('package.weight', base, 'weight') }
  }
  const dims = r.objectValue(pkg.dimensions, base, 'dimensions')
  if (dims !== undefined) {
    const at = 'record.package.dimensions'
    reportUnknownFields(r, dims, DIMENSION_FIELDS, at)
    const dimensions = dimensionsOf(measure(r, dims, 'length', at), measure(r, dims, 'width', at), measure(r, dims, 'height', at), lengthUnit(r, dims, 'unit', at))
    if (dimensions !== undefined) { info.dimensions = dimensions; r.map('package.dimensions', at) }
  }
  const description = mappedTextValue(r, pkg.description, base, 'description', 'package.description')
  if (description !== undefined) info.description = description
  return info
}

function readReferences (r: RecordReader, record: Rec): ReferenceChoice[] {
  const choices: ReferenceChoice[] = []
  const list = r.arrayValue(record.references, 'record', 'references') ?? []
  list.forEach((entry, i) => {
    const base = `record.references.${i}`
    if (!isRec(entry)) { r.issue(base, 'type', 'must be an object { "label": "Ref#", "value": "…" }'); return }
    reportUnknownFields(r, entry, REFERENCE_FIELDS, base)
    const value = r.codeValue(entry.value, base, 'value')
    if (value === undefined) { r.issue(`${base}.value`, 'required', 'reference value is required'); return }
    const label = r.textValue(entry.label, base, 'label')
    choices.push({ label: label ?? 'Ref#', options: [{ value, path: `${base}.value`, labelPath: label === undefined ? undefined : `${base}.label` }], keepDuplicate: true })
  })
  const single = r.codeValue(record.reference, 'record', 'reference')
  if (single !== undefined) choices.push({ label: 'Ref#', options: [{ value: single, path: 'record.reference' }], keepDuplicate: true })
  return choices
}

function readShipper (r: RecordReader, record: Rec): Shipper | undefined {
  const shipper = r.objectValue(record.shipper, 'record', 'shipper')
  const base = 'record.shipper'
  if (shipper === undefined) {
    r.required(base, 'shipper { name, address, phone } is required')
    return undefined
  }
  reportUnknownFields(r, shipper, SHIPPER_FIELDS, base)
  const name = mappedTextValue(r, shipper.name, base, 'name', 'shipper.name')
  if (name === undefined) r.required(`${base}.name`, 'shipper name is required')
  const phone = mappedPhoneValue(r, shipper.phone, base, 'phone', 'shipper.phone')
  const address = addressValue(r, shipper.address, 'record.shipper.address', 'shipper.address', genericAddressParts)
  return name === undefined ? undefined : shipperOf(name, phone, address)
}

function read (record: Rec, r: RecordReader): AdapterResult | undefined {
  reportUnknownFields(r, record, RECORD_FIELDS, 'record')
  const shipper = readShipper(r, record)
  const base = 'record.recipient'
  const recipient = r.objectValue(record.recipient, 'record', 'recipient')
  if (recipient === undefined) r.required(base, 'recipient { name, address } is required')
  else reportUnknownFields(r, recipient, RECIPIENT_FIELDS, base)
  const name = mappedTextValue(r, recipient?.name, base, 'name', 'recipient.name')
  if (recipient !== undefined && name === undefined) r.required(`${base}.name`, 'recipient name is required')
  const address = addressValue(r, recipient?.address, 'record.recipient.address', 'recipient.address', genericAddressParts)
  if (recipient !== undefined && address === undefined && !r.issues.some((i) => i.path.startsWith(`${base}.address`))) {
    r.issue(`${base}.address`, 'required', 'recipient address is required')
  }
  const company = mappedTextValue(r, recipient?.company, base, 'company', 'recipient.company')
  const phone = mappedPhoneValue(r, recipient?.phone, base, 'phone', 'recipient.phone')
  const pkg = readPackage(r, record)
  const shipDate = shipDateValue(r, record.ship_date, 'record', 'ship_date') ?? undefined
  const sortCode = mappedTextValue(r, record.sort_code, 'record', 'sort_code', 'sortCode')
  const instructions = mappedTextValue(r, record.instructions, 'record', 'instructions', 'instructions')
  const carrierLine = mappedTextValue(r, record.carrier_line, 'record', 'carrier_line', 'carrierLine')
  const references = readReferences(r, record)
  if (shipper === undefined || name === undefined || address === undefined) return undefined
  // Built key by key in print order (no spreads: this runs for every record).
  const recipientData: Recipient = { name, address }
  if (company !== undefined) recipientData.company = company
  if (phone !== undefined) recipientData.phone = phone
  const data: AdapterResult['data'] = { shipper, recipient: recipientData }
  if (shipDate !== undefined) data.shipDate = shipDate
  if (pkg !== undefined) data.package = pkg
  if (sortCode !== undefined) data.sortCode = sortCode
  if (instructions !== undefined) data.instructions = instructions
  if (carrierLine !== undefined) data.carrierLine = carrierLine
  return {
    data,
    tracking: [{ path: 'record.tracking_code', value: record.tracking_code }],
    references,
    facts: {
      items: { path: 'record.package', itemPath: 'record.package', count: pkg === undefined ? 0 : 1, quantity: 1, weighed: pkg?.weight !== undefined, measured: pkg?.dimensions !== undefined },
      recipientPhonePath: 'record.recipient.phone'
    }
  }
}

function detect (record: Rec): Detection {
  if (!isRec(record.recipient)) return { match: 'none', missing: 'a recipient object and tracking_code' }
  if (record.tracking_code === undefined) return { match: 'shape', missing: 'tracking_code' }
  return { match: 'distinct', missing: '' }
}

/** Adapter for the generic record. */
export const genericAdapter = defineSource({ source: 'generic', trackingFields: ['tracking_code'], detect, read, misspelt, placeCode: placeCodeAt('tracking_code') })
