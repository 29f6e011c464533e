// Child process of the HTTP benchmarks: a bare Fastify route returning a 2 KB string and the labelworks app (and the
// app without its label work, and the app without its web console), on 127.0.0.1 in one process (one core), so the
// load generator in the parent has the other core. A line `cpu` on stdin is answered with this process's CPU time so
// far (µs), so the parent can charge server CPU to each run: on a shared 2-core box requests per second also measure
// the load generator and the neighbours, CPU per request does not.
import Fastify from 'fastify'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, openSync, readdirSync, readFileSync, readSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { PerformanceObserver } from 'node:perf_hooks'
import { createInterface } from 'node:readline'
import type { LabelArchive } from '../src/archive/label-archive.ts'
import { devNullLog } from './log-sink.ts'
import type { ArchiveHeld } from './target-process.ts'

// The server's modules as `npm start` and the Docker image run them: compiled to dist/ (target-process.ts builds it
// first when stale), not src/ through tsx. tsx keeps function names by calling a helper for every function it makes,
// closures made per request included, which cost the label routes 10-15 µs of server CPU a request that the running
// service does not spend. The types are src/'s, which dist/ is compiled from.
const compiled = async <M>(file: string): Promise<M> => await import(new URL(`../dist/${file}`, import.meta.url).href) as M
const { buildApp } = await compiled<typeof import('../src/app.ts')>('app.js')
const { openSqliteArchive } = await compiled<typeof import('../src/archive/sqlite-archive.ts')>('archive/sqlite-archive.js')
const { loadLabelService } = await compiled<typeof import('../src/bootstrap.ts')>('bootstrap.js')
const { loadConfig } = await compiled<typeof import('../src/config.ts')>('config.js')

const TWO_KB = 'x'.repeat(2048)
const bare = Fastify({ logger: false })
bare.get('/bare', async () => TWO_KB)
bare.post('/bare', async () => TWO_KB)
await bare.listen({ host: '127.0.0.1', port: 0 })

// The app logs as `npm start` does, into /dev/null rather than this process's stdout, which carries the answers to
// the parent.
const config = loadConfig({ ...process.env, PORT: '0' })
const service = loadLabelService(config)
const app = await buildApp({ config, service, logStream: devNullLog })
await app.listen({ host: '127.0.0.1', port: 0 })

// The same app with the label archive on, as `npm start` runs it, in a database of its own: its requests per second
// are the archive's cost. A second copy, in another database, times how long each label's put and each turn's
// hand-over to the writer thread hold the event loop, for the `archive` line on stdin. Timing is kept off the first
// copy because it is not free: reading the scheduler's statistics before each put cost the timed copy 20–30 µs of
// server CPU a request under load.
const archiveDir = mkdtempSync(path.join(tmpdir(), 'lw-bench-archive-'))
const timedArchiveDir = mkdtempSync(path.join(tmpdir(), 'lw-bench-archive-timed-'))
const held = {
  puts: [] as number[],
  handOvers: [] as number[],
  controls: [] as number[],
  labels: 0
}
type HeldKind = 'put' | 'handOver' | 'control'
/**
 * Holds over 1 ms: when they ended (performance.now()), to be set beside the collector's pauses, and how long the
 * thread waited for a CPU during the hold, by the kernel's count.
 */
const longHolds: { kind: HeldKind, ms: number, end: number, waitedMs: number }[] = []

// The main thread's scheduler statistics (/proc/thread-self/schedstat): the second figure is the ns the thread has
// spent runnable but waiting for a CPU, added up each time it gets one back, so a wait inside a hold is counted by
// the next read. A hold the thread spent waiting was the machine's, not the archive's work. (The first figure, ns on
// a CPU, is brought up to date only at the scheduler's ticks, too seldom to split a millisecond.) Reading costs
// about 2 µs, once before each put and hand-over.
const schedstat = (() => {
  try {
    return openSync('/proc/thread-self/schedstat', 'r')
  } catch {
    return undefined
  }
})()
const schedBytes = Buffer.alloc(128)
function waitedNs (): number {
  if (schedstat === undefined) return Number.NaN
  return Number(schedBytes.toString('latin1', 0, readSync(schedstat, schedBytes, 0, schedBytes.length, 0)).split(' ')[1])
}

