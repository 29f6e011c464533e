// Postmates v1: the delivery object (`dropoff.detailed_address`, `manifest` with `reference`) and the create
// request (`dropoff_name`, `dropoff_address`, `manifest` as a string, `manifest_reference`). Postmates records
// carry no weights or dimensions.
import type { PackageInfo } from '../../model/label-data.ts'
import { hasAnyKey, isRec, type Rec, type RecordReader } from '../reader.ts'
import { defineSource, type AdapterResult, type Detection, type ReferenceChoice } from '../types.ts'
import { recordField, referenceChoice, valueOf } from './common.ts'
import { UBER_ONLY_FIELDS } from './uber-direct.ts'
import { readWaypointRecord, type WaypointExtras } from './waypoint-label.ts'
import { hasWaypointShape } from './waypoint-record.ts'

const REFERENCE_FALLBACK = 'no Postmates delivery id in the record (a create request); the manifest reference is printed as the barcode'

const MANIFEST_REFERENCE = recordField('manifest.reference')
const REFERENCE_FIELDS = [recordField('manifest_reference'), MANIFEST_REFERENCE]

function description (r: RecordReader, record: Rec): PackageInfo | undefined {
  const manifest = record.manifest
  const text = isRec(manifest) ? r.text(manifest, 'description', 'record.manifest') : r.text(record, 'manifest', 'record')
  if (text === undefined) return undefined
  r.map('package.description', isRec(manifest) ? 'record.manifest.description' : 'record.manifest')
  return { description: text }
}

function detect (record: Rec): Detection {
  if (!hasWaypointShape(record)) return { match: 'none', missing: 'a dropoff (dropoff_name / dropoff_address, or a dropoff object)' }
  if (hasAnyKey(record, UBER_ONLY_FIELDS)) {
    const uber = UBER_ONLY_FIELDS.filter((key) => key in record)
    return { match: 'shape', missing: `nothing, but it also has Uber Direct fields (${uber.join(', ')})` }
  }
  if (!('manifest' in record) && record.kind !== 'delivery') return { match: 'shape', missing: 'manifest (text or { reference, description })' }
  return { match: 'distinct', missing: '' }
}

function read (record: Rec, r: RecordReader): AdapterResult | undefined {
  const pkg = description(r, record)
  const ref = referenceChoice('Ref#', record, REFERENCE_FIELDS)
  const extras: WaypointExtras = {
    carrierLine: 'Postmates',
    items: { path: 'record.manifest', count: 0, weighed: false, measured: false },
    tracking: [
      { path: 'record.id', value: record.id },
      { path: 'record.manifest_reference', value: record.manifest_reference, fallback: REFERENCE_FALLBACK },
      { path: 'record.manifest.reference', value: valueOf(record, MANIFEST_REFERENCE), fallback: REFERENCE_FALLBACK }
    ],
    references: ref === undefined ? [] : [ref] satisfies ReferenceChoice[]
  }
  if (pkg !== undefined) extras.pkg = pkg
  return readWaypointRecord(r, record, extras)
}

/** Adapter for Postmates v1 records; no placeCode, as a Postmates record has no field for a tracking code of its own. */
export const postmatesAdapter = defineSource({ source: 'postmates', trackingFields: ['id', 'manifest_reference', 'manifest.reference'], detect, read })
