// Uber Direct: the create-delivery request and the Delivery object (seeds 001, 002). Items are weighed in grams
// and measured in centimetres; a CODE128 dropoff barcode is what the courier scans, so it is the tracking code.
import type { PackageInfo } from '../../model/label-data.ts'
import { dimensionsOf, measure } from '../package.ts'
import { hasAnyKey, isRec, type Rec, type RecordReader } from '../reader.ts'
import { defineSource, type AdapterResult, type CarrierFacts, type Detection, type ReferenceChoice, type TrackingCandidate } from '../types.ts'
import { recordField, referenceChoice, valueOf } from './common.ts'
import { sumItems } from './items.ts'
import { readWaypointRecord, type WaypointExtras } from './waypoint-label.ts'
import { hasWaypointShape } from './waypoint-record.ts'

/** Fields only Uber Direct has (Postmates' delivery object has none of them). */
export const UBER_ONLY_FIELDS = ['manifest_items', 'uuid', 'external_id', 'dropoff_verification', 'pickup_verification', 'deliverable_action', 'undeliverable_action', 'dropoff_seller_notes', 'external_store_id'] as const

const BARCODE_FIELDS = [recordField('dropoff_verification.barcodes'), recordField('dropoff.verification_requirements.barcodes')]
const MANIFEST_REFERENCE = recordField('manifest.reference')
const EXTERNAL_ID = recordField('external_id')
const REF_FIELDS = [recordField('manifest_reference'), MANIFEST_REFERENCE, EXTERNAL_ID]
const EXT_FIELDS = [EXTERNAL_ID]
const REFERENCE_FALLBACK = 'no courier barcode or Uber delivery id in the record; your own reference is printed as the barcode'

/** Every CODE128 value among the dropoff barcodes; other symbologies are listed as unusable. */
function barcodeCandidates (record: Rec, r: RecordReader): TrackingCandidate[] {
  const candidates: TrackingCandidate[] = []
  for (const field of BARCODE_FIELDS) {
    const found = valueOf(record, field)
    // One barcode object sent without its list is that list of one, as for manifest_items.
    if (isRec(found)) r.warn('FIELD_SHAPE_COERCED', field.path, 'is one object where a list belongs; read as a list of that one barcode')
    const list = isRec(found) ? [found] : found
    if (!Array.isArray(list)) continue
    list.forEach((entry, i) => {
      const path = isRec(found) ? `${field.path}.value` : `${field.path}.${i}.value`
      if (!isRec(entry)) return
      const type = typeof entry.type === 'string' ? entry.type.trim().toUpperCase() : ''
      if (type === 'CODE128' || type === '') candidates.push({ path, value: entry.value })
      else candidates.push({ path, value: entry.value, skip: `barcode type ${type}; only a CODE128 value can be printed as this label's Code128` })
    })
  }
  return candidates
}

function tracking (record: Rec, r: RecordReader): TrackingCandidate[] {
  const candidates = barcodeCandidates(record, r)
  candidates.push(
    { path: 'record.id', value: record.id },
    { path: 'record.uuid', value: record.uuid },
    { path: 'record.external_id', value: record.external_id, fallback: REFERENCE_FALLBACK },
    { path: 'record.manifest_reference', value: record.manifest_reference, fallback: REFERENCE_FALLBACK },
    { path: 'record.manifest.reference', value: valueOf(record, MANIFEST_REFERENCE), fallback: REFERENCE_FALLBACK }
  )
  return candidates
}

/** Item weights in grams, as sumItems reads them. */
function gramsOf (r: RecordReader, item: Rec, at: string): number | undefined {
  return measure(r, item, 'weight', at)
}

