// What the archive's main-thread side and its writer thread (archive-worker.ts) send each other.
import type { ArchivedLabel, ClaimResult, IdempotencyClaim } from './label-archive.ts'

/** One label to keep, with the Idempotency-Key it claims, if any. */
export interface PutItem {
  label: ArchivedLabel
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
