// Archived labels and their Idempotency-Keys live for the retention period (LABEL_RETENTION_DAYS), then go: pruned
// at start-up and every hour while the service runs.
import type { LabelArchive } from './label-archive.ts'

const DAY_MS = 86_400_000
const PRUNE_EVERY_MS = 3_600_000

/** Prunes `archive` now and every hour; `onError` hears a prune that failed. Returns what stops it. */
export function keepPruned (archive: Pick<LabelArchive, 'prune'>, retentionDays: number, onError: (err: unknown) => void, now = Date.now): () => void {
  const prune = (): void => { archive.prune(now() - retentionDays * DAY_MS).catch(onError) }
  prune()
  const timer = setInterval(prune, PRUNE_EVERY_MS)
  timer.unref()
  return () => { clearInterval(timer) }
}
