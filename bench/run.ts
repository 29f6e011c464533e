// `npm run bench`: in-process cost per label of each output (self-contained and font ZPL, PDF, our PNG and zebrash's),
// the seed DashLink label's size, then HTTP requests per second of the ZPL label endpoint against a bare Fastify route
// returning 2 KB, measured in the same run on 127.0.0.1. Bounded: about five minutes
// (BENCH_SECONDS per HTTP run, default 5; BENCH_ROUNDS rounds, default 3; BENCH_CONNECTIONS, default 32).
import { readFileSync } from 'node:fs'
import { loadLabelService } from '../src/bootstrap.ts'
import { loadConfig } from '../src/config.ts'
import type { LabelRequest } from '../src/service/types.ts'
import { createZplRasterizer } from '../src/render/png/index.ts'
import type { LoadOptions } from './http-load.ts'
import { variedRecord } from './varied-records.ts'
import { median, startTargetProcess, type Sample } from './target-process.ts'

const record = JSON.parse(readFileSync(new URL('./fixtures/generic-record.json', import.meta.url), 'utf8')) as unknown
const seconds = Number(process.env.BENCH_SECONDS ?? 5)
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3))
// Requests in flight at once: with several, the label endpoint works on those of one event-loop turn together.
const connections = Math.max(1, Number(process.env.BENCH_CONNECTIONS ?? 32))
// Every label of the benchmark is a different record (see varied-records.ts), in process and over HTTP.
let next = 0
const nextRecord = (): unknown => variedRecord(next++)

async function timeLoop (label: string, budgetMs: number, fn: () => unknown | Promise<unknown>, warm = 200): Promise<number> {
  for (let i = 0; i < warm; i++) await fn()
  let n = 0
  const step = budgetMs > 2500 ? 1 : 100
  const start = performance.now()
  while (performance.now() - start < budgetMs) {
    for (let i = 0; i < step; i++) await fn()
    n += step
  }
  const usPer = ((performance.now() - start) * 1000) / n
  console.log(`${label.padEnd(34)} ${usPer.toFixed(1).padStart(9)} µs/label  ${(1e6 / usPer).toFixed(0).padStart(8)} labels/s  (${n} labels)`)
  return usPer
}

const service = loadLabelService(loadConfig())
const zebrash = createZplRasterizer({ workers: 1 })
const inProcessRatios: string[] = []
for (const dpi of [203, 300] as const) {
  const request = (): LabelRequest => ({ record: nextRecord(), source: 'generic', dpi })
  await timeLoop(`layout only, ${dpi} dpi`, 2000, () => service.layout(request()))
  const zpl = await timeLoop(`ZPL self-contained, ${dpi} dpi`, 2000, () => service.renderZpl(request()))
  await timeLoop(`ZPL text: font, ${dpi} dpi`, 2000, () => service.renderZpl({ ...request(), text: 'font' }))
  const pdf = await timeLoop(`PDF, ${dpi} dpi`, 3000, () => service.render({ ...request(), format: 'pdf' }))
  const png = await timeLoop(`PNG (our rasterizer), ${dpi} dpi`, 2000, () => service.render({ ...request(), format: 'png' }))
  // What format png cost before it had its own rasterizer: the font-mode ZPL and the font drawn by zebrash.
  const viaZebrash = await timeLoop(`PNG via zebrash (font ZPL), ${dpi} dpi`, 5000, () =>
    zebrash.renderLabelPng(service.fontDownloadZpl() + service.renderZpl({ ...request(), text: 'font' }).zpl, dpi), 3)
  inProcessRatios.push(`${dpi} dpi: self-contained ZPL costs ${(zpl / pdf).toFixed(2)}× a PDF (target ≤ 0.5); our PNG is ${(viaZebrash / png).toFixed(0)}× faster than zebrash's (target ≥ 20)`)
}
await zebrash.close()
for (const line of inProcessRatios) console.log(line)
// Size of the DashLink guide's own request as a self-contained label: deterministic bytes, so one label says it.
const seed = JSON.parse(readFileSync(new URL('../test/records/fixtures/dashlink-create-request-with-tracking.json', import.meta.url), 'utf8')) as unknown
for (const dpi of [203, 300] as const) {
  const made = service.renderZpl({ record: seed, template: 'standard', dpi }).zpl
  const again = service.renderZpl({ record: seed, template: 'standard', dpi }).zpl
  console.log(`seed DashLink record, standard template, ${dpi} dpi: ${Buffer.byteLength(made)} bytes self-contained (target ≤ ${dpi === 203 ? 12 : 24} KB; ${made === again ? 'same bytes every time' : 'BYTES DIFFER'}), ${Buffer.byteLength(service.renderZpl({ record: seed, template: 'standard', dpi, text: 'font' }).zpl)} with text: font`)
}

const server = await startTargetProcess()
const { ports } = server

