// What the archive's main-thread side and its writer thread (archive-worker.ts) send each other.
import type { ArchivedLabel, IdempotencyClaim } from './label-archive.ts'

/**
 * One label as the row it is stored as, its options, data and warnings already JSON: a label's objects cost ~30 µs to
 * pass to another thread by structured clone, its JSON 8 µs to make and next to nothing to pass.
 */
export interface LabelRow {
  id: string
  createdAt: number
  trackingCode: string
  source: ArchivedLabel['source']
  options: string
  data: string
  warnings: string
}

/**
 * Labels to keep, as one flat array of their rows' fields in LabelRow order (ROW_FIELDS values a label): a batch of
 * flat strings is passed to the writer at half the cost of as many row objects.
 */
export type FlatRows = (string | number)[]
export const ROW_FIELDS = 7

/** A label of a put that claims an Idempotency-Key: its place in the put's rows, and the claim. */
export interface Claiming {
  at: number
  claim: IdempotencyClaim
}

/** A write; `n` pairs it with its reply. */
export type ArchiveRequest =
  | { type: 'put', n: number, rows: FlatRows, claims: Claiming[] }
  | { type: 'prune', n: number, before: number }

/** A label of a put that was not stored: its claimed key already belonged to another label. */
export interface Refused {
  at: number
  labelId: string
  requestHash: string
}

/**
 * The outcome of request `n`: for a put, the labels refused (every other label was stored); for a prune, how many
 * labels went; or why the transaction failed.
 */
export type ArchiveReply =
  | { n: number, refused: Refused[], error?: undefined }
  | { n: number, pruned: number, error?: undefined }
  | { n: number, error: string }
