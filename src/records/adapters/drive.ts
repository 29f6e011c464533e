// DoorDash Drive v2 (standard, non-parcel) records: create-delivery and quote requests and delivery responses.
import type { Rec, RecordReader } from '../reader.ts'
import { defineSource, type AdapterResult, type Detection } from '../types.ts'
import { placeCodeAt, recordField } from './common.ts'
import { DRIVE_FIELDS, hasDriveFields, isParcel, readDriveRecord } from './drive-record.ts'

/** Drive's own delivery id first; the reference tag only when a record has no id. */
const TRACKING_FIELDS = ['external_delivery_id', 'pickup_reference_tag'] as const

const TRACKING = TRACKING_FIELDS.map(recordField)

const NO_DRIVE_FIELDS = `any Drive field (${DRIVE_FIELDS.join(', ')})`

function detect (record: Rec): Detection {
  if (!hasDriveFields(record)) return { match: 'none', missing: NO_DRIVE_FIELDS }
  if (isParcel(record)) return { match: 'shape', missing: 'a non-parcel order_fulfillment_method (parcel records are dashlink)' }
  return { match: 'distinct', missing: '' }
}

function read (record: Rec, r: RecordReader): AdapterResult | undefined {
  return readDriveRecord(r, record, 'DoorDash Drive', TRACKING)
}

/** Adapter for DoorDash Drive v2 records. */
export const driveAdapter = defineSource({ source: 'drive', trackingFields: TRACKING_FIELDS, detect, read, placeCode: placeCodeAt('external_delivery_id') })