const body = JSON.stringify({ record, source: 'generic', format: 'zpl', dpi: 203 })
// A new record for every request of every route and round: no label of the run repeats an earlier one. Each run's
// bodies are made before it starts, so the load generator sends a string made beforehand for every route, as it
// does for the bare one, and the server alone is measured. More than a run can use (labels stay below 10,000/s).
const BODIES_PER_SECOND = 10_000
const freshBodies = (runSeconds: number): string[] =>
  Array.from({ length: Math.ceil(runSeconds * BODIES_PER_SECOND) }, () => JSON.stringify({ record: nextRecord(), source: 'generic', format: 'zpl', dpi: 203 }))
const json = { 'content-type': 'application/json' }
const bare = `http://127.0.0.1:${ports.bare}`
const app = `http://127.0.0.1:${ports.app}`
const targets: [string, Target][] = [
  ['bare GET /bare (2 KB string)', { origin: bare, path: '/bare', method: 'GET' }],
  ['bare POST /bare (same JSON body)', { origin: bare, path: '/bare', method: 'POST', body, headers: json }],
  ['POST /v1/labels ZPL envelope', { origin: app, path: '/v1/labels', method: 'POST', bodies: freshBodies, headers: json }],
  ['POST /v1/labels raw ZPL (Accept)', { origin: app, path: '/v1/labels', method: 'POST', bodies: freshBodies, headers: { ...json, accept: 'x-application/zpl' } }],
  ['POST /v1/labels raw, text: font', { origin: app, path: '/v1/labels?text=font', method: 'POST', bodies: freshBodies, headers: { ...json, accept: 'x-application/zpl' } }],
  // The same two routes with the label archive on (as `npm start` runs them): every label kept by its id.
  ['POST /v1/labels raw ZPL, archive on', { origin: `http://127.0.0.1:${ports.archived}`, path: '/v1/labels', method: 'POST', bodies: freshBodies, headers: { ...json, accept: 'x-application/zpl' } }],
  ['POST /v1/labels text: font, archive on', { origin: `http://127.0.0.1:${ports.archived}`, path: '/v1/labels?text=font', method: 'POST', bodies: freshBodies, headers: { ...json, accept: 'x-application/zpl' } }],
  // Where the archive's holds of the event loop are measured: the font route again, archived by a copy whose puts and
  // hand-overs are timed (see http-target.ts). Its requests per second include the timing's own cost.
  ['  same, archive writes timed', { origin: `http://127.0.0.1:${ports.archivedTimed}`, path: '/v1/labels?text=font', method: 'POST', bodies: freshBodies, headers: { ...json, accept: 'x-application/zpl' } }],
  // Decomposition only: the same request and response, with the label made once at start-up (see http-target.ts).
  ['  same, label made once (HTTP only)', { origin: `http://127.0.0.1:${ports.glue}`, path: '/v1/labels', method: 'POST', body, headers: json }]
]

/** Routes given `bodies: freshBodies` get bodies made for this run alone; a run that used them all is flagged. */
type Target = Omit<LoadOptions, 'seconds' | 'connections' | 'bodies'> & { bodies?: typeof freshBodies }
async function measure (target: Target, runSeconds: number): Promise<Sample> {
  const made = target.bodies?.(runSeconds)
  const sample = await server.measure({ ...target, bodies: made }, runSeconds, connections)
  if (made !== undefined && sample.requests > made.length) console.log(`  (the run used all ${made.length} bodies made for it: some records were sent twice)`)
  return sample
}

// Warm every route's JIT first, then interleave: each round runs all targets in a rotated order, so a burst of load
// from the neighbours on this shared box lands on different targets in different rounds; medians are reported.
for (const [, target] of targets) await measure(target, 1)
const samples = new Map<string, Sample[]>(targets.map(([name]) => [name, []]))
for (let round = 0; round < rounds; round++) {
  for (let i = 0; i < targets.length; i++) {
    const [name, target] = targets[(i + round) % targets.length] as (typeof targets)[number]
    const s = await measure(target, seconds)
    samples.get(name)?.push(s)
    console.log(`  round ${round + 1} ${name.padEnd(34)} ${s.perSecond.toFixed(0).padStart(7)} req/s  server ${s.serverUs.toFixed(1).padStart(6)} µs/req  load generator ${s.clientUs.toFixed(1).padStart(6)} µs/req${s.errors > 0 ? `  errors ${s.errors}` : ''}`)
  }
}
const archiveHeld = await server.archiveReport()
server.stop()

