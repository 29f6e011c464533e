// DashLink parcel records: Drive v2 requests and responses with order_fulfillment_method "parcel" (guide 004).
// A generated code goes in external_delivery_id, as the DashLink guide says (DashLink copies it to the reference tag).
import type { Rec, RecordReader } from '../reader.ts'
import { defineSource, type AdapterResult, type Detection } from '../types.ts'
import { placeCodeAt, recordField } from './common.ts'
import { DRIVE_FIELDS, hasDriveFields, isParcel, readDriveRecord } from './drive-record.ts'

/**
 * The guide: external_delivery_id, pickup_reference_tag and items.barcode all carry the tracking code, and
 * pickup_reference_tag "will always remain constant even if there are multiple delivery attempts", so it goes first.
 */
const TRACKING_FIELDS = ['pickup_reference_tag', 'external_delivery_id', 'items.0.barcode'] as const

const TRACKING = TRACKING_FIELDS.map(recordField)

const NO_DRIVE_FIELDS = `any Drive field (${DRIVE_FIELDS.join(', ')}) and order_fulfillment_method "parcel" or origin_facility_id`

function detect (record: Rec): Detection {
  if (!hasDriveFields(record) && !('origin_facility_id' in record)) return { match: 'none', missing: NO_DRIVE_FIELDS }
  if (!isParcel(record)) return { match: 'shape', missing: 'order_fulfillment_method "parcel" or origin_facility_id' }
  return { match: 'distinct', missing: '' }
}

function read (record: Rec, r: RecordReader): AdapterResult | undefined {
  return readDriveRecord(r, record, 'By DashLink', TRACKING)
}

/** Adapter for DashLink parcel records. */
export const dashlinkAdapter = defineSource({ source: 'dashlink', trackingFields: TRACKING_FIELDS, detect, read, placeCode: placeCodeAt('external_delivery_id') })
