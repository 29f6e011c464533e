// The web console's cost to the label API: the same POST /v1/labels load (distinct records, ZPL) on the app as
// `npm start` builds it (console registered) and on the same app with CONSOLE_ENABLED=false, both in one server
// process, in alternating rounds of one run; prints each round, the medians and the ratios (on / off).
// BENCH_SECONDS per run (default 5), BENCH_ROUNDS (default 5), BENCH_CONNECTIONS (default 32).
import { variedRecord } from './varied-records.ts'
import { median, startTargetProcess, type Sample } from './target-process.ts'

const seconds = Number(process.env.BENCH_SECONDS ?? 5)
const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 5))
const connections = Math.max(1, Number(process.env.BENCH_CONNECTIONS ?? 32))

const server = await startTargetProcess()
let next = 0
const bodies = (): string => JSON.stringify({ record: variedRecord(next++), source: 'generic', format: 'zpl', dpi: 203 })
const request = (port: number) => ({ origin: `http://127.0.0.1:${port}`, path: '/v1/labels', method: 'POST' as const, bodies, headers: { 'content-type': 'application/json' } })
const targets = { 'console on': request(server.ports.app), 'console off': request(server.ports.noConsole) }
type Name = keyof typeof targets

for (const target of Object.values(targets)) await server.measure(target, 1, connections)
const samples: Record<Name, Sample[]> = { 'console on': [], 'console off': [] }
for (let round = 0; round < rounds; round++) {
  // Each round starts with the other one, so a slow spell of the shared machine does not always land on the same side.
  const order: Name[] = round % 2 === 0 ? ['console on', 'console off'] : ['console off', 'console on']
  for (const name of order) {
    const s = await server.measure(targets[name], seconds, connections)
    samples[name].push(s)
    console.log(`  round ${round + 1} ${name.padEnd(12)} ${s.perSecond.toFixed(0).padStart(6)} req/s  p99 ${s.p99Ms.toFixed(1).padStart(6)} ms  server ${s.serverUs.toFixed(1).padStart(6)} µs/req${s.errors > 0 ? `  errors ${s.errors}` : ''}`)
  }
}
server.stop()

const of = (name: Name, key: 'perSecond' | 'serverUs' | 'p99Ms'): number => median(samples[name].map((s) => s[key]))
console.log(`\nPOST /v1/labels (ZPL, distinct records), median of ${rounds} × ${seconds} s, ${connections} connections; ${server.pinning}`)
for (const name of Object.keys(targets) as Name[]) {
  console.log(`${name.padEnd(12)} ${of(name, 'perSecond').toFixed(0).padStart(6)} req/s  p99 ${of(name, 'p99Ms').toFixed(1).padStart(6)} ms  server ${of(name, 'serverUs').toFixed(1).padStart(6)} µs/req`)
}
const roundRatios = samples['console on'].map((s, i) => s.perSecond / ((samples['console off'][i] as Sample).perSecond))
console.log(`console on / off: req/s ${(of('console on', 'perSecond') / of('console off', 'perSecond')).toFixed(3)} (round by round ${roundRatios.map((r) => r.toFixed(3)).join(' ')}), ` +
  `server CPU per request ${(of('console on', 'serverUs') / of('console off', 'serverUs')).toFixed(3)}`)