const summary = new Map([...samples].map(([name, list]) => [name, {
  perSecond: median(list.map((s) => s.perSecond)),
  serverUs: median(list.map((s) => s.serverUs)),
  clientUs: median(list.map((s) => s.clientUs))
}]))
console.log(`\nmedian of ${rounds} × ${seconds} s, ${connections} connections, server on one process, load generator in this one; ${server.pinning}`)
console.log(`${'route'.padEnd(34)} ${'req/s'.padStart(7)}  ${'server CPU'.padStart(12)}  ${'generator CPU'.padStart(13)}`)
for (const [name, m] of summary) {
  console.log(`${name.padEnd(34)} ${m.perSecond.toFixed(0).padStart(7)}  ${m.serverUs.toFixed(1).padStart(6)} µs/req  ${m.clientUs.toFixed(1).padStart(6)} µs/req`)
}
const pct = (a: number, b: number): string => `${((100 * a) / b).toFixed(0)}%`
const baseline = (name: string): { perSecond: number, serverUs: number } => summary.get(name) ?? { perSecond: 1, serverUs: 1 }
const targetOf: Record<string, string> = {
  'POST /v1/labels raw, text: font': '≥ 70%',
  'POST /v1/labels text: font, archive on': '≥ 60%',
  '  same, archive writes timed': 'none: where the holds below are measured',
  '  same, label made once (HTTP only)': 'decomposition only'
}
for (const label of ['POST /v1/labels ZPL envelope', 'POST /v1/labels raw ZPL (Accept)', 'POST /v1/labels raw, text: font', 'POST /v1/labels raw ZPL, archive on', 'POST /v1/labels text: font, archive on', '  same, archive writes timed', '  same, label made once (HTTP only)']) {
  const m = baseline(label)
  const parts = ['bare GET /bare (2 KB string)', 'bare POST /bare (same JSON body)'].map((b) => {
    const base = baseline(b)
    // Server capacity ratio: what req/s would be if the server alone were the bottleneck (1 / CPU per request).
    return `${b.split(' (')[0] as string}: ${pct(m.perSecond, base.perSecond)} req/s, ${pct(base.serverUs, m.serverUs)} server capacity`
  })
  console.log(`${label} vs ${parts.join('; vs ')} (target ${targetOf[label] ?? '≥ 50%'})`)
}
// The same ratio round by round: both routes of a round ran within seconds of each other, so a slow spell of the
// machine between rounds moves both; the spread shows how far one run's medians can be trusted.
const perRound = (name: string, base: string): number[] =>
  (samples.get(name) ?? []).map((s, i) => (100 * s.perSecond) / ((samples.get(base) ?? [])[i]?.perSecond ?? Number.NaN))
for (const label of ['POST /v1/labels raw ZPL (Accept)', 'POST /v1/labels ZPL envelope', 'POST /v1/labels raw, text: font', 'POST /v1/labels text: font, archive on']) {
  const ratios = perRound(label, 'bare POST /bare (same JSON body)')
  console.log(`${label} vs bare POST, round by round: ${ratios.map((r) => `${r.toFixed(0)}%`).join(' ')} (median ${median(ratios).toFixed(0)}%)`)
}
for (const [on, off, what] of [
  ['POST /v1/labels raw ZPL, archive on', 'POST /v1/labels raw ZPL (Accept)', 'the archive off'],
  ['POST /v1/labels text: font, archive on', 'POST /v1/labels raw, text: font', 'the archive off'],
  ['  same, archive writes timed', 'POST /v1/labels text: font, archive on', 'the same untimed']
] as const) {
  const ratios = perRound(on, off)
  console.log(`${on.trim()} vs ${what}, round by round: ${ratios.map((r) => `${r.toFixed(0)}%`).join(' ')} (median ${median(ratios).toFixed(0)}%)`)
}
// What archiving held the server's event loop for, over every request of the timed archived route (target: never over
// 1 ms).
const { put, handOver, control } = archiveHeld
const µs = (ms: number): string => `${(ms * 1000).toFixed(1)} µs`
const holds = (h: typeof put): string => `p99 ${µs(h.p99Ms)}, longest ${µs(h.maxMs)}, ${h.over1Ms} over 1 ms` + (h.over1Ms === 0
  ? ''
  : `: ${h.over1MsOutsideGc} of them over 1 ms outside garbage-collection pauses (longest such ${µs(h.maxOutsideGcMs)}); ` +
    `${h.over1MsWorking} in which the thread worked (did not wait for a CPU; garbage collection counts as work) over 1 ms, the longest such ` +
    `work ${µs(h.maxWorkingMs)}; of their ${h.longMs.toFixed(1)} ms together the thread waited for a CPU ${h.longWaitedMs.toFixed(1)} ms`)
console.log('archive writes on the event loop, timed route (target: none over 1 ms):')
console.log(`  ${put.n} puts: ${holds(put)}`)
console.log(`  ${handOver.n} hand-overs to the writer thread (${(archiveHeld.labels / Math.max(1, handOver.n)).toFixed(1)} labels each): ${holds(handOver)}`)
if (control.n > 0) console.log(`  control (20 µs of arithmetic timed after each put): ${holds(control)}`)
