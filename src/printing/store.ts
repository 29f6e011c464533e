// The print queue's durable state in one SQLite file (WAL): printers, jobs in arrival order, and which font
// download each printer holds. Every state change is one UPDATE guarded by the state it expects, so the sender,
// a cancel and a restart can never both win.
import { existsSync, mkdirSync, statSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { ConfigError } from '../errors.ts'
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
  host: string
  port: number
  dpi: Dpi | null
  detectedDpi: Dpi | null
  enabled: boolean
  origin: 'file' | 'api'
  createdAt: number
  updatedAt: number
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS printers (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, host TEXT NOT NULL, port INTEGER NOT NULL, dpi INTEGER, detected_dpi INTEGER,
  enabled INTEGER NOT NULL, origin TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS printer_fonts (printer_id TEXT PRIMARY KEY, font_hash TEXT NOT NULL, stored_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS jobs (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, printer_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued','sending','printed','failed','canceled')), phase TEXT,
  zpl BLOB NOT NULL, dpi INTEGER, copies INTEGER NOT NULL, tracking_code TEXT,
  idempotency_key TEXT UNIQUE, request_hash TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, sent_at INTEGER, written_at INTEGER, finished_at INTEGER);
CREATE INDEX IF NOT EXISTS jobs_by_printer ON jobs (printer_id, state, seq);
`

interface JobRow {
  id: string, printer_id: string, state: JobState, phase: SendPhase | null, zpl: Buffer, dpi: number | null, copies: number
  tracking_code: string | null, idempotency_key: string | null, request_hash: string, attempts: number, last_error: string | null
  created_at: number, updated_at: number, sent_at: number | null, written_at: number | null, finished_at: number | null
}

interface PrinterRow {
  id: string, name: string, host: string, port: number, dpi: number | null, detected_dpi: number | null
  enabled: number, origin: 'file' | 'api', created_at: number, updated_at: number
}

const toJob = (r: JobRow): PrintJob => ({
  id: r.id, printerId: r.printer_id, state: r.state, phase: r.phase, zpl: r.zpl, dpi: r.dpi as Dpi | null, copies: r.copies,
  trackingCode: r.tracking_code, idempotencyKey: r.idempotency_key, requestHash: r.request_hash, attempts: r.attempts,
  lastError: r.last_error, createdAt: r.created_at, updatedAt: r.updated_at, sentAt: r.sent_at, writtenAt: r.written_at, finishedAt: r.finished_at
})

const toPrinter = (r: PrinterRow): PrinterRecord => ({
  id: r.id, name: r.name, host: r.host, port: r.port, dpi: r.dpi as Dpi | null, detectedDpi: r.detected_dpi as Dpi | null,
  enabled: r.enabled === 1, origin: r.origin, createdAt: r.created_at, updatedAt: r.updated_at
})

/** What a new job is made of. */
export type NewJob = Pick<PrintJob, 'id' | 'printerId' | 'zpl' | 'dpi' | 'copies' | 'trackingCode' | 'idempotencyKey' | 'requestHash'>

/** Where a restart found jobs that were being sent. */
export interface RecoveryReport {
  /** No label byte had been written: safe to send, back in the queue at their old place. */
  requeued: string[]
  /** Label bytes may have reached the printer: failed, never resent automatically. */
  interrupted: string[]
}

/** The reason given to jobs a restart found in the middle of writing. */
export const INTERRUPTED_REASON = 'interrupted: may have printed (the service stopped while writing the label; not resent automatically)'

/**
 * `mkdir -p` that gives up where a parent exists and the directory still cannot be made: Node 20's recursive
 * mkdir retries such a path for ever, so a DATA_DIR below /proc would hold start-up without a word.
 */
function ensureDirectory (dir: string): void {
  try {
    mkdirSync(dir)
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code
    if (code === 'EEXIST' && statSync(dir).isDirectory()) return
    const parent = path.dirname(dir)
    if (code !== 'ENOENT' || parent === dir || existsSync(parent)) throw err
    ensureDirectory(parent)
    mkdirSync(dir)
  }
}

/** The queue database in DATA_DIR; a directory that cannot hold it stops start-up naming DATA_DIR. */
export function openDatabase (dataDir: string): Database.Database {
  try {
    ensureDirectory(dataDir)
    return new Database(path.join(dataDir, 'print-queue.sqlite'))
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message
    throw new ConfigError(`DATA_DIR ${dataDir} cannot hold the print queue database (${reason}); set DATA_DIR to a writable directory`, { cause: err })
  }
}

/** Opens (creating the directory and tables) the queue database at `<dataDir>/print-queue.sqlite`. */
export function openStore (dataDir: string, options: { synchronous?: 'FULL' | 'NORMAL' } = {}) {
  const db = openDatabase(dataDir)
  db.pragma('journal_mode = WAL')
  // FULL: a job reported as accepted, or marked `writing`, survives a power cut, not only a process crash.
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`)
  db.pragma('busy_timeout = 5000')
  db.exec(SCHEMA)

  const q = {
    insert: db.prepare(`INSERT INTO jobs (id, printer_id, state, zpl, dpi, copies, tracking_code, idempotency_key, request_hash, created_at, updated_at)
      VALUES (@id, @printerId, 'queued', @zpl, @dpi, @copies, @trackingCode, @idempotencyKey, @requestHash, @now, @now)`),
    byId: db.prepare<[string], JobRow>('SELECT * FROM jobs WHERE id = ?'),
    byKey: db.prepare<[string], JobRow>('SELECT * FROM jobs WHERE idempotency_key = ?'),
    next: db.prepare<[string], JobRow>("SELECT * FROM jobs WHERE printer_id = ? AND state = 'queued' ORDER BY seq LIMIT 1"),
    sending: db.prepare("UPDATE jobs SET state = 'sending', phase = 'connecting', sent_at = ?, updated_at = ? WHERE id = ? AND state = 'queued'"),
    writing: db.prepare("UPDATE jobs SET phase = 'writing', attempts = attempts + 1, updated_at = ? WHERE id = ? AND state = 'sending' AND phase = 'connecting'"),
    requeue: db.prepare("UPDATE jobs SET state = 'queued', phase = NULL, attempts = attempts + ?, last_error = ?, updated_at = ? WHERE id = ? AND state = 'sending' AND phase = 'connecting'"),
    printed: db.prepare("UPDATE jobs SET state = 'printed', phase = NULL, last_error = NULL, written_at = ?, finished_at = ?, updated_at = ? WHERE id = ? AND state = 'sending'"),
    failed: db.prepare("UPDATE jobs SET state = 'failed', phase = NULL, last_error = ?, finished_at = ?, updated_at = ? WHERE id = ? AND state IN ('queued', 'sending')"),
    cancel: db.prepare("UPDATE jobs SET state = 'canceled', phase = NULL, finished_at = ?, updated_at = ?, last_error = COALESCE(?, last_error) WHERE id = ? AND (state = 'queued' OR (state = 'sending' AND phase = 'connecting'))"),
    list: db.prepare<[string, number], JobRow>('SELECT * FROM jobs WHERE printer_id = ? ORDER BY seq DESC LIMIT ?'),
    depth: db.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM jobs WHERE printer_id = ? AND state IN ('queued', 'sending')"),
    pending: db.prepare<[], { printer_id: string }>("SELECT DISTINCT printer_id FROM jobs WHERE state IN ('queued', 'sending')"),
    openForPrinter: db.prepare<[string], { id: string }>("SELECT id FROM jobs WHERE printer_id = ? AND state = 'queued' ORDER BY seq"),
    inFlight: db.prepare<[], JobRow>("SELECT * FROM jobs WHERE state = 'sending' ORDER BY seq"),
    printer: db.prepare<[string], PrinterRow>('SELECT * FROM printers WHERE id = ?'),
    printers: db.prepare<[], PrinterRow>('SELECT * FROM printers ORDER BY id'),
    putPrinter: db.prepare(`INSERT INTO printers (id, name, host, port, dpi, detected_dpi, enabled, origin, created_at, updated_at)
      VALUES (@id, @name, @host, @port, @dpi, @detectedDpi, @enabled, @origin, @createdAt, @updatedAt)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, host = excluded.host, port = excluded.port, dpi = excluded.dpi,
        detected_dpi = excluded.detected_dpi, enabled = excluded.enabled, origin = excluded.origin, updated_at = excluded.updated_at`),
    deletePrinter: db.prepare('DELETE FROM printers WHERE id = ?'),
    prune: db.prepare("DELETE FROM jobs WHERE state IN ('printed', 'failed', 'canceled') AND finished_at < ?"),
    font: db.prepare<[string], { font_hash: string }>('SELECT font_hash FROM printer_fonts WHERE printer_id = ?'),
    setFont: db.prepare('INSERT INTO printer_fonts (printer_id, font_hash, stored_at) VALUES (?, ?, ?) ON CONFLICT (printer_id) DO UPDATE SET font_hash = excluded.font_hash, stored_at = excluded.stored_at'),
    clearFont: db.prepare('DELETE FROM printer_fonts WHERE printer_id = ?')
  }
  const one = (row: JobRow | undefined): PrintJob | undefined => row === undefined ? undefined : toJob(row)

  return {
    insertJob (job: NewJob, now = Date.now()): PrintJob {
      q.insert.run({ ...job, now })
      return toJob(q.byId.get(job.id) as JobRow)
    },
    job: (id: string) => one(q.byId.get(id)),
    jobByKey: (key: string) => one(q.byKey.get(key)),
    /** The oldest queued job of a printer. */
    nextJob: (printerId: string) => one(q.next.get(printerId)),
    markSending: (id: string, now = Date.now()) => q.sending.run(now, now, id).changes === 1,
    /** The point of no return: after this, the job is never sent again automatically. */
    markWriting: (id: string, now = Date.now()) => q.writing.run(now, id).changes === 1,
    /** Back in the queue after an attempt that wrote no label byte; `countAttempt` false for a printer fault hold. */
    requeue: (id: string, error: string, countAttempt: boolean, now = Date.now()) => q.requeue.run(countAttempt ? 1 : 0, error, now, id).changes === 1,
    markPrinted: (id: string, writtenAt: number, now = Date.now()) => q.printed.run(writtenAt, now, now, id).changes === 1,
    markFailed: (id: string, error: string, now = Date.now()) => q.failed.run(error, now, now, id).changes === 1,
    cancel: (id: string, reason: string | null = null, now = Date.now()) => q.cancel.run(now, now, reason, id).changes === 1,
    jobsOf: (printerId: string, limit: number) => q.list.all(printerId, limit).map(toJob),
    depth: (printerId: string) => q.depth.get(printerId)?.n ?? 0,
    printersWithWork: () => q.pending.all().map((r) => r.printer_id),
    queuedIdsOf: (printerId: string) => q.openForPrinter.all(printerId).map((r) => r.id),
    /** Applies the restart rule to jobs left in `sending` (see RecoveryReport). */
    recoverInterrupted (now = Date.now()): RecoveryReport {
      const report: RecoveryReport = { requeued: [], interrupted: [] }
      db.transaction(() => {
        for (const job of q.inFlight.all()) {
          if (job.phase === 'writing') {
            q.failed.run(INTERRUPTED_REASON, now, now, job.id)
            report.interrupted.push(job.id)
          } else {
            q.requeue.run(0, 'restarted before any label byte was written; sending again', now, job.id)
            report.requeued.push(job.id)
          }
        }
      })()
      return report
    },
    /** Deletes finished jobs older than `before`; their idempotency keys become free again. */
    pruneFinished: (before: number) => q.prune.run(before).changes,
    printer: (id: string) => { const r = q.printer.get(id); return r === undefined ? undefined : toPrinter(r) },
    printers: () => q.printers.all().map(toPrinter),
    putPrinter (p: PrinterRecord): void {
      q.putPrinter.run({ ...p, enabled: p.enabled ? 1 : 0 })
    },
    deletePrinter: (id: string) => q.deletePrinter.run(id).changes === 1,
    fontHash: (printerId: string) => q.font.get(printerId)?.font_hash,
    setFontHash: (printerId: string, hash: string, now = Date.now()) => { q.setFont.run(printerId, hash, now) },
    clearFontHash: (printerId: string) => { q.clearFont.run(printerId) },
    close: () => { db.close() }
  }
}

/** The queue database's operations. */
export type PrintStore = ReturnType<typeof openStore>
