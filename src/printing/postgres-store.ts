// The print queue in PostgreSQL (DATABASE_URL), shared by any number of instances. Which instance sends to a printer
// is a lease row with an expiry on the database's own clock, so instances need no synchronised clocks; a new job
// reaches the other instances by NOTIFY (a trigger on jobs), and a lapsed lease is found by their periodic scan.
import pg from 'pg'
import { MIGRATIONS_TABLE, pendingMigrations, POSTGRES_MIGRATIONS } from './migrations.ts'
import { StoreUnavailableError } from './errors.ts'
import { inTransaction, openPool, translatingUnreachable } from './pg-pool.ts'
import { printerColumns, REQUEUED_REASON, toJob, toPrinter, toStatus, type JobRow, type PrinterRow, type StatusRow } from './store-rows.ts'
import { INTERRUPTED_REASON, type PrintStore, type RecoveryReport } from './store-types.ts'

/** Now on the database's clock, in epoch milliseconds: the one clock every instance's lease is measured by. */
const NOW = '(extract(epoch from clock_timestamp()) * 1000)::bigint'
/** Any number taken while applying the schema steps, so instances starting together apply them once. */
const MIGRATION_LOCK = 7_243_001
const NOTIFY_CHANNEL = 'labelworks_jobs'

/** Applies the schema steps the database lacks, one instance at a time. */
export async function migratePostgres (pool: pg.Pool): Promise<number[]> {
  return await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await client.query(MIGRATIONS_TABLE)
    const applied = (await client.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version)
    const steps = pendingMigrations(POSTGRES_MIGRATIONS, applied)
    for (const step of steps) {
      await client.query(step.sql)
      await client.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [step.version, step.name, Date.now()])
    }
    return steps.map((s) => s.version)
  })
}

const RECOVER_WRITING = `UPDATE jobs SET state = 'failed', phase = NULL, last_error = $2, finished_at = $3, updated_at = $3
  WHERE state = 'sending' AND phase = 'writing' AND printer_id = ANY($1) RETURNING id`
const RECOVER_CONNECTING = `UPDATE jobs SET state = 'queued', phase = NULL, last_error = $2, updated_at = $3
  WHERE state = 'sending' AND phase = 'connecting' AND printer_id = ANY($1) RETURNING id`

