// Sends hostile requests to a server on loopback and judges every answer: never a status of 500 or more, and every
// ZPL label it returns safe (see zpl-safety.ts). Shared by the test suite (a small run) and bench/fuzz.ts (a long one).
import net from 'node:net'
import { Agent, request } from 'undici'
import { hostileRequest, type FuzzRequest, type FuzzTarget } from './hostile-requests.ts'
import { Random } from './random.ts'
import { unsafeZpl, withoutFontDownload } from './zpl-safety.ts'

/** A fuzz run: where, how many, from which seed, how many at once. */
export interface FuzzOptions extends FuzzTarget {
  baseUrl: string
  requests: number
  seed: number
  concurrency: number
  /** The server's ~DU download, which a ZPL answer may start with. */
  fontDownload: string
  /** Called every `every` requests (progress, memory samples). */
  onProgress?: (done: number, report: FuzzReport) => void
  /** Called with each 5xx or unsafe ZPL as it is found (a long run's log shows them before it ends). */
  onFinding?: (finding: string) => void
  every?: number
}

/** What a run found. */
export interface FuzzReport {
  requests: number
  byStatus: Record<string, number>
  byKind: Record<string, number>
  /** Answers of 500 or more (and requests whose answer could not be read), by description; at most 50 kept. */
  serverErrors: string[]
  serverErrorCount: number
  zplChecked: number
  unsafeZpl: string[]
  unsafeZplCount: number
  /** The slowest answers, slowest first (at most 10), to see where a run's time went. */
  slowest: { ms: number, request: string }[]
}

const RAW_ANSWER_MS = 15_000

/** Writes raw bytes, half-closes, and reads until the server closes; the status codes of every answer. */
function sendRaw (port: number, bytes: Buffer): Promise<number[]> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1', () => { socket.end(bytes) })
    const chunks: Buffer[] = []
    const finish = (): void => {
      clearTimeout(timer)
      socket.destroy()
      const text = Buffer.concat(chunks).toString('latin1')
      resolve([...text.matchAll(/(?:^|\r\n)HTTP\/1\.[01] (\d{3})/g)].map((m) => Number(m[1])))
    }
    const timer = setTimeout(finish, RAW_ANSWER_MS)
    socket.on('data', (c: Buffer) => chunks.push(c))
    socket.on('error', finish)
    socket.on('close', finish)
  })
}

/** The ZPL labels in an answer and how many there should be, or undefined for an answer that carries none. */
function zplOf (contentType: string, headers: Record<string, string | string[] | undefined>, body: Buffer): { zpl: string, labels: number } | undefined {
  const count = Number(headers['x-label-count'] ?? 1)
  if (contentType.startsWith('x-application/zpl')) return { zpl: body.toString('utf8'), labels: count }
  if (!contentType.startsWith('application/json')) return undefined
  let parsed: { label_format?: unknown, label_string?: unknown, label_count?: unknown }
  try { parsed = JSON.parse(body.toString('utf8')) as typeof parsed } catch { return undefined }
  if (parsed.label_format !== 'zpl' || typeof parsed.label_string !== 'string') return undefined
  return { zpl: Buffer.from(parsed.label_string, 'base64').toString('utf8'), labels: typeof parsed.label_count === 'number' ? parsed.label_count : 1 }
}

const describe = (req: FuzzRequest): string => `${req.kind} ${req.method} ${req.path.slice(0, 80)} body ${req.body?.length ?? req.raw?.length ?? 0} B`

/** Runs the fuzz and reports; never throws for a bad answer (the caller asserts on the report). */
export async function runFuzz (o: FuzzOptions): Promise<FuzzReport> {
  const random = new Random(o.seed)
  const port = Number(new URL(o.baseUrl).port)
  const agent = new Agent({ connections: o.concurrency, bodyTimeout: 120_000, headersTimeout: 120_000 })
  const report: FuzzReport = { requests: 0, byStatus: {}, byKind: {}, serverErrors: [], serverErrorCount: 0, zplChecked: 0, unsafeZpl: [],
    unsafeZplCount: 0, slowest: [] }
  const count = (status: number | string, req: FuzzRequest): void => {
    report.byStatus[status] = (report.byStatus[status] ?? 0) + 1
    report.byKind[req.kind] = (report.byKind[req.kind] ?? 0) + 1
  }
  const serverError = (req: FuzzRequest, what: string): void => {
    report.serverErrorCount++
    if (report.serverErrors.length < 50) report.serverErrors.push(`${describe(req)}: ${what}`)
    o.onFinding?.(`${describe(req)}: ${what}`)
  }

  async function one (req: FuzzRequest): Promise<void> {
    if (req.raw !== undefined) {
      const statuses = await sendRaw(port, req.raw)
      count(statuses[0] ?? 'closed', req)
      for (const s of statuses) if (s >= 500) serverError(req, `status ${s}`)
      return
    }
    try {
      const res = await request(`${o.baseUrl}${req.path}`, { method: req.method as 'GET', headers: req.headers, body: req.body, dispatcher: agent })
      const body = Buffer.from(await res.body.arrayBuffer())
      count(res.statusCode, req)
      if (res.statusCode >= 500) { serverError(req, `status ${res.statusCode} ${body.toString('utf8').slice(0, 200)}`); return }
      if (res.statusCode !== 200) return
      const found = zplOf(String(res.headers['content-type'] ?? ''), res.headers, body)
      if (found === undefined) return
      report.zplChecked++
      const labels = withoutFontDownload(found.zpl, o.fontDownload)
      const why = labels === undefined ? 'starts with a download that is not the label font' : unsafeZpl(labels, found.labels)
      if (why !== undefined) {
        report.unsafeZplCount++
        if (report.unsafeZpl.length < 50) report.unsafeZpl.push(`${describe(req)}: ${why}`)
        o.onFinding?.(`${describe(req)}: unsafe ZPL: ${why}`)
      }
    } catch (err) {
      // A connection the server closed on a request it refused (a body over the limit) is an answer, not a crash;
      // the run's caller checks the server is still up.
      count(`error ${(err as { code?: string }).code ?? 'unknown'}`, req)
    }
  }

  let next = 0
  async function worker (): Promise<void> {
    while (next < o.requests) {
      next++
      const req = hostileRequest(random, o)
      const started = performance.now()
      await one(req)
      const ms = Math.round(performance.now() - started)
      if (report.slowest.length < 10 || ms > (report.slowest[report.slowest.length - 1]?.ms ?? 0)) {
        report.slowest.push({ ms, request: describe(req) })
        report.slowest.sort((a, b) => b.ms - a.ms)
        report.slowest.length = Math.min(report.slowest.length, 10)
      }
      report.requests++
      if (o.onProgress !== undefined && report.requests % (o.every ?? 1000) === 0) o.onProgress(report.requests, report)
    }
  }
  await Promise.all(Array.from({ length: o.concurrency }, worker))
  await agent.close()
  return report
}
