// Runs inside a piscina worker thread: one zebrash (Go compiled to WebAssembly, embedded in zpl-renderer-js,
// nothing fetched) per thread, one label per task. WebAssembly blocks its thread while drawing, which is why
// it lives here and not on the event loop.
import { threadId } from 'node:worker_threads'
import { ready } from 'zpl-renderer-js'

/** One label to draw: ZPL already made zebrash-compatible, canvas in millimetres that is exactly the label's dots. */
export interface ZebrashTask {
  zpl: string
  widthMm: number
  heightMm: number
  dpmm: number
}

/** zebrash's gray PNG and the worker's own memory after drawing it. */
export interface ZebrashResult {
  png: Uint8Array
  threadId: number
  heapUsed: number
  /** Memory outside the JS heap held by this thread's isolate, including the WebAssembly memory. */
  external: number
}

export default async function drawLabel (task: ZebrashTask): Promise<ZebrashResult> {
  const { api } = await ready
  const base64 = await api.zplToBase64Async(task.zpl, task.widthMm, task.heightMm, task.dpmm)
  const memory = process.memoryUsage()
  return { png: Buffer.from(base64, 'base64'), threadId, heapUsed: memory.heapUsed, external: memory.external }
}
