// ZPL → 1-bit PNG on a pool of worker threads running zebrash, so drawing never blocks the event loop. Each
// label is its own task: a 50-label job keeps every worker busy. The worker also thresholds, rotates and
// re-encodes zebrash's gray PNG as a 1-bit gray PNG (sharp only for a PNG kind the worker does not expect).
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import { Piscina } from 'piscina'
import { ValidationError } from '../../errors.ts'
import { dpmmOf, type Dpi } from '../../units.ts'
import { RendererUnavailableError, RenderFailedError, RenderTimeoutError } from './errors.ts'
import { labelDots, type Dpmm, type Rotation } from './label-size.ts'
import type { ZebrashResult, ZebrashTask } from './zebrash-worker.ts'
import { zebrashCompatible } from './zebrash-fixups.ts'
import { splitZplLabels, standaloneLabel, type SplitZpl } from './zpl-labels.ts'

/** Pool size and limits of a rasterizer. */
export interface ZplRasterizerOptions {
  /** Worker threads, each with its own zebrash instance (≈ one per core). */
  workers: number
  /** Longest a label may take, queueing included; the worker drawing it is terminated. Default 30 s. */
  timeoutMs?: number
  /** Labels waiting for a worker before new ones are refused with RENDERER_UNAVAILABLE. Default 1000. */
  maxQueue?: number
  /** A worker idle this long exits (each holds ~150 MB); the next label starts one again. Default 30 s. */
  idleTimeoutMs?: number
}

/** Density, label size and rotation (clockwise, as Labelary's X-Rotation) of a render. */
export interface RasterOptions {
  dpmm: Dpmm
  widthIn: number
  heightIn: number
  rotation?: Rotation
}

/** Memory of the pool: the process RSS and, per worker thread, the heap and external memory last reported. */
export interface RasterizerStats {
  rssBytes: number
  /** Worker threads running now: none before the first label and after idleTimeoutMs without one. */
  threads: number
  labelsRendered: number
  workers: { threadId: number, heapUsedBytes: number, externalBytes: number, labels: number }[]
}

/** Renders ZPL to 1-bit PNGs on worker threads. */
export interface ZplRasterizer {
  /** One PNG per ^XA…^XZ label, in order; rejects (never an empty or partial result) if any label fails. */
  render (zpl: string, options: RasterOptions): Promise<Buffer[]>
  /** Label `index` of already split ZPL (see splitZplLabels), drawn with the downloads that precede it. */
  renderLabel (split: SplitZpl, index: number, options: RasterOptions): Promise<Buffer>
  /** One label at 203 dpi (8 dpmm) or 300 dpi (12 dpmm) on 4x6 in: the label service's PNG renderer. */
  renderLabelPng (zpl: string, dpi: Dpi): Promise<Buffer>
  stats (): RasterizerStats
  close (): Promise<void>
}

// Run from the sources the worker is TypeScript, and outside a TypeScript-aware runtime its thread needs the tsx
// loader; compiled to dist/ it is plain JavaScript. An absolute URL so it resolves wherever the process was started.
function workerExecArgv (filename: string): string[] | undefined {
  if (!filename.endsWith('.ts') || process.execArgv.some((a) => a.includes('tsx'))) return undefined
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href
  return [...process.execArgv, '--import', tsx]
}

/**
 * A pool of up to `workers` threads. No thread starts until the first label: most deployments never draw a PNG,
 * and each worker holds ~55–85 MB of heap and ~80–110 MB of WebAssembly memory. Idle workers exit after
 * idleTimeoutMs, down to none.
 */
