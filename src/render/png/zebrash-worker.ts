// Runs inside a piscina worker thread: one zebrash (Go compiled to WebAssembly, embedded in zpl-renderer-js,
// nothing fetched) per thread, one label per task. WebAssembly blocks its thread while drawing, which is why
// it lives here and not on the event loop; the 1-bit conversion happens here too, so all per-label CPU work
// scales with the number of workers.
import { threadId } from 'node:worker_threads'
import { ready } from 'zpl-renderer-js'
import { blankGray, decodeGray8Png, encodeOneBitPng, rotateGray } from './one-bit-png.ts'

/** One label to draw: ZPL already made zebrash-compatible, canvas in millimetres that is exactly the label's dots. */
export interface ZebrashTask {
  zpl: string
  widthMm: number
  heightMm: number
  dpmm: number
  /** Label size in dots, for a blank label when the format draws nothing. */
  widthDots: number
  heightDots: number
  rotation: 0 | 90 | 180 | 270
}

/** The label as a 1-bit PNG (`oneBit`), or zebrash's own PNG when it is not the 8-bit gray we convert here. */
export interface ZebrashResult {
  png: Uint8Array
  oneBit: boolean
  threadId: number
  heapUsed: number
  /** Memory outside the JS heap held by this thread's isolate, including the WebAssembly memory. */
  external: number
}

/**
 * WebAssembly memory only grows: a worker holding more than this outside its JS heap (≈ 100 MB when drawing 4x6
 * labels) is retired after its answer, so one huge label does not hold the memory for good.
 */
const RETIRE_AT_EXTERNAL_BYTES = 1024 ** 3

/** A Go panic that zebrash caught and reported: the label failed, and its Go heap is not to be trusted any more. */
const GO_PANIC = /runtime error/i
/** The Go program is gone (it ran out of memory, or a panic was not caught): nothing more can be drawn here. */
const GO_EXITED = /Go program has already exited|reading 'exports'/

let retired = false

/**
 * Ends this thread once its answer is posted: the pool starts a fresh worker in its place. A worker kept after a
 * caught Go panic is not to be trusted: its next label can ask for 4 GB, and once its Go program dies every later
 * label on it fails.
 */
function retire (): void {
  retired = true
  setImmediate(() => process.exit(0))
}

export default async function drawLabel (task: ZebrashTask): Promise<ZebrashResult> {
  // A task that reached this worker between its retirement and its exit fails as "worker exited", which the pool
  // side retries on a fresh worker; so does one whose Go program is gone, as the label may not be at fault.
  if (retired) process.exit(0)
  const { api } = await ready
  let gray
  let png: Uint8Array | undefined
  try {
    png = Buffer.from(await api.zplToBase64Async(task.zpl, task.widthMm, task.heightMm, task.dpmm), 'base64')
    gray = decodeGray8Png(png)
  } catch (err) {
    const message = String((err as Error | null)?.message)
    if (GO_EXITED.test(message)) process.exit(0)
    if (GO_PANIC.test(message)) retire()
    // A format with nothing zebrash can draw (`^XA^XZ`) is a blank label on a printer and on Labelary.
    if (!/no labels parsed/i.test(message)) throw err
    gray = blankGray(task.widthDots, task.heightDots)
  }
  const memory = process.memoryUsage()
  if (memory.external > RETIRE_AT_EXTERNAL_BYTES) retire()
  const stats = { threadId, heapUsed: memory.heapUsed, external: memory.external }
  if (gray === undefined) return { png: png as Uint8Array, oneBit: false, ...stats }
  return { png: encodeOneBitPng(rotateGray(gray, task.rotation)), oneBit: true, ...stats }
}
