// `generate_tracking_code`: a record that has no tracking code gets a generated one, written into the field where
// its source keeps the code, so the label, the answer and the record the shipper sends on all carry the same code.
import { ValidationError } from '../errors.ts'
import { MissingTrackingCodeError } from './errors.ts'
import { adaptRecord } from './index.ts'
import type { Rec } from './reader.ts'
import { ADAPTERS, type SourceName, type SourceOption } from './sources.ts'

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
  const place = ADAPTERS[missing.source as SourceName].placeCode
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
