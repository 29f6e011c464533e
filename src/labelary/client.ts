// A client for Labelary's ZPL rendering API (api.labelary.com, or our own Labelary-compatible endpoint).
//
// Batching: Labelary renders at most 50 labels per request, so the ZPL is cut on ^XZ boundaries into chunks of
// `maxLabelsPerRequest` labels; every chunk after the first starts with the downloads (~DU fonts, ~DG
// graphics) that came before it. A PDF is one request per chunk (no index: every label), merged into one
// document. A PNG is one label per request: each chunk is sent with index 0, 1, … and the first answer's
// X-Total-Count says how many indexes the chunk has (Labelary's count wins over ours, e.g. for ^PQ). An
// explicit index asks for that one label. HTTP 413 on a chunk splits it in half and tries again.
import { PDFDocument } from 'pdf-lib'
import { Agent, type Dispatcher } from 'undici'
import { ValidationError } from '../errors.ts'
import { persistentPrefix, splitZplLabels, type Dpmm, type Rotation, type SplitZpl } from '../render/png/index.ts'
import { LabelaryRejectedError, LabelaryUnavailableError } from './errors.ts'
import { createRateLimiter } from './rate-limit.ts'
import { sendWithRetries, type SendPolicy } from './send.ts'
import { parseWarnings, type LabelaryWarning } from './warnings.ts'

/** Where Labelary is and how politely to use it. */
export interface LabelaryClientOptions {
  /** e.g. `https://api.labelary.com` or `http://127.0.0.1:3000` (our endpoint). */
  baseUrl: string
  /** Sent as `X-API-Key` (Labelary's paid plans). */
  apiKey?: string
  ratePerSecond?: number
  maxLabelsPerRequest?: number
  connectTimeoutMs?: number
  /** Longest wait for the response headers (Labelary renders before answering). */
  headersTimeoutMs?: number
  /** Longest silence while the response body streams. */
  bodyTimeoutMs?: number
  maxRetries?: number
  backoffBaseMs?: number
  maxBackoffMs?: number
  maxRetryAfterMs?: number
}

/** One render: the ZPL, its density and label size, and what to get back. */
export interface LabelaryRenderRequest {
  zpl: string
  dpmm: Dpmm
  widthIn: number
  heightIn: number
  /** One label (0-based); omitted: every label. */
  index?: number
  rotation?: Rotation
  accept: 'image/png' | 'application/pdf'
  /** Ask Labelary's linter for warnings (`X-Linter: On`). */
  lint?: boolean
}

/** PNG result: one image per label, in order. */
export interface LabelaryPngResult { images: Buffer[], warnings: LabelaryWarning[] }
/** PDF result: one document, one page per label. */
export interface LabelaryPdfResult { pdf: Buffer, warnings: LabelaryWarning[] }

/** Renders ZPL through Labelary; never resolves with an empty result. */
export interface LabelaryClient {
  render (request: LabelaryRenderRequest & { accept: 'image/png' }): Promise<LabelaryPngResult>
  render (request: LabelaryRenderRequest & { accept: 'application/pdf' }): Promise<LabelaryPdfResult>
  render (request: LabelaryRenderRequest): Promise<LabelaryPngResult | LabelaryPdfResult>
  close (): Promise<void>
}

/** A run of labels sent as one request body. */
interface Chunk { first: number, count: number }

interface Sent { body: Buffer, total: number | undefined, warnings: LabelaryWarning[] }

/** How each answer we ask for starts; anything else (a proxy's HTML page, say) is not a label. */
const SIGNATURES: Record<LabelaryRenderRequest['accept'], { bytes: Buffer, name: string }> = {
  'image/png': { bytes: Buffer.from([0x89, 0x50, 0x4e, 0x47]), name: 'a PNG' },
  'application/pdf': { bytes: Buffer.from('%PDF-', 'latin1'), name: 'a PDF' }
}

