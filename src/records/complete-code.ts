// `generate_tracking_code`: a record that has no tracking code gets a generated one, written into the field where
// its source keeps the code, so the label, the answer and the record the shipper sends on all carry the same code.
import { ValidationError } from '../errors.ts'
import { MissingTrackingCodeError } from './errors.ts'
import { adaptRecord } from './index.ts'
import { isRec, type Rec } from './reader.ts'
import type { SourceName, SourceOption } from './types.ts'

/** Writes `code` into a delivery of `source`; returns the field written, relative to the delivery. */
type PlaceCode = (delivery: Rec, code: string) => string

function setField (key: string): PlaceCode {
  return (delivery, code) => { delivery[key] = code; return key }
}

/** Uber Direct: the courier scans a CODE128 dropoff barcode, so the code is added as one. */
function uberBarcode (delivery: Rec, code: string): string {
  const verification = isRec(delivery.dropoff_verification) ? delivery.dropoff_verification : (delivery.dropoff_verification = {})
  const barcodes = Array.isArray(verification.barcodes) ? verification.barcodes : (verification.barcodes = [])
  barcodes.unshift({ type: 'CODE128', value: code })
  return 'dropoff_verification.barcodes.0.value'
}

/** Where each source takes a generated code; Postmates records have no field of their own for it. */
const PLACES: Readonly<Record<SourceName, PlaceCode | undefined>> = {
  generic: setField('tracking_code'),
  // The DashLink guide: the shipper's code goes in external_delivery_id (DashLink copies it to the reference tag).
  dashlink: setField('external_delivery_id'),
  drive: setField('external_delivery_id'),
  uber_direct: uberBarcode,
  postmates: undefined
}

/** The record as sent, or a copy with a generated code when it had none; `code` and `path` say what was added. */
export interface CompletedRecord {
  record: unknown
  code?: string
  path?: string
}

/**
 * Gives a record without a tracking code one from `generate`. A record that has a code, or that is refused for
 * another reason, is returned as sent (the label pipeline then answers as it would have).
 */
export function completeTrackingCode (record: unknown, source: SourceOption, generate: () => string): CompletedRecord {
  let missing: MissingTrackingCodeError
  try {
    adaptRecord(record, { source, strict: false })
    return { record }
  } catch (err) {
    if (!(err instanceof MissingTrackingCodeError)) return { record }
    missing = err
  }
  const place = PLACES[missing.source as SourceName]
  if (place === undefined) {
    throw new ValidationError([{ path: 'generate_tracking_code', rule: 'source', message: `a ${missing.source} record has no field for a tracking code of its own; send the delivery id` }])
  }
  const copy = structuredClone(record) as Rec
  let delivery: unknown = copy
  for (const key of missing.root.split('.').slice(1)) delivery = Array.isArray(delivery) ? delivery[Number(key)] : (delivery as Rec)[key]
  const code = generate()
  const field = place(delivery as Rec, code)
  return { record: copy, code, path: `${missing.root}.${field}` }
}