/** Connects, applies the schema steps, and returns the store; a database that cannot be reached stops start-up. */
export async function openPostgresStore (databaseUrl: string, options: { poolSize?: number } = {}): Promise<PrintStore> {
  const pool = await openPool(databaseUrl, options.poolSize ?? 10, 'the print queue', migratePostgres)
  const rows = async <R extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<R[]> => (await pool.query<R>(sql, params)).rows
  const changed = async (sql: string, params: unknown[]): Promise<boolean> => ((await pool.query(sql, params)).rowCount ?? 0) > 0
  const oneJob = async (sql: string, params: unknown[]) => { const [r] = await rows<JobRow>(sql, params); return r === undefined ? undefined : toJob(r) }

  /** Runs `fn` in one transaction on one connection. */
  const transaction = async <T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> => await inTransaction(pool, fn)

  async function recover (client: pg.PoolClient, printerIds: string[], now: number): Promise<RecoveryReport> {
    const interrupted = (await client.query<{ id: string }>(RECOVER_WRITING, [printerIds, INTERRUPTED_REASON, now])).rows.map((r) => r.id)
    const requeued = (await client.query<{ id: string }>(RECOVER_CONNECTING, [printerIds, REQUEUED_REASON, now])).rows.map((r) => r.id)
    return { requeued, interrupted }
  }

  // Every method's failure to reach the database is answered as 503 STORE_UNAVAILABLE, on every route alike.
  return translatingUnreachable<PrintStore>({
    kind: 'postgres',
    async insertJob (job, now = Date.now()) {
      const [r] = await rows<JobRow>(`INSERT INTO jobs (id, printer_id, state, zpl, dpi, copies, tracking_code, idempotency_key, request_hash, created_at, updated_at)
        VALUES ($1, $2, 'queued', $3, $4, $5, $6, $7, $8, $9, $9) ON CONFLICT (idempotency_key) DO NOTHING RETURNING *`,
      [job.id, job.printerId, job.zpl, job.dpi, job.copies, job.trackingCode, job.idempotencyKey, job.requestHash, now])
      return r === undefined ? undefined : toJob(r)
    },
    job: (id) => oneJob('SELECT * FROM jobs WHERE id = $1', [id]),
    jobByKey: (key) => oneJob('SELECT * FROM jobs WHERE idempotency_key = $1', [key]),
    nextJob: (printerId) => oneJob("SELECT * FROM jobs WHERE printer_id = $1 AND state = 'queued' ORDER BY seq LIMIT 1", [printerId]),
    markSending: (id, now = Date.now()) => changed("UPDATE jobs SET state = 'sending', phase = 'connecting', sent_at = $2, updated_at = $2 WHERE id = $1 AND state = 'queued'", [id, now]),
    markWriting: (id, owner, now = Date.now()) => changed(`UPDATE jobs SET phase = 'writing', attempts = attempts + 1, updated_at = $3
      WHERE id = $1 AND state = 'sending' AND phase = 'connecting' AND ($2::text IS NULL OR EXISTS
      (SELECT 1 FROM printer_leases l WHERE l.printer_id = jobs.printer_id AND l.owner = $2 AND l.expires_at > ${NOW}))`, [id, owner ?? null, now]),
    requeue: (id, error, countAttempt, now = Date.now()) => changed(`UPDATE jobs SET state = 'queued', phase = NULL, attempts = attempts + $2, last_error = $3, updated_at = $4
      WHERE id = $1 AND state = 'sending' AND phase = 'connecting'`, [id, countAttempt ? 1 : 0, error, now]),
    markPrinted: (id, writtenAt, now = Date.now()) => changed(`UPDATE jobs SET state = 'printed', phase = NULL, last_error = NULL, written_at = $2, finished_at = $3, updated_at = $3
      WHERE id = $1 AND state = 'sending'`, [id, writtenAt, now]),
    markFailed: (id, error, now = Date.now()) => changed(`UPDATE jobs SET state = 'failed', phase = NULL, last_error = $2, finished_at = $3, updated_at = $3
      WHERE id = $1 AND state IN ('queued', 'sending')`, [id, error, now]),
    cancel: (id, reason = null, now = Date.now()) => changed(`UPDATE jobs SET state = 'canceled', phase = NULL, finished_at = $2, updated_at = $2, last_error = COALESCE($3, last_error)
      WHERE id = $1 AND (state = 'queued' OR (state = 'sending' AND phase = 'connecting'))`, [id, now, reason]),
    jobsOf: async (printerId, limit) => (await rows<JobRow>('SELECT * FROM jobs WHERE printer_id = $1 ORDER BY seq DESC LIMIT $2', [printerId, limit])).map(toJob),
    depth: async (printerId) => (await rows<{ n: number }>("SELECT COUNT(*) AS n FROM jobs WHERE printer_id = $1 AND state IN ('queued', 'sending')", [printerId]))[0]?.n ?? 0,
    printersWithWork: async () => (await rows<{ printer_id: string }>("SELECT DISTINCT printer_id FROM jobs WHERE state IN ('queued', 'sending')")).map((r) => r.printer_id),
    queuedIdsOf: async (printerId) => (await rows<{ id: string }>("SELECT id FROM jobs WHERE printer_id = $1 AND state = 'queued' ORDER BY seq", [printerId])).map((r) => r.id),
    queueStats: async () => (await rows<{ printer_id: string, depth: number, oldest: number }>(`SELECT printer_id, COUNT(*) AS depth,
      MIN(created_at) AS oldest FROM jobs WHERE state IN ('queued', 'sending') GROUP BY printer_id`))
      .map((r) => ({ printerId: r.printer_id, depth: r.depth, oldestAt: r.oldest })),
    recoverInterrupted: (now = Date.now()) => transaction(async (client) => {
      const orphans = (await client.query<{ printer_id: string }>(`SELECT DISTINCT printer_id FROM jobs WHERE state = 'sending' AND NOT EXISTS
        (SELECT 1 FROM printer_leases l WHERE l.printer_id = jobs.printer_id AND l.expires_at > ${NOW})`)).rows.map((r) => r.printer_id)
      return recover(client, orphans, now)
    }),
    pruneFinished: async (before) => (await pool.query("DELETE FROM jobs WHERE state IN ('printed', 'failed', 'canceled') AND finished_at < $1", [before])).rowCount ?? 0,
    printer: async (id) => { const [r] = await rows<PrinterRow>('SELECT * FROM printers WHERE id = $1', [id]); return r === undefined ? undefined : toPrinter(r) },
    printers: async () => (await rows<PrinterRow>('SELECT * FROM printers ORDER BY id')).map(toPrinter),
    putPrinter: async (p) => {
      await pool.query(`INSERT INTO printers (id, name, transport, host, port, dpi, detected_dpi, enabled, origin, created_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, transport = excluded.transport, host = excluded.host, port = excluded.port,
          dpi = excluded.dpi, detected_dpi = excluded.detected_dpi, enabled = excluded.enabled, origin = excluded.origin, updated_at = excluded.updated_at`, printerColumns(p))
    },
    deletePrinter: (id) => changed('DELETE FROM printers WHERE id = $1', [id]),
    fontHash: async (printerId) => (await rows<{ font_hash: string }>('SELECT font_hash FROM printer_fonts WHERE printer_id = $1', [printerId]))[0]?.font_hash,
    setFontHash: async (printerId, hash, now = Date.now()) => {
      await pool.query(`INSERT INTO printer_fonts (printer_id, font_hash, stored_at) VALUES ($1, $2, $3)
        ON CONFLICT (printer_id) DO UPDATE SET font_hash = excluded.font_hash, stored_at = excluded.stored_at`, [printerId, hash, now])
    },
    clearFontHash: async (printerId) => { await pool.query('DELETE FROM printer_fonts WHERE printer_id = $1', [printerId]) },
    claimPrinter: (printerId, owner, ttlMs) => transaction(async (client) => {
      const before = (await client.query<{ owner: string }>('SELECT owner FROM printer_leases WHERE printer_id = $1 FOR UPDATE', [printerId])).rows[0]
      const taken = await client.query(`INSERT INTO printer_leases (printer_id, owner, expires_at) VALUES ($1, $2, ${NOW} + $3)
        ON CONFLICT (printer_id) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
        WHERE printer_leases.owner = excluded.owner OR printer_leases.expires_at <= ${NOW}`, [printerId, owner, ttlMs])
      if ((taken.rowCount ?? 0) === 0) return { held: false, recovered: { requeued: [], interrupted: [] } }
      const recovered = before?.owner === owner ? { requeued: [], interrupted: [] } : await recover(client, [printerId], Date.now())
      return { held: true, recovered }
    }),
    renewLeases: async (owner, ttlMs) => (await rows<{ printer_id: string }>(`UPDATE printer_leases SET expires_at = ${NOW} + $2
      WHERE owner = $1 AND expires_at > ${NOW} RETURNING printer_id`, [owner, ttlMs])).map((r) => r.printer_id),
    releasePrinter: async (printerId, owner) => { await pool.query('DELETE FROM printer_leases WHERE printer_id = $1 AND owner = $2', [printerId, owner]) },
    leaseHolder: async (printerId) => (await rows<{ owner: string }>(`SELECT owner FROM printer_leases WHERE printer_id = $1 AND expires_at > ${NOW}`, [printerId]))[0]?.owner,
    setStatus: async (s) => {
      await pool.query(`INSERT INTO printer_status (printer_id, summary, probe, checked_at) VALUES ($1, $2, $3, $4)
        ON CONFLICT (printer_id) DO UPDATE SET summary = excluded.summary, probe = excluded.probe, checked_at = excluded.checked_at`, [s.printerId, s.summary, s.probe, s.checkedAt])
    },
    statuses: async () => (await rows<StatusRow>('SELECT * FROM printer_status ORDER BY printer_id')).map(toStatus),
    onNewJob: (listener) => listenForJobs(databaseUrl, listener),
    async ping () {
      let timer: NodeJS.Timeout | undefined
      const timeout = new Promise<never>((_resolve, reject) => { timer = setTimeout(() => reject(new Error('the database did not answer within 2 s')), 2_000) })
      try {
        await Promise.race([pool.query('SELECT 1'), timeout])
      } finally {
        clearTimeout(timer)
      }
    },
    close: () => pool.end()
  }, (err) => new StoreUnavailableError(err))
}

/** LISTENs on its own connection, connecting again a second after it is lost, until stopped. */
async function listenForJobs (databaseUrl: string, listener: (printerId: string) => void): Promise<() => Promise<void>> {
  let stopped = false
  let client: pg.Client | undefined
  let retry: NodeJS.Timeout | undefined
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 })
    const lost = (): void => {
      next.removeAllListeners('notification')
      if (client === next) client = undefined
      void next.end().catch(() => {})
      if (!stopped && retry === undefined) retry = setTimeout(() => { retry = undefined; void connect().catch(lost) }, 1_000)
    }
    next.on('error', lost)
    next.on('end', lost)
    next.on('notification', (n) => { if (n.channel === NOTIFY_CHANNEL && n.payload !== undefined) listener(n.payload) })
    await next.connect()
    await next.query(`LISTEN ${NOTIFY_CHANNEL}`)
    client = next
  }
  await connect()
  return async () => {
    stopped = true
    clearTimeout(retry)
    await client?.end().catch(() => {})
  }
}