/** Creates a client with its own connection pool and rate limit. */
export function createLabelaryClient (options: LabelaryClientOptions): LabelaryClient {
  const base = options.baseUrl.replace(/\/+$/, '')
  const maxLabels = options.maxLabelsPerRequest ?? 50
  const dispatcher: Dispatcher = new Agent({ connect: { timeout: options.connectTimeoutMs ?? 10_000 }, keepAliveTimeout: 4_000 })
  const policy: SendPolicy = {
    dispatcher,
    limiter: createRateLimiter(options.ratePerSecond ?? 5),
    headersTimeoutMs: options.headersTimeoutMs ?? 60_000,
    bodyTimeoutMs: options.bodyTimeoutMs ?? 30_000,
    maxRetries: options.maxRetries ?? 4,
    backoffBaseMs: options.backoffBaseMs ?? 500,
    maxBackoffMs: options.maxBackoffMs ?? 10_000,
    maxRetryAfterMs: options.maxRetryAfterMs ?? 60_000
  }

  async function send (req: LabelaryRenderRequest, split: SplitZpl, chunk: Chunk, index: number | undefined): Promise<Sent> {
    const prefix = chunk.first === 0 ? '' : persistentPrefix(split, chunk.first)
    const labels = split.labels.slice(chunk.first, chunk.first + chunk.count)
    const tail = chunk.first + chunk.count === split.labels.length ? split.tail : ''
    const body = prefix + labels.map((l) => l.text).join('') + tail
    const path = `/v1/printers/${req.dpmm}dpmm/labels/${req.widthIn}x${req.heightIn}/${index === undefined ? '' : `${index}/`}`
    const headers: Record<string, string> = { accept: req.accept, 'content-type': 'application/x-www-form-urlencoded' }
    if (options.apiKey !== undefined) headers['x-api-key'] = options.apiKey
    if (req.rotation !== undefined && req.rotation !== 0) headers['x-rotation'] = String(req.rotation)
    if (req.lint === true) headers['x-linter'] = 'On'
    const res = await sendWithRetries(base + path, headers, body, policy)
    const expected = SIGNATURES[req.accept]
    if (!res.body.subarray(0, expected.bytes.length).equals(expected.bytes)) {
      throw new LabelaryUnavailableError(`${base + path} answered with something that is not ${expected.name}`)
    }
    const totalHeader = Number(res.headers['x-total-count'])
    // Warnings point into the body we sent; move them to the caller's ZPL (the repeated prefix was linted with
    // the chunk that first held it).
    const prefixBytes = Buffer.byteLength(prefix)
    const startBytes = Buffer.byteLength(req.zpl.slice(0, labels[0]?.start ?? 0))
    const warnings = parseWarnings(headerText(res.headers['x-warnings']))
      .filter((w) => w.byteIndex >= prefixBytes)
      .map((w) => ({ ...w, byteIndex: w.byteIndex - prefixBytes + startBytes }))
    return { body: res.body, total: Number.isInteger(totalHeader) && totalHeader > 0 ? totalHeader : undefined, warnings }
  }

  /** Runs `work` on the chunk; on HTTP 413 splits it in half and runs both halves (in order). */
  async function halving<T> (chunk: Chunk, work: (c: Chunk) => Promise<T[]>): Promise<T[]> {
    try {
      return await work(chunk)
    } catch (err) {
      if (!(err instanceof LabelaryRejectedError) || err.status !== 413 || chunk.count < 2) throw err
      const left = Math.floor(chunk.count / 2)
      const first = await halving({ first: chunk.first, count: left }, work)
      const second = await halving({ first: chunk.first + left, count: chunk.count - left }, work)
      return [...first, ...second]
    }
  }

  async function pngsOfChunk (req: LabelaryRenderRequest, split: SplitZpl, chunk: Chunk): Promise<Sent[]> {
    const first = await send(req, split, chunk, 0)
    const total = first.total ?? chunk.count
    const rest = await Promise.all(Array.from({ length: total - 1 }, (_v, i) => send(req, split, chunk, i + 1)))
    return [first, ...rest]
  }

  async function render (req: LabelaryRenderRequest): Promise<LabelaryPngResult | LabelaryPdfResult> {
    const split = splitZplLabels(req.zpl)
    const count = Math.max(1, split.labels.length)
    let chunks: Chunk[] = []
    for (let first = 0; first < count; first += maxLabels) chunks.push({ first, count: Math.min(maxLabels, count - first) })
    let index = req.index
    if (index !== undefined && (!Number.isInteger(index) || index < 0 || (split.labels.length > maxLabels && index >= split.labels.length))) {
      throw new ValidationError([{ path: 'index', rule: 'range', message: `must be a label index from 0 to ${split.labels.length - 1}` }])
    }
    if (index !== undefined && split.labels.length > maxLabels) {
      // Only the chunk holding the label is sent; the index becomes its index within that chunk.
      chunks = [{ first: index, count: 1 }]
      index = 0
    }
    // Every label of a PNG job is its own request; a PDF (or one indexed label) is one request per chunk.
    const work = (c: Chunk): Promise<Sent[]> => req.accept === 'image/png' && index === undefined
      ? pngsOfChunk(req, split, c)
      : send(req, split, c, index).then((s) => [s])
    const results: Sent[] = []
    for (const chunk of chunks) results.push(...await (index !== undefined ? work(chunk) : halving(chunk, work)))
    const warnings = dedupe(results.flatMap((r) => r.warnings))
    if (req.accept === 'image/png') return { images: results.map((r) => r.body), warnings }
    return { pdf: await mergePdfs(results.map((r) => r.body)), warnings }
  }

  return {
    render: render as LabelaryClient['render'],
    close: () => dispatcher.close()
  }
}

function headerText (value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join('|') : value
}

/** The same warning reported by several requests (each index of a PNG chunk is linted again) counts once. */
function dedupe (warnings: LabelaryWarning[]): LabelaryWarning[] {
  const seen = new Set<string>()
  return warnings.filter((w) => {
    const key = `${w.byteIndex}|${w.byteSize}|${w.command}|${w.parameter ?? ''}|${w.message}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

async function mergePdfs (pdfs: Buffer[]): Promise<Buffer> {
  if (pdfs.length === 1) return pdfs[0] as Buffer
  try {
    const merged = await PDFDocument.create()
    for (const bytes of pdfs) {
      const doc = await PDFDocument.load(bytes)
      for (const page of await merged.copyPages(doc, doc.getPageIndices())) merged.addPage(page)
    }
    return Buffer.from(await merged.save())
  } catch (err) {
    throw new LabelaryUnavailableError('Labelary answered with a PDF that cannot be read', undefined, err)
  }
}
