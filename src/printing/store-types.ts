// The print queue's durable state as one async interface, whatever holds it (SQLite embedded, or PostgreSQL shared
// by several instances): printers, jobs in arrival order, idempotency keys, which font each printer holds, the
// lease that says which instance sends to a printer, and the last status each printer reported. Every job state
// change is one UPDATE guarded by the state it expects, so the sender, a cancel and a takeover can never both win.
import type { Dpi } from '../units.ts'

/** Life of a job: queued → sending → printed | failed; canceled from queued (or before any label byte is written). */
export type JobState = 'queued' | 'sending' | 'printed' | 'failed' | 'canceled'
/** While sending: `connecting` until the first label byte is written, then `writing`. */
export type SendPhase = 'connecting' | 'writing'

/** One print job as stored. Times are epoch milliseconds. */
export interface PrintJob {
  id: string
  printerId: string
  state: JobState
  phase: SendPhase | null
  zpl: Buffer
  dpi: Dpi | null
  copies: number
  trackingCode: string | null
  idempotencyKey: string | null
  requestHash: string
  attempts: number
  lastError: string | null
  createdAt: number
  updatedAt: number
  sentAt: number | null
  writtenAt: number | null
  finishedAt: number | null
}

/** A printer as stored; `origin` says whether the config file or the admin API defined it. */
export interface PrinterRecord {
  id: string
  name: string
  /** How the service reaches it: a name in src/printing/transports/index.ts (`tcp`: raw port 9100). */
  transport: string
  host: string
  port: number
  dpi: Dpi | null
  detectedDpi: Dpi | null
  enabled: boolean
  origin: 'file' | 'api'
  createdAt: number
  updatedAt: number
}

/** What a new job is made of. */
export type NewJob = Pick<PrintJob, 'id' | 'printerId' | 'zpl' | 'dpi' | 'copies' | 'trackingCode' | 'idempotencyKey' | 'requestHash'>

/** What a takeover (or a restart) found of jobs that were being sent. */
export interface RecoveryReport {
  /** No label byte had been written: safe to send, back in the queue at their old place. */
  requeued: string[]
  /** Label bytes may have reached the printer: failed, never resent automatically. */
  interrupted: string[]
}

/** The reason given to jobs a takeover found in the middle of writing. */
export const INTERRUPTED_REASON = 'interrupted: may have printed (the service stopped while writing the label; not resent automatically)'

/** Per printer with unfinished jobs: how many, and since when the oldest of them (queued, held or being sent) waits. */
export interface QueueStat {
  printerId: string
  depth: number
  oldestAt: number
}

/** The last status a printer reported to any instance, as JSON the status endpoint and the metrics read. */
export interface StoredStatus {
  printerId: string
  /** `ready`, `unreachable`, `silent` or the fault names joined by ", ". */
  summary: string
  probe: string
  checkedAt: number
}

/** The print queue's storage; every method may throw on a storage failure. */
export interface PrintStore {
  readonly kind: 'sqlite' | 'postgres'
  /** Inserts a queued job; undefined when its idempotency key is already taken (by any instance). */
  insertJob (job: NewJob, now?: number): Promise<PrintJob | undefined>
  job (id: string): Promise<PrintJob | undefined>
  jobByKey (key: string): Promise<PrintJob | undefined>
  /** The oldest queued job of a printer. */
  nextJob (printerId: string): Promise<PrintJob | undefined>
  markSending (id: string, now?: number): Promise<boolean>
  /**
   * The point of no return: after this, the job is never sent again automatically. With `owner`, only while that
   * instance holds the printer's lease, so an instance whose lease ran out can never start writing.
   */
  markWriting (id: string, owner?: string, now?: number): Promise<boolean>
  /** Back in the queue after an attempt that wrote no label byte; `countAttempt` false for a printer fault hold. */
  requeue (id: string, error: string, countAttempt: boolean, now?: number): Promise<boolean>
  markPrinted (id: string, writtenAt: number, now?: number): Promise<boolean>
  markFailed (id: string, error: string, now?: number): Promise<boolean>
  cancel (id: string, reason?: string | null, now?: number): Promise<boolean>
  /** Most recent jobs of a printer, newest first. */
  jobsOf (printerId: string, limit: number): Promise<PrintJob[]>
  depth (printerId: string): Promise<number>
  printersWithWork (): Promise<string[]>
  queuedIdsOf (printerId: string): Promise<string[]>
  queueStats (): Promise<QueueStat[]>
  /** Applies the takeover rule (see RecoveryReport) to jobs left in `sending` on printers nobody holds a live lease on. */
  recoverInterrupted (now?: number): Promise<RecoveryReport>
  /** Deletes finished jobs older than `before`; their idempotency keys become free again. */
  pruneFinished (before: number): Promise<number>
  printer (id: string): Promise<PrinterRecord | undefined>
  printers (): Promise<PrinterRecord[]>
  putPrinter (p: PrinterRecord): Promise<void>
  deletePrinter (id: string): Promise<boolean>
  fontHash (printerId: string): Promise<string | undefined>
  setFontHash (printerId: string, hash: string, now?: number): Promise<void>
  clearFontHash (printerId: string): Promise<void>
  /**
   * Takes or renews the printer's lease for `ttlMs`; false while another owner holds a live one. Taking it over
   * applies the takeover rule to the printer's jobs left in `sending`, in the same transaction.
   */
  claimPrinter (printerId: string, owner: string, ttlMs: number): Promise<{ held: boolean, recovered: RecoveryReport }>
  /** Renews every lease `owner` holds; returns the printers it still holds. */
  renewLeases (owner: string, ttlMs: number): Promise<string[]>
  releasePrinter (printerId: string, owner: string): Promise<void>
  /** Who holds a live lease on the printer, if anyone. */
  leaseHolder (printerId: string): Promise<string | undefined>
  setStatus (status: StoredStatus): Promise<void>
  statuses (): Promise<StoredStatus[]>
  /** Calls `listener` when another instance queues a job for a printer; returns a function that stops listening. */
  onNewJob (listener: (printerId: string) => void): Promise<() => Promise<void>>
  /** Throws when the database cannot be reached (readiness). */
  ping (): Promise<void>
  close (): Promise<void>
}
