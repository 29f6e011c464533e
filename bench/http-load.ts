// A bounded HTTP load loop on undici: N connections keep one request in flight each for a fixed time.
import { Pool } from 'undici'

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

/** Runs the load and reports requests per second; non-2xx answers count as errors. */
export async function runLoad (opts: LoadOptions): Promise<LoadResult> {
  const pool = new Pool(opts.origin, { connections: opts.connections, pipelining: 1 })
  const latencies: number[] = []
  let errors = 0
  const cpuStart = process.cpuUsage()
  const start = performance.now()
  const until = start + opts.seconds * 1000
  let sent = 0
  const bodies = opts.bodies
  async function worker (): Promise<void> {
    while (performance.now() < until) {
      const t0 = performance.now()
      const body = bodies === undefined ? opts.body : typeof bodies === 'function' ? bodies() : bodies[sent++ % bodies.length]
      const res = await pool.request({ origin: opts.origin, path: opts.path, method: opts.method, body, headers: opts.headers })
      await res.body.arrayBuffer()
      if (res.statusCode >= 300) errors++
      latencies.push(performance.now() - t0)
    }
  }
  await Promise.all(Array.from({ length: opts.connections }, worker))
  const seconds = (performance.now() - start) / 1000
  const cpu = process.cpuUsage(cpuStart)
  await pool.close()
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
