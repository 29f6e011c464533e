// The print queue in one SQLite file (WAL) in DATA_DIR: the embedded default, for one instance. The file has one
// process, so printer leases live in memory (the workers run as over PostgreSQL, without a synced write per claim),
// and whatever an earlier run left in `sending` is its own to recover at open.
import { existsSync, mkdirSync, statSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { ConfigError } from '../errors.ts'
import { MIGRATIONS_TABLE, pendingMigrations, SQLITE_MIGRATIONS } from './migrations.ts'
import { printerColumns, REQUEUED_REASON, toJob, toPrinter, toStatus, type JobRow, type PrinterRow, type StatusRow } from './store-rows.ts'
import { INTERRUPTED_REASON, type PrintStore, type RecoveryReport } from './store-types.ts'

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

/** Applies the schema steps the database lacks. */
export function migrateSqlite (db: Database.Database): number[] {
  db.exec(MIGRATIONS_TABLE)
  const applied = db.prepare<[], { version: number }>('SELECT version FROM schema_migrations').all().map((r) => r.version)
  const steps = pendingMigrations(SQLITE_MIGRATIONS, applied)
  for (const step of steps) {
    db.transaction(() => {
      db.exec(step.sql)
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(step.version, step.name, Date.now())
    })()
  }
  return steps.map((s) => s.version)
}

/** Opens (creating the directory and applying the schema steps) the queue database at `<dataDir>/print-queue.sqlite`. */
export function openSqliteStore (dataDir: string, options: { synchronous?: 'FULL' | 'NORMAL' } = {}): PrintStore {
  const db = openDatabase(dataDir)
  db.pragma('journal_mode = WAL')
  // FULL: a job reported as accepted, or marked `writing`, survives a power cut, not only a process crash.
  db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`)
  db.pragma('busy_timeout = 5000')
  migrateSqlite(db)
  const leases = new Map<string, { owner: string, expiresAt: number }>()
  const liveLease = (printerId: string, now: number) => { const l = leases.get(printerId); return l !== undefined && l.expiresAt > now ? l : undefined }

  const q = {
    insert: db.prepare(`INSERT INTO jobs (id, printer_id, state, zpl, dpi, copies, tracking_code, idempotency_key, request_hash, created_at, updated_at)
      VALUES (@id, @printerId, 'queued', @zpl, @dpi, @copies, @trackingCode, @idempotencyKey, @requestHash, @now, @now) ON CONFLICT (idempotency_key) DO NOTHING`),
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
    stats: db.prepare<[], { printer_id: string, depth: number, oldest: number }>(`SELECT printer_id, COUNT(*) AS depth,
      MIN(created_at) AS oldest FROM jobs WHERE state IN ('queued', 'sending') GROUP BY printer_id`),
    openForPrinter: db.prepare<[string], { id: string }>("SELECT id FROM jobs WHERE printer_id = ? AND state = 'queued' ORDER BY seq"),
    inFlight: db.prepare<[], JobRow>("SELECT * FROM jobs WHERE state = 'sending' ORDER BY seq"),
    inFlightOf: db.prepare<[string], JobRow>("SELECT * FROM jobs WHERE state = 'sending' AND printer_id = ? ORDER BY seq"),
    printer: db.prepare<[string], PrinterRow>('SELECT * FROM printers WHERE id = ?'),
    printers: db.prepare<[], PrinterRow>('SELECT * FROM printers ORDER BY id'),
    putPrinter: db.prepare(`INSERT INTO printers (id, name, transport, host, port, dpi, detected_dpi, enabled, origin, created_at, updated_at)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET name = excluded.name, transport = excluded.transport, host = excluded.host, port = excluded.port,
        dpi = excluded.dpi, detected_dpi = excluded.detected_dpi, enabled = excluded.enabled, origin = excluded.origin, updated_at = excluded.updated_at`),
    deletePrinter: db.prepare('DELETE FROM printers WHERE id = ?'),
    prune: db.prepare("DELETE FROM jobs WHERE state IN ('printed', 'failed', 'canceled') AND finished_at < ?"),
    font: db.prepare<[string], { font_hash: string }>('SELECT font_hash FROM printer_fonts WHERE printer_id = ?'),
    setFont: db.prepare('INSERT INTO printer_fonts (printer_id, font_hash, stored_at) VALUES (?, ?, ?) ON CONFLICT (printer_id) DO UPDATE SET font_hash = excluded.font_hash, stored_at = excluded.stored_at'),
    clearFont: db.prepare('DELETE FROM printer_fonts WHERE printer_id = ?'),
    setStatus: db.prepare('INSERT INTO printer_status (printer_id, summary, probe, checked_at) VALUES (?, ?, ?, ?) ON CONFLICT (printer_id) DO UPDATE SET summary = excluded.summary, probe = excluded.probe, checked_at = excluded.checked_at'),
    statuses: db.prepare<[], StatusRow>('SELECT * FROM printer_status ORDER BY printer_id')
  }
  const one = (row: JobRow | undefined) => row === undefined ? undefined : toJob(row)

  function recover (jobs: JobRow[], now: number): RecoveryReport {
    const report: RecoveryReport = { requeued: [], interrupted: [] }
    for (const job of jobs) {
      if (job.phase === 'writing') {
        q.failed.run(INTERRUPTED_REASON, now, now, job.id)
        report.interrupted.push(job.id)
      } else {
        q.requeue.run(0, REQUEUED_REASON, now, job.id)
        report.requeued.push(job.id)
      }
    }
    return report
  }

  function claim (printerId: string, owner: string, ttlMs: number, now: number) {
    const lease = leases.get(printerId)
    if (lease !== undefined && lease.owner !== owner && lease.expiresAt > now) return { held: false, recovered: { requeued: [], interrupted: [] } }
    leases.set(printerId, { owner, expiresAt: now + ttlMs })
    const recovered = lease?.owner === owner ? { requeued: [], interrupted: [] } : db.transaction(() => recover(q.inFlightOf.all(printerId), now))()
    return { held: true, recovered }
  }

  return {
    kind: 'sqlite',
    async insertJob (job, now = Date.now()) {
      if (q.insert.run({ ...job, now }).changes === 0) return undefined
      return toJob(q.byId.get(job.id) as JobRow)
    },
    job: async (id) => one(q.byId.get(id)),
    jobByKey: async (key) => one(q.byKey.get(key)),
    nextJob: async (printerId) => one(q.next.get(printerId)),
    markSending: async (id, now = Date.now()) => q.sending.run(now, now, id).changes === 1,
    markWriting: async (id, owner, now = Date.now()) => {
      const job = owner === undefined ? undefined : q.byId.get(id)
      if (job !== undefined && liveLease(job.printer_id, now)?.owner !== owner) return false
      return q.writing.run(now, id).changes === 1
    },
    requeue: async (id, error, countAttempt, now = Date.now()) => q.requeue.run(countAttempt ? 1 : 0, error, now, id).changes === 1,
    markPrinted: async (id, writtenAt, now = Date.now()) => q.printed.run(writtenAt, now, now, id).changes === 1,
    markFailed: async (id, error, now = Date.now()) => q.failed.run(error, now, now, id).changes === 1,
    cancel: async (id, reason = null, now = Date.now()) => q.cancel.run(now, now, reason, id).changes === 1,
    jobsOf: async (printerId, limit) => q.list.all(printerId, limit).map(toJob),
    depth: async (printerId) => q.depth.get(printerId)?.n ?? 0,
    printersWithWork: async () => q.pending.all().map((r) => r.printer_id),
    queuedIdsOf: async (printerId) => q.openForPrinter.all(printerId).map((r) => r.id),
    queueStats: async () => q.stats.all().map((r) => ({ printerId: r.printer_id, depth: r.depth, oldestAt: r.oldest })),
    recoverInterrupted: async (now = Date.now()) => db.transaction(() => recover(q.inFlight.all().filter((j) => liveLease(j.printer_id,
      now) === undefined), now))(),
    pruneFinished: async (before) => q.prune.run(before).changes,
    printer: async (id) => { const r = q.printer.get(id); return r === undefined ? undefined : toPrinter(r) },
    printers: async () => q.printers.all().map(toPrinter),
    putPrinter: async (p) => { q.putPrinter.run(printerColumns(p, p.enabled ? 1 : 0)) },
    deletePrinter: async (id) => q.deletePrinter.run(id).changes === 1,
    fontHash: async (printerId) => q.font.get(printerId)?.font_hash,
    setFontHash: async (printerId, hash, now = Date.now()) => { q.setFont.run(printerId, hash, now) },
    clearFontHash: async (printerId) => { q.clearFont.run(printerId) },
    claimPrinter: async (printerId, owner, ttlMs) => claim(printerId, owner, ttlMs, Date.now()),
    renewLeases: async (owner, ttlMs) => {
      const now = Date.now()
      const held = [...leases].filter(([printerId, l]) => l.owner === owner && liveLease(printerId, now) !== undefined).map(([printerId]) => printerId)
      for (const printerId of held) leases.set(printerId, { owner, expiresAt: now + ttlMs })
      return held
    },
    releasePrinter: async (printerId, owner) => { if (leases.get(printerId)?.owner === owner) leases.delete(printerId) },
    leaseHolder: async (printerId) => liveLease(printerId, Date.now())?.owner,
    setStatus: async (s) => { q.setStatus.run(s.printerId, s.summary, s.probe, s.checkedAt) },
    statuses: async () => q.statuses.all().map(toStatus),
    onNewJob: async () => async () => {},
    ping: async () => { db.prepare('SELECT 1').get() },
    close: async () => { db.close() }
  }
}
