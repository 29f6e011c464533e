// What the archive's main-thread side and its writer thread (archive-worker.ts) send each other.
import type { ArchivedLabel, ClaimResult, IdempotencyClaim } from './label-archive.ts'

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

/** One label to keep, with the Idempotency-Key it claims, if any. */
export interface PutItem {
  row: LabelRow
  claim?: IdempotencyClaim
}

/** A write; `n` pairs it with its reply. */
export type ArchiveRequest =
  | { type: 'put', n: number, items: PutItem[] }
  | { type: 'prune', n: number, before: number }

/** The outcome of request `n`: a put's results in item order, a prune's count, or why the transaction failed. */
export type ArchiveReply =
  | { n: number, results: ClaimResult[] | number, error?: undefined }
  | { n: number, error: string }
