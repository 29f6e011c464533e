// Batch endpoint at 10,000 records: time to stream one ZPL stream and one multi-page PDF over real HTTP on
// 127.0.0.1, and how far the process's memory grows while doing it (it should not grow with the label count).
import { readFileSync } from 'node:fs'
import { request } from 'undici'
import { buildApp } from '../src/app.ts'
import { loadLabelService } from '../src/bootstrap.ts'
import { loadConfig } from '../src/config.ts'
import { devNullLog } from './log-sink.ts'

const RECORDS = Number(process.env.BENCH_RECORDS ?? 10_000)
const base = JSON.parse(readFileSync(new URL('./fixtures/generic-record.json', import.meta.url), 'utf8')) as Record<string, unknown>
const records = Array.from({ length: RECORDS }, (_, i) => ({ ...base, tracking_code: `LWX${String(100000000000000 + i)}` }))
const body = JSON.stringify({ records, source: 'generic' })

const config = loadConfig({ ...process.env, PORT: '0' })
const app = await buildApp({ config, service: loadLabelService(config), logStream: devNullLog })
await app.listen({ host: '127.0.0.1', port: 0 })
const address = app.server.address()
const origin = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`

async function run (format: 'zpl' | 'pdf', accept: string): Promise<void> {
  global.gc?.()
  const baseline = process.memoryUsage().rss
  let peak = baseline
  const sampler = setInterval(() => { peak = Math.max(peak, process.memoryUsage().rss) }, 50)
  const t0 = performance.now()
  const res = await request(`${origin}/v1/labels/batch?format=${format}`, { method: 'POST', body, headers: { 'content-type': 'application/json', accept } })
  let bytes = 0
  let firstByteMs = 0
  for await (const chunk of res.body) {
    if (bytes === 0) firstByteMs = performance.now() - t0
    bytes += (chunk as Buffer).length
  }
  const seconds = (performance.now() - t0) / 1000
  clearInterval(sampler)
  console.log(`${format.toUpperCase()} batch of ${RECORDS}: status ${res.statusCode}, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(2)} s ` +
    `(${(RECORDS / seconds).toFixed(0)} labels/s, first byte after ${firstByteMs.toFixed(0)} ms), ` +
    `labels ${String(res.headers['x-label-count'])}, failed ${String(res.headers['x-failed-count'])}, ` +
    `RSS growth ${((peak - baseline) / 1e6).toFixed(0)} MB over ${(baseline / 1e6).toFixed(0)} MB (request body ${(body.length / 1e6).toFixed(1)} MB)`)
}

await run('zpl', 'x-application/zpl')
await run('pdf', 'application/pdf')
await app.close()
