// `node --import tsx bench/print-queue.ts`: 1,000 jobs (real records rendered to ZPL) to 10 fake printers on
// 127.0.0.1, as one burst; prints jobs per second and queue latency (accepted → last label byte written) p50/p99,
// with SQLite synchronous=FULL (the default) and NORMAL, and, where PostgreSQL is installed, with one and with three
// queue instances sharing a PostgreSQL database (a server started in a temporary folder, as the tests do); the jobs
// go round-robin to the instances. Bounded: a few seconds per run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { loadLabelService } from '../src/bootstrap.ts'
import { loadConfig } from '../src/config.ts'
import { createPrintQueue } from '../src/printing/print-queue.ts'
import { startFakePrinter } from '../test/support/fake-printer.ts'
import { POSTGRES_MISSING, startPostgres } from '../test/support/postgres.ts'

const JOBS = Number(process.env.BENCH_JOBS ?? 1000)
const PRINTERS = 10
const record = JSON.parse(readFileSync(new URL('./fixtures/generic-record.json', import.meta.url), 'utf8')) as Record<string, unknown>
const service = loadLabelService(loadConfig({}))

function percentile (sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN
}

/** Where the queue runs: SQLite with a durability, or `instances` queues sharing a PostgreSQL database. */
type Setup = { synchronous: 'FULL' | 'NORMAL' } | { databaseUrl: string, instances: number }

async function run (setup: Setup): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lw-bench-print-'))
  const printers = await Promise.all(Array.from({ length: PRINTERS }, () => startFakePrinter()))
  const queues = 'synchronous' in setup
    ? [await createPrintQueue({ dataDir, service, synchronous: setup.synchronous })]
    : await Promise.all(Array.from({ length: setup.instances }, () => createPrintQueue({ dataDir, service, databaseUrl: setup.databaseUrl })))
  const queue = queues[0] as (typeof queues)[number]
  for (const [i, p] of printers.entries()) await queue.registry.add({ id: `p${i}`, host: p.host, port: p.port, dpi: 203 })
  for (const q of queues) await q.start()
  const ids: string[] = []
  const started = performance.now()
  for (let n = 0; n < JOBS; n++) {
    const tracking = `LWX${String(100000000000000 + n)}`
    ids.push((await (queues[n % queues.length] as typeof queue).submit({ printerId: `p${n % PRINTERS}`, record: { ...record, tracking_code: tracking }, source: 'generic' })).job.id)
  }
  const accepted = performance.now()
  while ((await queue.queueStats()).length > 0) await new Promise((resolve) => setTimeout(resolve, 5))
  const elapsed = performance.now() - started
  const jobs = await Promise.all(ids.map((id) => queue.get(id)))
  const latencies = jobs.map((j) => (j.writtenAt ?? NaN) - j.createdAt).sort((a, b) => a - b)
  // One attempt on its own: connect, ~HS, write, printer closes (the rest of the latency is waiting in line).
  const sends = jobs.map((j) => (j.writtenAt ?? NaN) - (j.sentAt ?? NaN)).sort((a, b) => a - b)
  const labels = printers.reduce((sum, p) => sum + p.labels().length, 0)
  const bytes = jobs.reduce((sum, j) => sum + j.zpl.length, 0)
  const name = 'synchronous' in setup ? `SQLite synchronous=${setup.synchronous}` : `PostgreSQL, ${setup.instances} instance${setup.instances > 1 ? 's' : ''}`
  console.log(`${name.padEnd(28)} ${JOBS} jobs → ${PRINTERS} printers: ${(JOBS / (elapsed / 1000)).toFixed(0)} jobs/s ` +
    `(${elapsed.toFixed(0)} ms; accepting took ${(accepted - started).toFixed(0)} ms), latency accepted→written p50 ${percentile(latencies, 50)} ms, ` +
    `p99 ${percentile(latencies, 99)} ms, max ${latencies.at(-1)} ms; one send (sending→written) p50 ${percentile(sends, 50)} ms, ` +
    `p99 ${percentile(sends, 99)} ms; ${labels} labels received, ${(bytes / JOBS / 1024).toFixed(1)} KB/label`)
  for (const q of queues) await q.close()
  for (const p of printers) await p.close()
  rmSync(dataDir, { recursive: true, force: true })
}

await run({ synchronous: 'FULL' })
await run({ synchronous: 'NORMAL' })
if (POSTGRES_MISSING !== undefined) {
  console.log(`PostgreSQL runs skipped: ${POSTGRES_MISSING}`)
} else {
  const server = await startPostgres({ durable: true })
  try {
    await run({ databaseUrl: await server.newDatabase(), instances: 1 })
    await run({ databaseUrl: await server.newDatabase(), instances: 3 })
  } finally {
    await server.stop()
  }
}
