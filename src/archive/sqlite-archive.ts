// The default LabelArchive: the labels and idempotency tables in the service database (DATA_DIR/print-queue.sqlite).
// Writes go to a thread of their own (archive-worker.ts), gathered for a few milliseconds into one message and one
// transaction, so the label routes never wait on a commit; reads are point and index look-ups on this thread's own
// connection (WAL: readers never wait for the writer). A label not yet committed is answered from memory, so a
// client that GETs the id it was just given finds it.
import { Worker } from 'node:worker_threads'
import type Database from 'better-sqlite3'
import { openDatabase } from '../printing/store.ts'
import type { ArchiveReply, ArchiveRequest, Claiming, FlatRows, LabelRow, Refused } from './archive-messages.ts'
import { labelOfRow, pageBounds, pageOf, rowOf, STORED, toLabel, type StoredRow } from './label-rows.ts'
import { type ArchivedLabel, type ClaimResult, type IdempotencyClaim, type LabelArchive, type LabelPage, type LabelSearch } from './label-archive.ts'
import { migrateArchive } from './migrations.ts'

/**
 * The writer thread. Compiled to dist/ it is plain JavaScript; run from the sources it is TypeScript, and Node 20
 * does not carry the tsx loader of `--import` into worker threads, so the thread registers it before importing.
 */
function startWriter (file: URL, workerData: unknown): Worker {
  if (!file.pathname.endsWith('.ts')) return new Worker(file, { workerData })
  const tsx = import.meta.resolve('tsx/esm/api')
  const boot = `import(${JSON.stringify(tsx)}).then(({ register }) => { register(); return import(${JSON.stringify(file.href)}) })`
  return new Worker(boot, { eval: true, workerData })
}

function readQueries (db: Database.Database) {
  const page = (where: string) => db.prepare<unknown[], StoredRow>(`SELECT * FROM labels WHERE ${where} created_at >= ? AND created_at < ?
    AND (created_at < ? OR (created_at = ? AND id < ?)) ORDER BY created_at DESC, id DESC LIMIT ?`)
  return {
    byId: db.prepare<[string], StoredRow>('SELECT * FROM labels WHERE id = ?'),
    byKey: db.prepare<[string], { label_id: string, request_hash: string }>('SELECT label_id, request_hash FROM label_idempotency_keys WHERE key = ?'),
    all: page(''),
    ofCode: page('tracking_code = ? AND')
  }
}

/**
 * How long plain puts are gathered before they go to the writer, and the most sent at once. A commit costs about the
 * same for one label as for dozens (each writes the touched pages of the table and its indexes to the WAL), so a
 * label committed alone cost three times the CPU of one committed with a hundred others. Nothing waits on a plain
 * put: the answer has gone, and a GET of its id is answered from memory until the commit.
 */
const GATHER_MS = 10
const MAX_GATHERED = 200

/** Options of the SQLite archive. */
export interface SqliteArchiveOptions {
  /**
   * Runs each hand-over of `labels` gathered labels to the writer thread, which must call `handOver` once: a benchmark
   * times what the hand-over holds this thread and how the thread spent that time.
   */
  aroundHandOver?: (handOver: () => void, labels: number) => void
}