/** Runs `work`, timing what it holds this thread; a hold over 1 ms also notes how the thread spent it. */
function timeHeld<T> (kind: HeldKind, work: () => T): T {
  const waitedBefore = waitedNs()
  const start = performance.now()
  const result = work()
  const ms = performance.now() - start
  held[kind === 'put' ? 'puts' : kind === 'handOver' ? 'handOvers' : 'controls'].push(ms)
  if (ms > 1) longHolds.push({ kind, ms, end: start + ms, waitedMs: (waitedNs() - waitedBefore) / 1e6 })
  return result
}
// Every garbage collection pause of the main thread, on the same clock: a hold that contains one was held by the
// collector, which runs whenever an allocation finds the young generation full, inside a put or anywhere else.
const gcPauses: { start: number, end: number }[] = []
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcPauses.push({ start: e.startTime, end: e.startTime + e.duration })
}).observe({ entryTypes: ['gc'] })
/** The collector's pause time inside [start, end]. */
function collectedMs (start: number, end: number): number {
  return gcPauses.reduce((sum, p) => sum + Math.max(0, Math.min(end, p.end) - Math.max(start, p.start)), 0)
}
// The writer threads are the threads that opening the archives adds (the libuv pool has been started by then: listen).
const threadsBefore = new Set(readdirSync('/proc/self/task'))
const sqlite = openSqliteArchive(archiveDir)
const timedSqlite = openSqliteArchive(timedArchiveDir, {
  aroundHandOver: (handOver, labels) => {
    timeHeld('handOver', handOver)
    held.labels += labels
  }
})
const writerCpu = process.env.BENCH_WRITER_CPU ?? ''
if (writerCpu !== '') {
  const added = readdirSync('/proc/self/task').filter((t) => !threadsBefore.has(t))
  if (added.length < 2) throw new Error('opening the archives started fewer threads than writers to move to another CPU')
  for (const tid of added) {
    const moved = spawnSync('taskset', ['-p', '-c', writerCpu, tid], { stdio: 'ignore' })
    if (moved.status !== 0) throw new Error(`could not move an archive writer thread ${tid} to CPU ${writerCpu}`)
  }
}
const CONTROL = process.env.BENCH_ARCHIVE_CONTROL === '1'
let sink = 0
function spin (rounds: number): void {
  let acc = sink
  for (let k = 0; k < rounds; k++) acc = (acc * 31 + k) | 0
  sink = acc
}
/** Rounds of spin() that take about 20 µs here, a put's usual time (its p99 is 30–40 µs). */
const CONTROL_ROUNDS = (() => {
  spin(1e6)
  const start = performance.now()
  spin(1e6)
  return Math.round(1e6 * 0.02 / (performance.now() - start))
})()
const timedArchive: LabelArchive = {
  ...timedSqlite,
  put: (label, claim) => {
    const put = timeHeld('put', () => timedSqlite.put(label, claim))
    // The control (BENCH_ARCHIVE_CONTROL=1; it costs the archived routes 20 µs a request): arithmetic that takes as long
    // as a typical put and touches nothing, timed the same way right after it. Holds over 1 ms that it shows as often
    // as the puts do are the machine's (the scheduler, the hypervisor), not the archive's.
    if (CONTROL) timeHeld('control', () => { spin(CONTROL_ROUNDS) })
    return put
  }
}
const archived = await buildApp({ config, service, archive: sqlite, logStream: devNullLog })
await archived.listen({ host: '127.0.0.1', port: 0 })
const archivedTimed = await buildApp({ config, service, archive: timedArchive, logStream: devNullLog })
await archivedTimed.listen({ host: '127.0.0.1', port: 0 })

/** Longest and 99th percentile of what the archive held the loop, ms, since the last report. */
function heldReport (): ArchiveHeld {
  const stats = (xs: number[], kind: HeldKind): ArchiveHeld['put'] => {
    const s = [...xs].sort((a, b) => a - b)
    const long = longHolds.filter((h) => h.kind === kind).map((h) => ({ ...h, collected: collectedMs(h.end - h.ms, h.end) }))
    // Not waiting for a CPU: the work itself, the archive's, the collector's and whatever the kernel did for them (an
    // upper bound of the archive's own work; a collector's pause can itself contain a wait).
    const working = long.map((h) => Math.max(0, h.ms - h.waitedMs))
    return {
      n: s.length,
      p99Ms: s[Math.floor(s.length * 0.99)] ?? 0,
      maxMs: s.at(-1) ?? 0,
      over1Ms: long.length,
      over1MsOutsideGc: long.filter((h) => h.ms - h.collected > 1).length,
      maxOutsideGcMs: Math.max(0, ...long.map((h) => h.ms - h.collected)),
      over1MsWorking: working.filter((ms) => ms > 1).length,
      maxWorkingMs: Math.max(0, ...working),
      longWaitedMs: long.reduce((sum, h) => sum + h.waitedMs, 0),
      longMs: long.reduce((sum, h) => sum + h.ms, 0)
    }
  }
  const report = {
    put: stats(held.puts, 'put'),
    handOver: stats(held.handOvers, 'handOver'),
    control: stats(held.controls, 'control'),
    labels: held.labels
  }
  held.puts = []
  held.handOvers = []
  held.controls = []
  held.labels = 0
  longHolds.length = 0
  gcPauses.length = 0
  return report
}

// The same app with the label work taken out, to split the endpoint's cost into HTTP handling and labelling: its
// service answers every ZPL request with one label made at start-up. Benchmark only; the app never caches labels.
const record = JSON.parse(readFileSync(new URL('./fixtures/generic-record.json', import.meta.url), 'utf8')) as unknown
const madeOnce = service.renderZpl({ record, source: 'generic', dpi: 203 })
const glue = await buildApp({ config, service: { ...service, renderZpl: () => madeOnce }, logStream: devNullLog })
await glue.listen({ host: '127.0.0.1', port: 0 })

// The same app without the web console (CONSOLE_ENABLED=false), for bench/console-cost.ts.
const noConsole = await buildApp({ config: { ...config, consoleEnabled: false }, service, logStream: devNullLog })
await noConsole.listen({ host: '127.0.0.1', port: 0 })

const portOf = (server: { server: typeof bare.server }): number => {
  const address = server.server.address()
  return typeof address === 'object' && address !== null ? address.port : 0
}
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'cpu') {
    const { user, system } = process.cpuUsage()
    process.stdout.write(JSON.stringify({ cpuUs: user + system }) + '\n')
  }
  if (line.trim() === 'archive') process.stdout.write(JSON.stringify(heldReport()) + '\n')
})
process.stdout.write(JSON.stringify({ bare: portOf(bare), app: portOf(app), glue: portOf(glue), archived: portOf(archived), archivedTimed: portOf(archivedTimed), noConsole: portOf(noConsole) }) + '\n')
process.on('SIGTERM', () => {
  void Promise.all([bare.close(), app.close(), glue.close(), archived.close(), archivedTimed.close(), noConsole.close()])
    .then(async () => { await Promise.all([sqlite.close(), timedSqlite.close()]) }).then(() => {
    rmSync(archiveDir, { recursive: true, force: true })
    rmSync(timedArchiveDir, { recursive: true, force: true })
    process.exit(0)
  })
})
