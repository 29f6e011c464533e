// What an adapter is and what it hands back; the shared pipeline (index.ts) turns that into an AdaptedRecord.
// The adapters are listed once, in sources.ts.
import type { FieldIssue } from '../errors.ts'
import type { LabelData } from '../model/label-data.ts'
import type { Rec, RecordReader } from './reader.ts'

/** A field that may hold the tracking code; `skip` says why it cannot be used even though it is there. */
export interface TrackingCandidate {
  path: string
  value: unknown
  skip?: string
  /** Why this field is only a stand-in for a real tracking code; returned as a warning when it is chosen. */
  fallback?: string
}

/** A printed reference; the first option that is not the tracking code is printed (unless `keepDuplicate`). */
export interface ReferenceChoice {
  label: string
  options: { value: string, path: string, labelPath?: string }[]
  /** Fields that hold a value that cannot be printed as a reference (an object, a list, a boolean). */
  unprintable?: { path: string, reason: string }[]
  keepDuplicate?: boolean
}

/** Facts carrier rules need that LabelData does not keep. */
export interface CarrierFacts {
  /** Given and family name when the source keeps them apart (Drive, DashLink). */
  nameParts?: { given?: string, givenPath: string, family?: string, familyPath: string }
  /**
   * The items the record lists: DashLink wants exactly one, of quantity 1, weighed and measured. `itemPath` is
   * the record path of that one item when it is not `<path>.0` (the generic record's package is an object).
   */
  items: { path: string, count: number, quantity?: number, weighed: boolean, measured: boolean, itemPath?: string }
  /** Where the recipient phone is (or would be) in the record. */
  recipientPhonePath: string
}

/** Everything an adapter read; the tracking code and references are settled by the shared pipeline. */
export interface AdapterResult {
  data: Omit<LabelData, 'trackingCode' | 'references'>
  tracking: TrackingCandidate[]
  references: ReferenceChoice[]
  facts: CarrierFacts
}

/** How well a record fits a source: `distinct` has the source's own fields, `shape` only fields it shares. */
export interface Detection {
  match: 'none' | 'shape' | 'distinct'
  /** What was missing for a distinct match, e.g. `order_fulfillment_method "parcel" or origin_facility_id`. */
  missing: string
}

/** Writes a generated tracking code into a delivery of the source; returns the field written, relative to the delivery. */
export type PlaceCode = (delivery: Rec, code: string) => string

/** One record source: recognises its shape and reads it. */
export interface SourceAdapter<Name extends string = string> {
  /** The source's name, as the `source` option takes it. */
  readonly source: Name
  /** Record fields that may hold the tracking code, in the order they are tried (documentation and errors). */
  readonly trackingFields: readonly string[]
  detect (record: Rec): Detection
  /** Reads the record, reporting problems through `r`; returns undefined when it cannot produce label data. */
  read (record: Rec, r: RecordReader): AdapterResult | undefined
  /** Top-level fields that look like misspellings of this source's fields, for when no source recognises a record. */
  misspelt?: (record: Rec) => FieldIssue[]
  /** Where `generate_tracking_code` puts a code; absent when the source's records have no field for one. */
  placeCode?: PlaceCode
}

/** Keeps an adapter's source name as its literal type, so SourceName is the union of the registered names. */
export function defineSource<Name extends string> (adapter: SourceAdapter<Name>): SourceAdapter<Name> {
  return adapter
}