export function createZplRasterizer (options: ZplRasterizerOptions): ZplRasterizer {
  const timeoutMs = options.timeoutMs ?? 30_000
  const filename = new URL(`./zebrash-worker${import.meta.url.endsWith('.js') ? '.js' : '.ts'}`, import.meta.url).href
  let started: Piscina<ZebrashTask, ZebrashResult> | undefined
  const poolOnFirstUse = (): Piscina<ZebrashTask, ZebrashResult> => (started ??= new Piscina<ZebrashTask, ZebrashResult>({
    filename,
    minThreads: 0,
    maxThreads: options.workers,
    maxQueue: options.maxQueue ?? 1000,
    idleTimeout: options.idleTimeoutMs ?? 30_000,
    execArgv: workerExecArgv(filename)
  }))
  const perWorker = new Map<number, { heapUsedBytes: number, externalBytes: number, labels: number }>()
  // piscina's maxQueue does not bound tasks that carry an abort signal (ours all do), so the bound is kept here.
  const maxPending = options.workers + (options.maxQueue ?? 1000)
  let pending = 0
  let labelsRendered = 0
  let closed = false

  /**
   * A worker whose Go program died, or that was retiring, exits instead of drawing (see zebrash-worker.ts); the pool
   * replaces it and the label is tried once more on the new one. A label that kills a fresh worker too fails.
   */
  async function runOnHealthyWorker (task: ZebrashTask, signal: AbortSignal): Promise<ZebrashResult> {
    const pool = poolOnFirstUse()
    try {
      return await pool.run(task, { signal })
    } catch (err) {
      if (closed || !isWorkerExit(err)) throw err
      return await pool.run(task, { signal })
    }
  }

  async function draw (zpl: string, options: RasterOptions, index: number): Promise<Buffer> {
    if (closed) throw new RendererUnavailableError('the ZPL renderer is closed')
    const { width, height } = labelDots(options.dpmm, options.widthIn, options.heightIn)
    // zebrash makes its canvas widthMm × dpmm dots; width / dpmm gives exactly the label's dots.
    const rotation = options.rotation ?? 0
    const task: ZebrashTask = {
      zpl: zebrashCompatible(zpl), widthMm: width / options.dpmm, heightMm: height / options.dpmm, dpmm: options.dpmm, widthDots: width,
      heightDots: height, rotation
    }
    if (pending >= maxPending) throw new RendererUnavailableError(`the ZPL renderer is busy (${pending} labels drawing or waiting); try again shortly`)
    pending++
    let result: ZebrashResult
    try {
      result = await runOnHealthyWorker(task, AbortSignal.timeout(timeoutMs))
    } catch (err) {
      if (closed) throw new RendererUnavailableError(`the ZPL renderer was closed while drawing label ${index}`, { cause: err })
      throw workerError(err, index, timeoutMs)
    } finally {
      pending--
    }
    labelsRendered++
    const seen = perWorker.get(result.threadId)
    perWorker.set(result.threadId, { heapUsedBytes: result.heapUsed, externalBytes: result.external, labels: (seen?.labels ?? 0) + 1 })
    const png = Buffer.from(result.png.buffer, result.png.byteOffset, result.png.byteLength)
    return result.oneBit ? png : oneBitPng(png, rotation, index)
  }

  function renderLabel (split: SplitZpl, index: number, options: RasterOptions): Promise<Buffer> {
    return draw(standaloneLabel(split, index), options, index)
  }

  async function render (zpl: string, options: RasterOptions): Promise<Buffer[]> {
    const split = splitZplLabels(zpl)
    if (split.labels.length === 0) {
      throw new ValidationError([{ path: 'zpl', rule: 'no_label', message: 'contains no ^XA…^XZ label' }])
    }
    return Promise.all(split.labels.map((_l, i) => renderLabel(split, i, options)))
  }

  async function renderLabelPng (zpl: string, dpi: Dpi): Promise<Buffer> {
    const pngs = await render(zpl, { dpmm: dpmmOf(dpi), widthIn: 4, heightIn: 6 })
    if (pngs.length !== 1) throw new RenderFailedError(`expected one label, the ZPL holds ${pngs.length}`)
    return pngs[0] as Buffer
  }

  function stats (): RasterizerStats {
    // Retired workers (see zebrash-worker.ts) are gone, and so is the memory they last reported.
    const live = new Set((started?.threads ?? []).map((t) => t.threadId))
    for (const threadId of perWorker.keys()) if (!live.has(threadId)) perWorker.delete(threadId)
    const workers = [...perWorker].map(([threadId, w]) => ({ threadId, ...w }))
    return { rssBytes: process.memoryUsage().rss, threads: started?.threads.length ?? 0, labelsRendered, workers }
  }

  async function close (): Promise<void> {
    if (closed) return
    closed = true
    await started?.destroy()
  }

  return { render, renderLabel, renderLabelPng, stats, close }
}

/** piscina's rejection of a task whose worker thread ended while it was assigned. */
function isWorkerExit (err: unknown): boolean {
  return err instanceof Error && /^worker exited with code/.test(err.message)
}

function workerError (err: unknown, index: number, timeoutMs: number): Error {
  const name = (err as { name?: string } | null)?.name
  if (name === 'AbortError' || name === 'TimeoutError') return new RenderTimeoutError(timeoutMs, err)
  if (isWorkerExit(err)) {
    return new RenderFailedError(`label ${index}: the renderer stopped twice while drawing this label (it ran out of memory or crashed); check the sizes and counts in the ZPL`, { cause: err })
  }
  const message = err instanceof Error ? err.message : String(err)
  // A full queue and close() are told apart in draw(); what is left is a worker that cannot start, or the ZPL.
  if (/wasm|WebAssembly|Cannot find|ERR_/i.test(message)) {
    return new RendererUnavailableError(`the ZPL renderer did not start: ${message}`, { cause: err })
  }
  return new RenderFailedError(`label ${index}: ${message.replace(/^Error rendering: /, '')}`, { cause: err })
}

/** Fallback for PNGs zebrash writes in another format: thresholds, rotates and writes a 2-colour palette PNG. */
async function oneBitPng (gray: Buffer, rotation: Rotation, index: number): Promise<Buffer> {
  try {
    // Loaded on first use, like the pool: libvips adds ~15 MB to a process that may never draw a PNG.
    const { default: sharp } = await import('sharp')
    return await sharp(gray)
      .flatten({ background: '#ffffff' })
      .grayscale()
      .threshold(128)
      .rotate(rotation)
      .png({ palette: true, colours: 2, dither: 0, compressionLevel: 9 })
      .toBuffer()
  } catch (err) {
    throw new RenderFailedError(`label ${index}: zebrash returned an unreadable image`, { cause: err })
  }
}
