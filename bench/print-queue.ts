// `node --import tsx bench/print-queue.ts`: 1,000 jobs (real records rendered to ZPL) to 10 fake printers on
// 127.0.0.1, as one burst; prints jobs per second and queue latency (accepted → last label byte written) p50/p99,
// with SQLite synchronous=FULL (the default) and NORMAL. Bounded: a few seconds per run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { loadLabelService } from '../src/bootstrap.ts'
import { loadConfig } from '../src/config.ts'
import { createPrintQueue } from '../src/printing/print-queue.ts'
import { startFakePrinter } from '../test/support/fake-printer.ts'

const JOBS = Number(process.env.BENCH_JOBS ?? 1000)
const PRINTERS = 10
const record = JSON.parse(readFileSync(new URL('./fixtures/generic-record.json', import.meta.url), 'utf8')) as Record<string, unknown>
const service = loadLabelService(loadConfig({}))

function percentile (sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}

async function run (synchronous: 'FULL' | 'NORMAL'): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lw-bench-print-'))
  const printers = await Promise.all(Array.from({ length: PRINTERS }, () => startFakePrinter()))
  const queue = await createPrintQueue({ dataDir, service, synchronous })
  for (const [i, p] of printers.entries()) await queue.registry.add({ id: `p${i}`, host: p.host, port: p.port, dpi: 203 })
  await queue.start()
  const ids: string[] = []
  const started = performance.now()
  for (let n = 0; n < JOBS; n++) {
    const tracking = `LWX${String(100000000000000 + n)}`
    ids.push((await queue.submit({ printerId: `p${n % PRINTERS}`, record: { ...record, tracking_code: tracking }, source: 'generic' })).job.id)
  }
  const accepted = performance.now()
  const allJobs = () => Promise.all(ids.map((id) => queue.get(id)))
  while ((await allJobs()).some((j) => j.state !== 'printed')) await new Promise((resolve) => setTimeout(resolve, 5))
  const elapsed = performance.now() - started
  const jobs = await allJobs()
  const latencies = jobs.map((j) => (j.writtenAt ?? NaN) - j.createdAt).sort((a, b) => a - b)
  // One attempt on its own: connect, ~HS, write, printer closes (the rest of the latency is waiting in line).
  const sends = jobs.map((j) => (j.writtenAt ?? NaN) - (j.sentAt ?? NaN)).sort((a, b) => a - b)
  const labels = printers.reduce((sum, p) => sum + p.labels().length, 0)
  const bytes = jobs.reduce((sum, j) => sum + j.zpl.length, 0)
  console.log(`synchronous=${synchronous.padEnd(6)} ${JOBS} jobs → ${PRINTERS} printers: ${(JOBS / (elapsed / 1000)).toFixed(0)} jobs/s ` +
    `(${elapsed.toFixed(0)} ms; accepting took ${(accepted - started).toFixed(0)} ms), latency accepted→written p50 ${percentile(latencies, 50)} ms, ` +
    `p99 ${percentile(latencies, 99)} ms, max ${latencies.at(-1)} ms; one send (sending→written) p50 ${percentile(sends, 50)} ms, ` +
    `p99 ${percentile(sends, 99)} ms; ${labels} labels received, ${(bytes / JOBS / 1024).toFixed(1)} KB/label`)
  await queue.close()
  for (const p of printers) await p.close()
  rmSync(dataDir, { recursive: true, force: true })
}

await run('FULL')
await run('NORMAL')
