// The archive's writer thread: every write to the labels and idempotency tables happens here, so a commit, its
// fsync or a WAL checkpoint never holds the service's event loop. Writes that arrive together are committed in one
// transaction. Plain better-sqlite3 and nothing of the service, so the thread starts fast.
import { parentPort, workerData } from 'node:worker_threads'
import Database from 'better-sqlite3'
import type { ArchiveReply, ArchiveRequest, PutItem } from './archive-messages.ts'
import type { ClaimResult } from './label-archive.ts'

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

function putOne ({ row, claim }: PutItem): ClaimResult {
  if (claim !== undefined) {
    const earlier = keyOf.get(claim.key)
    if (earlier !== undefined) return { stored: false, labelId: earlier.label_id, requestHash: earlier.request_hash }
  }
  insertLabel.run(row.id, row.createdAt, row.trackingCode, row.source, row.options, row.data, row.warnings)
  if (claim !== undefined) insertKey.run(claim.key, claim.requestHash, row.id, row.createdAt)
  return { stored: true }
}

function answer (request: ArchiveRequest): ArchiveReply {
  switch (request.type) {
    case 'put': return { n: request.n, results: request.items.map(putOne) }
    case 'prune': {
      pruneKeys.run(request.before)
      return { n: request.n, results: pruneLabels.run(request.before).changes }
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
  const wanted = requests.some((r) => r.type === 'put' && r.items.some((item) => item.claim !== undefined)) ? 'FULL' : 'NORMAL'
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
