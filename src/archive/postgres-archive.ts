// The label archive in PostgreSQL (DATABASE_URL), shared by every instance given the same URL, as the print queue is:
// a label made on one instance is answered, reprinted and found by search on any other, and an Idempotency-Key claimed
// on one is answered with the first label on all. Plain puts are gathered for a few milliseconds into one INSERT, as
// the SQLite archive gathers them into one transaction; a put that claims a key is written at once, in a transaction
// of its own, since its request waits for the answer. Until its write is committed a label is answered from memory.
import type pg from 'pg'
import { inTransaction, openPool, translatingUnreachable } from '../printing/pg-pool.ts'
import { ArchiveUnavailableError } from './errors.ts'
import type { LabelRow } from './archive-messages.ts'
import { type ArchivedLabel, type ClaimResult, type IdempotencyClaim, type LabelArchive, type LabelPage, type LabelSearch } from './label-archive.ts'
import { labelOfRow, pageBounds, pageOf, rowOf, STORED, toLabel, type StoredRow } from './label-rows.ts'

/** Any number taken while applying the archive's schema steps, so instances starting together apply them once. */
const MIGRATION_LOCK = 7_243_019
/** The archive's tables, named as in the SQLite archive (migrations.ts); a new step goes at the end. */
const STEPS: readonly { name: string, sql: string }[] = [
  { name: '001_tracking_code_sequence', sql: 'CREATE TABLE tracking_code_sequence (prefix TEXT PRIMARY KEY, next_value BIGINT NOT NULL)' },
  {
    name: '002_labels',
    // Ids compare byte by byte (search pages go on from an id): a database's default collation may order punctuation
    // and letters otherwise.
    sql: `CREATE TABLE labels (id TEXT COLLATE "C" PRIMARY KEY, created_at BIGINT NOT NULL, tracking_code TEXT NOT NULL, source TEXT NOT NULL,
      options TEXT NOT NULL, data TEXT NOT NULL, warnings TEXT NOT NULL);
    CREATE INDEX labels_by_time ON labels (created_at, id);
    CREATE INDEX labels_by_tracking_code ON labels (tracking_code, created_at, id)`
  },
  {
    name: '003_label_idempotency_keys',
    sql: `CREATE TABLE label_idempotency_keys (key TEXT PRIMARY KEY, request_hash TEXT NOT NULL, label_id TEXT NOT NULL, created_at BIGINT NOT NULL);
    CREATE INDEX label_idempotency_keys_by_time ON label_idempotency_keys (created_at)`
  }
]

/** Applies the archive's schema steps the database lacks, one instance at a time. */
async function migrateArchive (pool: pg.Pool): Promise<void> {
  await inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await client.query('CREATE TABLE IF NOT EXISTS archive_migrations (name TEXT PRIMARY KEY, applied_at BIGINT NOT NULL)')
    const applied = new Set((await client.query<{ name: string }>('SELECT name FROM archive_migrations')).rows.map((r) => r.name))
    for (const step of STEPS.filter((s) => !applied.has(s.name))) {
      await client.query(step.sql)
      await client.query('INSERT INTO archive_migrations (name, applied_at) VALUES ($1, $2)', [step.name, Date.now()])
    }
  })
}

/** A pool on `databaseUrl` with the archive's tables in place; a database that cannot be reached stops start-up. */
export async function archivePool (databaseUrl: string, max: number): Promise<pg.Pool> {
  return await openPool(databaseUrl, max, 'the label archive', migrateArchive)
}

const INSERT_LABELS = `INSERT INTO labels (id, created_at, tracking_code, source, options, data, warnings)
  SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`
const INSERT_LABEL = 'INSERT INTO labels (id, created_at, tracking_code, source, options, data, warnings) VALUES ($1, $2, $3, $4, $5, $6, $7)'
const CLAIM_KEY = 'INSERT INTO label_idempotency_keys (key, request_hash, label_id, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT (key) DO NOTHING'
const KEY_OWNER = 'SELECT label_id, request_hash FROM label_idempotency_keys WHERE key = $1'
const PAGE = (where: string): string => `SELECT * FROM labels WHERE ${where} created_at >= $1 AND created_at < $2
  AND (created_at < $3 OR (created_at = $3 AND id < $4)) ORDER BY created_at DESC, id DESC LIMIT $5`

/** How long plain puts are gathered before they are written together, and the most written at once. */
const GATHER_MS = 10
const MAX_GATHERED = 500

const values = (row: LabelRow): unknown[] => [row.id, row.createdAt, row.trackingCode, row.source, row.options, row.data, row.warnings]

