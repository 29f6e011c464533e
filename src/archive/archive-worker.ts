// The archive's writer thread: every write to the labels and idempotency tables happens here, so a commit, its
// fsync or a WAL checkpoint never holds the service's event loop. Writes that arrive together are committed in one
// transaction. Plain better-sqlite3 and nothing of the service, so the thread starts fast.
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import { ROW_FIELDS, type ArchiveReply, type ArchiveRequest, type Claiming, type FlatRows, type Refused } from './archive-messages.ts'

const port = parentPort
if (port === null) throw new Error('archive-worker runs as a worker thread')
const db = new Database((workerData as { file: string }).file)
db.pragma('journal_mode = WAL')
db.pragma('busy_timeout = 5000')

// Positional parameters: binding by name looks each one up in the row object, up to a fifth of an insert's CPU.
const insertLabel = db.prepare<[string, number, string, string, string, string, string]>(`INSERT INTO labels
  (id, created_at, tracking_code, source, options, data, warnings) VALUES (?, ?, ?, ?, ?, ?, ?)`)
const keyOf = db.prepare<[string], { label_id: string, request_hash: string }>('SELECT label_id, request_hash FROM label_idempotency_keys WHERE key = ?')
const insertKey = db.prepare('INSERT INTO label_idempotency_keys (key, request_hash, label_id, created_at) VALUES (?, ?, ?, ?)')
const pruneLabels = db.prepare('DELETE FROM labels WHERE created_at < ?')
const pruneKeys = db.prepare('DELETE FROM label_idempotency_keys WHERE created_at < ?')

/** Stores the labels of one put; returns those whose claimed key already belonged to another label. */
function put (rows: FlatRows, claims: readonly Claiming[]): Refused[] {
  const refused: Refused[] = []
  let nextClaim = 0
  for (let at = 0, i = 0; i < rows.length; at++, i += ROW_FIELDS) {
    const claim = claims[nextClaim]?.at === at ? (claims[nextClaim++] as Claiming).claim : undefined
    if (claim !== undefined) {
      const earlier = keyOf.get(claim.key)
      if (earlier !== undefined) {
        refused.push({ at, labelId: earlier.label_id, requestHash: earlier.request_hash })
        continue
      }
    }
    const id = rows[i] as string
    const createdAt = rows[i + 1] as number
    insertLabel.run(id, createdAt, rows[i + 2] as string, rows[i + 3] as string, rows[i + 4] as string, rows[i + 5] as string, rows[i + 6] as string)
    if (claim !== undefined) insertKey.run(claim.key, claim.requestHash, id, createdAt)
  }
  return refused
}

function answer (request: ArchiveRequest): ArchiveReply {
  switch (request.type) {
    case 'put': return { n: request.n, refused: put(request.rows, request.claims) }
    case 'prune': {
      pruneKeys.run(request.before)
      return { n: request.n, pruned: pruneLabels.run(request.before).changes }
    }
  }
}

let waiting: ArchiveRequest[] = []
// IMMEDIATE: another instance on the same file queues on the write lock instead of failing on a lock upgrade.
const commit = db.transaction((requests: ArchiveRequest[]): ArchiveReply[] => requests.map(answer))

/**
 * FULL for a commit that claims an Idempotency-Key: a key answered as new must still be there after a power cut, or a
 * retry would make a second label. NORMAL otherwise (WAL: survives a crash of the process, and saves an fsync per
 * commit on the busy path); a label lost to a power cut is one whose answer the client may never have read either.
 */
let synchronous = ''
function syncFor (requests: readonly ArchiveRequest[]): void {
  const wanted = requests.some((r) => r.type === 'put' && r.claims.length > 0) ? 'FULL' : 'NORMAL'
  if (wanted === synchronous) return
  db.pragma(`synchronous = ${wanted}`)
  synchronous = wanted
}

function drain (): void {
  const requests = waiting
  waiting = []
  let replies: ArchiveReply[]
  try {
    syncFor(requests)
    replies = commit.immediate(requests)
  } catch (err) {
    replies = requests.map((r) => ({ n: r.n, error: (err as Error).message }))
  }
  for (const reply of replies) port?.postMessage(reply)
}

port.on('message', (message: ArchiveRequest | { type: 'close' }) => {
  if (message.type === 'close') {
    if (waiting.length > 0) drain()
    db.close()
    port.close()
    return
  }
  waiting.push(message)
  if (waiting.length === 1) setImmediate(drain)
})
