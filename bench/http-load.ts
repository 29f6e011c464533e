// A bounded HTTP load loop: N connections keep one request in flight each for a fixed time. It writes requests made
// before the run and reads answers by their length, on plain sockets: an HTTP client library spent 150-200 µs of CPU
// a request here, as much as the server's cheapest routes, so on a 2-core box it measured itself as much as the
// server. This one spends a third of that, and its CPU per request is reported so a run can show it was not the limit.
import { connect, type Socket } from 'node:net'

/** What one load run measured. */
export interface LoadResult {
  requests: number
  errors: number
  seconds: number
  perSecond: number
  p50Ms: number
  p99Ms: number
  /** CPU time of this (load generator) process per request, µs: near 1e6 / perSecond means the generator is the bottleneck. */
  clientCpuUsPerRequest: number
}

/** Options of a load run. */
export interface LoadOptions {
  origin: string
  path: string
  method: 'GET' | 'POST'
  body?: string
  /** Bodies sent in turn, one per request (instead of `body`), or a function giving each request its own body. */
  bodies?: readonly string[] | (() => string)
  headers?: Record<string, string>
  connections: number
  seconds: number
}

function percentile (sorted: number[], p: number): number {
  if (sorted.length === 0) return 0
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number
}

const HEAD_END = Buffer.from('\r\n\r\n')
/** How long past its end a run waits for answers still outstanding. */
const DEADLINE_GRACE_MS = 30_000

/**
 * Where the answer at the start of `buf` ends, or -1 while it is incomplete; `status` gets its status code. Answers
 * carry Content-Length or are chunked (streamed routes).
 */
function answerEnd (buf: Buffer, status: { code: number }): number {
  const headEnd = buf.indexOf(HEAD_END)
  if (headEnd < 0) return -1
  const head = buf.toString('latin1', 0, headEnd).toLowerCase()
  status.code = Number(head.slice(9, 12))
  const length = /\r\ncontent-length: *(\d+)/.exec(head)
  if (length !== null) {
    const end = headEnd + 4 + Number(length[1])
    return buf.length >= end ? end : -1
  }
  if (!/\r\ntransfer-encoding: *chunked/.test(head)) return headEnd + 4
  let at = headEnd + 4
  for (;;) {
    const lineEnd = buf.indexOf('\r\n', at)
    if (lineEnd < 0) return -1
    const size = parseInt(buf.toString('latin1', at, lineEnd), 16)
    at = lineEnd + 2 + size + 2
    if (buf.length < at) return -1
    if (size === 0) return at
  }
}

/** Runs the load and reports requests per second; non-2xx answers and dropped connections count as errors. */
export async function runLoad (opts: LoadOptions): Promise<LoadResult> {
  const { hostname, port } = new URL(opts.origin)
  const headLines = Object.entries(opts.headers ?? {}).map(([k, v]) => `${k}: ${v}\r\n`).join('')
  const requestOf = (body: string): Buffer => {
    const bytes = Buffer.from(body)
    const head = `${opts.method} ${opts.path} HTTP/1.1\r\nhost: ${hostname}:${port}\r\n${headLines}${opts.method === 'POST' ? `content-length: ${bytes.length}\r\n` : ''}\r\n`
    return Buffer.concat([Buffer.from(head, 'latin1'), bytes])
  }
  // Requests are encoded before the clock starts; a body function is called per request, its cost the generator's.
  const bodies = opts.bodies
  const fixed = typeof bodies === 'function' ? undefined : (bodies ?? [opts.body ?? '']).map(requestOf)
  let sent = 0
  const nextRequest = (): Buffer => fixed === undefined ? requestOf((bodies as () => string)()) : fixed[sent++ % fixed.length] as Buffer
  const latencies: number[] = []
  let errors = 0
  const cpuStart = process.cpuUsage()
  const start = performance.now()
  const until = start + opts.seconds * 1000

  // A server that stops answering must not keep the run going: past the deadline every connection is dropped and a
  // request still waiting counts as an error.
  const sockets = new Set<Socket>()
  const deadline = setTimeout(() => { for (const s of sockets) s.destroy() }, opts.seconds * 1000 + DEADLINE_GRACE_MS)
  const connection = (): Promise<void> => new Promise((resolve) => {
    let socket: Socket
    let buf: Buffer | undefined
    let t0 = 0
    let waiting = false
    const status = { code: 0 }
    const send = (): void => {
      if (performance.now() >= until) {
        socket.end()
        resolve()
        return
      }
      t0 = performance.now()
      waiting = true
      socket.write(nextRequest())
    }
    const open = (): void => {
      buf = undefined
      socket = connect(Number(port), hostname, send)
      sockets.add(socket)
      socket.setNoDelay(true)
      socket.on('data', (chunk: Buffer) => {
        buf = buf === undefined ? chunk : Buffer.concat([buf, chunk])
        const end = answerEnd(buf, status)
        if (end < 0) return
        waiting = false
        latencies.push(performance.now() - t0)
        if (status.code < 200 || status.code >= 300) errors++
        buf = end === buf.length ? undefined : buf.subarray(end)
        send()
      })
      // A connection the server closed (or refused) is opened again while the run lasts.
      socket.on('error', () => {})
      socket.on('close', () => {
        sockets.delete(socket)
        if (waiting) errors++
        waiting = false
        if (performance.now() < until) setTimeout(open, 1)
        else resolve()
      })
    }
    open()
  })
  await Promise.all(Array.from({ length: opts.connections }, connection))
  clearTimeout(deadline)
  const seconds = (performance.now() - start) / 1000
  const cpu = process.cpuUsage(cpuStart)
  latencies.sort((a, b) => a - b)
  return {
    requests: latencies.length,
    errors,
    seconds,
    perSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 0.5),
    p99Ms: percentile(latencies, 0.99),
    clientCpuUsPerRequest: (cpu.user + cpu.system) / Math.max(1, latencies.length)
  }
}