/** Opens the archive in the database at `databaseUrl`, adding its tables if they are missing; close it at shutdown. */
export async function openPostgresArchive (databaseUrl: string): Promise<LabelArchive> {
  const pool = await archivePool(databaseUrl, 4)
  /** Labels given out and not yet committed, by id. */
  const pending = new Map<string, LabelRow>()
  /** Every write sent and not yet answered, so reads that must see them can wait. */
  const writing = new Set<Promise<unknown>>()
  let gathered: { row: LabelRow, done: (err?: unknown) => void }[] = []
  let gatherTimer: NodeJS.Timeout | undefined

  function track<T> (write: Promise<T>): Promise<T> {
    writing.add(write)
    const untrack = (): void => { writing.delete(write) }
    write.then(untrack, untrack)
    return write
  }

  function writeGathered (): void {
    clearTimeout(gatherTimer)
    gatherTimer = undefined
    const batch = gathered
    gathered = []
    if (batch.length === 0) return
    const columns: unknown[][] = [[], [], [], [], [], [], []]
    for (const { row } of batch) values(row).forEach((v, i) => (columns[i] as unknown[]).push(v))
    track(pool.query(INSERT_LABELS, columns)).then(
      () => { for (const b of batch) b.done() },
      (err: unknown) => { for (const b of batch) b.done(err) })
  }

  /** The key and the label in one transaction; a key another label holds (committed, or committing now) refuses it. */
  async function claimAndPut (row: LabelRow, claim: IdempotencyClaim): Promise<ClaimResult> {
    return await inTransaction(pool, async (client): Promise<ClaimResult> => {
      const claimed = await client.query(CLAIM_KEY, [claim.key, claim.requestHash, row.id, row.createdAt])
      if (claimed.rowCount === 1) {
        await client.query(INSERT_LABEL, values(row))
        return STORED
      }
      const owner = (await client.query<{ label_id: string, request_hash: string }>(KEY_OWNER, [claim.key])).rows[0]
      if (owner === undefined) throw new Error(`idempotency key "${claim.key}" was claimed and is gone`)
      return { stored: false, labelId: owner.label_id, requestHash: owner.request_hash }
    })
  }

  async function settled (): Promise<void> {
    writeGathered()
    await Promise.allSettled([...writing])
  }

  // Every method's failure to reach the database is answered as 503 ARCHIVE_UNAVAILABLE, as the print queue's is.
  return translatingUnreachable<LabelArchive>({
    put (label: ArchivedLabel, claim?: IdempotencyClaim): Promise<ClaimResult> {
      const row = rowOf(label)
      pending.set(row.id, row)
      const forget = (): void => { pending.delete(row.id) }
      if (claim !== undefined) {
        const written = track(claimAndPut(row, claim))
        written.then(forget, forget)
        return written
      }
      return new Promise<ClaimResult>((resolve, reject) => {
        gathered.push({ row, done: (err) => { forget(); if (err === undefined) resolve(STORED); else reject(err) } })
        if (gathered.length >= MAX_GATHERED) writeGathered()
        else if (gathered.length === 1) gatherTimer = setTimeout(writeGathered, GATHER_MS)
      })
    },
    async get (id) {
      const waiting = pending.get(id)
      if (waiting !== undefined) return labelOfRow(waiting)
      const row = (await pool.query<StoredRow>('SELECT * FROM labels WHERE id = $1', [id])).rows[0]
      return row === undefined ? undefined : toLabel(row)
    },
    async byKey (key) {
      await settled()
      const row = (await pool.query<{ label_id: string, request_hash: string }>(KEY_OWNER, [key])).rows[0]
      return row === undefined ? undefined : { labelId: row.label_id, requestHash: row.request_hash }
    },
    async search (query: LabelSearch): Promise<LabelPage> {
      await settled()
      const b = pageBounds(query)
      const bounds = [b.from, b.to, b.createdAt, b.id, b.take]
      const rows = query.trackingCode === undefined
        ? (await pool.query<StoredRow>(PAGE(''), bounds)).rows
        : (await pool.query<StoredRow>(PAGE('tracking_code = $6 AND'), [...bounds, query.trackingCode])).rows
      return pageOf(rows, query.limit)
    },
    async prune (before) {
      await settled()
      await pool.query('DELETE FROM label_idempotency_keys WHERE created_at < $1', [before])
      return (await pool.query('DELETE FROM labels WHERE created_at < $1', [before])).rowCount ?? 0
    },
    async close () {
      await settled()
      await pool.end()
    }
  }, (err) => new ArchiveUnavailableError(err))
}