/** Opens the archive in `<dataDir>/print-queue.sqlite`, adding its tables if they are missing; close it at shutdown. */
export function openSqliteArchive (dataDir: string, options: SqliteArchiveOptions = {}): LabelArchive {
  const db = openDatabase(dataDir)
  db.pragma('journal_mode = WAL')
  db.pragma('busy_timeout = 5000')
  migrateArchive(db)
  const q = readQueries(db)
  const file = new URL(`./archive-worker${import.meta.url.endsWith('.js') ? '.js' : '.ts'}`, import.meta.url)
  const worker = startWriter(file, { file: db.name })
  // The writer thread must not keep a process alive that has nothing else to do (a CLI run, a test's end).
  worker.unref()

  const waiting = new Map<number, { resolve: (reply: ArchiveReply) => void }>()
  let sent = 0
  let failure: Error | undefined
  worker.on('message', (reply: ArchiveReply) => {
    const entry = waiting.get(reply.n)
    waiting.delete(reply.n)
    entry?.resolve(reply)
  })
  worker.on('error', (err) => {
    failure = err
    for (const entry of waiting.values()) entry.resolve({ n: -1, error: err.message })
    waiting.clear()
  })

  function request (message: ArchiveRequest): Promise<ArchiveReply> {
    if (failure !== undefined) return Promise.reject(new Error(`the archive writer stopped: ${failure.message}`, { cause: failure }))
    return new Promise<ArchiveReply>((resolve) => {
      waiting.set(message.n, { resolve })
      worker.ref()
      worker.postMessage(message)
    }).then((reply) => {
      if (waiting.size === 0) worker.unref()
      if (reply.error !== undefined) throw new Error(`archive write failed: ${reply.error}`)
      return reply
    })
  }

  /**
   * Labels given out and not yet committed, by id, as the rows that will be written: a few flat strings each, where
   * the label's data would be dozens of objects that every scavenge of the next milliseconds copies again.
   */
  const pending = new Map<string, LabelRow>()
  let gathered: FlatRows = []
  let claims: Claiming[] = []
  let dones: ((result: ClaimResult | Error) => void)[] = []
  let gatherTimer: NodeJS.Timeout | undefined
  /** Settles when every write sent so far has been answered. */
  let lastWrite: Promise<unknown> = Promise.resolve()

  function sendGathered (): void {
    clearTimeout(gatherTimer)
    gatherTimer = undefined
    if (dones.length === 0) return
    const message: ArchiveRequest = { type: 'put', n: ++sent, rows: gathered, claims }
    const done = dones
    gathered = []
    claims = []
    dones = []
    const sending: { written?: Promise<ArchiveReply> } = {}
    const handOver = (): void => { sending.written = request(message) }
    if (options.aroundHandOver === undefined) handOver()
    else options.aroundHandOver(handOver, done.length)
    const written = sending.written ?? Promise.reject(new Error('the archive hand-over hook did not hand the labels over'))
    lastWrite = written.catch(() => {})
    written.then((reply) => {
      const results: ClaimResult[] = done.map(() => STORED)
      for (const r of (reply as { refused: Refused[] }).refused) results[r.at] = { stored: false, labelId: r.labelId, requestHash: r.requestHash }
      done.forEach((d, i) => { d(results[i] as ClaimResult) })
    }, (err: unknown) => {
      for (const d of done) d(err as Error)
    })
  }

  const settled = async (): Promise<void> => {
    if (dones.length > 0) sendGathered()
    await lastWrite
  }

  return {
    put (label: ArchivedLabel, claim?: IdempotencyClaim): Promise<ClaimResult> {
      const row = rowOf(label)
      const { id } = label
      pending.set(id, row)
      return new Promise<ClaimResult>((resolve, reject) => {
        if (claim !== undefined) claims.push({ at: dones.length, claim })
        gathered.push(id, row.createdAt, row.trackingCode, row.source, row.options, row.data, row.warnings)
        dones.push((result) => {
          pending.delete(id)
          if (result instanceof Error) reject(result)
          else resolve(result)
        })
        // A put that claims an Idempotency-Key is awaited by its request, so it goes at the end of this turn, with
        // the turn's other puts; plain puts wait for more to join them (see GATHER_MS).
        if (claim !== undefined || dones.length >= MAX_GATHERED) queueMicrotask(sendGathered)
        else if (dones.length === 1) gatherTimer = setTimeout(sendGathered, GATHER_MS)
      })
    },
    async get (id) {
      const waitingRow = pending.get(id)
      if (waitingRow !== undefined) return labelOfRow(waitingRow)
      const row = q.byId.get(id)
      return row === undefined ? undefined : toLabel(row)
    },
    async byKey (key) {
      await settled()
      const row = q.byKey.get(key)
      return row === undefined ? undefined : { labelId: row.label_id, requestHash: row.request_hash }
    },
    async search (query: LabelSearch): Promise<LabelPage> {
      await settled()
      const b = pageBounds(query)
      const bounds = [b.from, b.to, b.createdAt, b.createdAt, b.id, b.take]
      const rows = query.trackingCode === undefined ? q.all.all(...bounds) : q.ofCode.all(query.trackingCode, ...bounds)
      return pageOf(rows, query.limit)
    },
    async prune (before) {
      await settled()
      return (await request({ type: 'prune', n: ++sent, before }) as { pruned: number }).pruned
    },
    async close () {
      await settled()
      worker.ref()
      const exited = new Promise<void>((resolve) => worker.once('exit', () => { resolve() }))
      worker.postMessage({ type: 'close' })
      await exited
      db.close()
    }
  }
}
