// `node --import tsx bench/labelary-endpoint.ts`: throughput of the Labelary-compatible endpoint on a batch of 50
// labels with 1 and with 2 renderer workers, over real HTTP on 127.0.0.1, and the renderer pool's memory.
// Labels are the label service's real ZPL (generic record, 203 dpi, font download first) when the layout stage
// is installed, else the DashLink sample label from bench/fixtures. Prints numbers; asserts nothing.
import { readFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import Fastify from 'fastify'
import { request } from 'undici'
import { labelaryRoutes } from '../src/http/labelary/index.ts'
import { createLabelaryClient } from '../src/labelary/index.ts'
import { createZplRasterizer } from '../src/render/png/index.ts'

const LABELS = 50
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3)
const mb = (n: number): string => `${(n / 1e6).toFixed(0)} MB`

/** 50 labels of real ZPL, and where they came from. */
async function batchZpl (): Promise<{ zpl: string, source: string }> {
  try {
    const { loadLabelService } = await import('../src/bootstrap.ts')
    const { loadConfig } = await import('../src/config.ts')
    const service = loadLabelService(loadConfig())
    const record = JSON.parse(readFileSync(new URL('./fixtures/generic-record.json', import.meta.url), 'utf8')) as Record<string, unknown>
    const labels = Array.from({ length: LABELS }, (_v, i) =>
      service.renderZpl({ record: { ...record, tracking_code: `LWX${100200300400500 + i}` }, source: 'generic', dpi: 203 }).zpl)
    return { zpl: service.fontDownloadZpl() + labels.join(''), source: 'label service (generic record, 203 dpi, ~DU font download first)' }
  } catch (err) {
    const sample = readFileSync(new URL('./fixtures/dashlink-sample.zpl', import.meta.url), 'utf8')
    const labels = Array.from({ length: LABELS }, (_v, i) => sample.replace('John Doe', `John Doe ${i}`))
    return { zpl: labels.join('\n'), source: `DashLink sample label (label service not available: ${(err as Error).message.split('\n')[0]})` }
  }
}

async function run (workers: number, zpl: string): Promise<void> {
  const rasterizer = createZplRasterizer({ workers })
  const app = Fastify({ logger: false, bodyLimit: 64 * 1024 * 1024 })
  // Bare Fastify, not the app: no pre-routing URL refusals to hand over.
  await labelaryRoutes(app, { rasterizer }, { answerBadUrls: () => {} })
  const origin = await app.listen({ host: '127.0.0.1', port: 0 })
  const url = `${origin}/v1/printers/8dpmm/labels/4x6/`
  const pdf = async (): Promise<number> => {
    const res = await request(url, { method: 'POST', body: zpl, headers: { accept: 'application/pdf' } })
    const bytes = Buffer.from(await res.body.arrayBuffer())
    if (res.statusCode !== 200) throw new Error(`HTTP ${res.statusCode}: ${bytes.toString('utf8').slice(0, 200)}`)
    return bytes.length
  }
  await pdf() // warm-up: every worker loads zebrash (WebAssembly) once

  const rates: number[] = []
  let cores = 0
  for (let round = 0; round < ROUNDS; round++) {
    const cpu = process.cpuUsage()
    const t0 = performance.now()
    const bytes = await pdf()
    const ms = performance.now() - t0
    const used = process.cpuUsage(cpu)
    cores = Math.max(cores, (used.user + used.system) / 1000 / ms)
    rates.push(LABELS / (ms / 1000))
    console.log(`  workers=${workers} PDF of ${LABELS} labels (one request): ${ms.toFixed(0)} ms, ${(LABELS / (ms / 1000)).toFixed(1)} labels/s, ` +
      `${(bytes / 1e6).toFixed(2)} MB, CPU ${((used.user + used.system) / 1000 / ms).toFixed(2)} cores`)
  }

  // The same 50 labels as PNGs, one request per index through our own Labelary client (rate limit lifted).
  const client = createLabelaryClient({ baseUrl: origin, ratePerSecond: 1000 })
  const t0 = performance.now()
  const { images } = await client.render({ zpl, dpmm: 8, widthIn: 4, heightIn: 6, accept: 'image/png' })
  const pngMs = performance.now() - t0
  await client.close()
  console.log(`  workers=${workers} PNG of ${images.length} labels (a request per index, via the client; each request splits the job): ` +
    `${pngMs.toFixed(0)} ms, ${(images.length / (pngMs / 1000)).toFixed(1)} labels/s`)

  const stats = rasterizer.stats()
  const sorted = [...rates].sort((a, b) => a - b)
  console.log(`  workers=${workers} PDF median ${(sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(1)} labels/s, peak CPU ${cores.toFixed(2)} cores; ` +
    `process RSS ${mb(stats.rssBytes)}; per worker: ` +
    stats.workers.map((w) => `thread ${w.threadId}: ${w.labels} labels, heap ${mb(w.heapUsedBytes)}, external (incl. WebAssembly memory) ${mb(w.externalBytes)}`).join('; '))
  console.log(`  load average after workers=${workers}: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
  await app.close()
  await rasterizer.close()
}

const { zpl, source } = await batchZpl()
console.log(`Labelary-compatible endpoint, batch of ${LABELS} labels at 8 dpmm 4x6: ${source}; ${(zpl.length / 1e3).toFixed(0)} kB of ZPL`)
const baseline = process.memoryUsage().rss
// The machine may be shared: the load average says how much of the cores the bench could have had.
console.log(`process RSS before any renderer: ${mb(baseline)}; ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`)
for (const workers of [1, 2]) await run(workers, zpl)