/** `manifest_items`: grams × quantity summed; centimetre dimensions (length, depth, height) of a single item. */
function readItems (r: RecordReader, record: Rec): { pkg?: PackageInfo, facts: CarrierFacts['items'] } {
  const path = 'record.manifest_items'
  const list = r.array(record, 'manifest_items', 'record') ?? []
  const totals = sumItems(r, list, path, gramsOf)
  const first = totals.items.length === 1 ? totals.items[0] : undefined
  const dims = first === undefined ? undefined : r.object(first, 'dimensions', 'record.manifest_items.0')
  const at = 'record.manifest_items.0.dimensions'
  const dimensions = dims === undefined ? undefined : dimensionsOf(measure(r, dims, 'length', at), measure(r, dims, 'depth', at), measure(r, dims, 'height', at), 'cm')
  const pkg: PackageInfo = {}
  if (totals.weight !== undefined) { pkg.weight = { value: totals.weight, unit: 'g' }; if (list.length === 1) r.map('package.weight', 'record.manifest_items.0', 'weight'); else r.map('package.weight', path) }
  if (dimensions !== undefined) { pkg.dimensions = dimensions; r.map('package.dimensions', at) }
  // `manifest` is text in a create request (deprecated) and a ManifestInfo object in the Delivery object.
  const manifest = isRec(record.manifest) ? record.manifest : undefined
  const description = totals.summary ?? (manifest === undefined ? r.text(record, 'manifest', 'record') : r.text(manifest, 'description', 'record.manifest'))
  if (description !== undefined) {
    pkg.description = description
    r.map('package.description', totals.summary !== undefined ? path : manifest === undefined ? 'record.manifest' : 'record.manifest.description')
  }
  // Uber Direct requires quantity; when it is missing the courier still gets one of the item.
  const facts: CarrierFacts['items'] = { path, count: list.length, weighed: pkg.weight !== undefined, measured: dimensions !== undefined }
  if (first !== undefined) facts.quantity = totals.firstQuantity ?? 1
  return pkg.weight === undefined && pkg.dimensions === undefined && pkg.description === undefined ? { facts } : { pkg, facts }
}

function references (record: Rec): ReferenceChoice[] {
  const ref = referenceChoice('Ref#', record, REF_FIELDS)
  const ext = referenceChoice('Ext#', record, EXT_FIELDS)
  const choices: ReferenceChoice[] = []
  if (ref !== undefined) choices.push(ref)
  if (ext !== undefined) choices.push(ext)
  return choices
}

const NO_UBER_FIELDS = `any Uber Direct field (${UBER_ONLY_FIELDS.join(', ')})`

function detect (record: Rec): Detection {
  if (!hasWaypointShape(record)) return { match: 'none', missing: 'a dropoff (dropoff_name / dropoff_address, or a dropoff object)' }
  if (!hasAnyKey(record, UBER_ONLY_FIELDS)) return { match: 'shape', missing: NO_UBER_FIELDS }
  return { match: 'distinct', missing: '' }
}

function read (record: Rec, r: RecordReader): AdapterResult | undefined {
  const { pkg, facts } = readItems(r, record)
  const extras: WaypointExtras = { carrierLine: 'Uber Direct', items: facts, tracking: tracking(record, r), references: references(record) }
  if (pkg !== undefined) extras.pkg = pkg
  return readWaypointRecord(r, record, extras)
}

/** A generated code as a CODE128 dropoff barcode: that is what the Uber courier scans. */
function placeCode (delivery: Rec, code: string): string {
  const verification = isRec(delivery.dropoff_verification) ? delivery.dropoff_verification : (delivery.dropoff_verification = {})
  const barcodes = Array.isArray(verification.barcodes) ? verification.barcodes : (verification.barcodes = [])
  barcodes.unshift({ type: 'CODE128', value: code })
  return 'dropoff_verification.barcodes.0.value'
}

/** Adapter for Uber Direct records. */
export const uberDirectAdapter = defineSource({
  source: 'uber_direct',
  trackingFields: ['dropoff_verification.barcodes[type CODE128].value', 'dropoff.verification_requirements.barcodes[type CODE128].value', 'id', 'uuid', 'external_id', 'manifest_reference', 'manifest.reference'],
  detect,
  read,
  placeCode
})
