// The long fuzz: 100,000 hostile requests (test/fuzz/hostile-requests.ts) against `npm start`'s server in its own
// process on 127.0.0.1, with a fake printer. Reports answers by status, 5xx answers, unsafe ZPL, whether the server
// survived, and its memory: after start-up, after a warm-up and idle, the peak during the run, and after the run
// and the same idle (the renderer pool gives its workers back after 30 s idle).
// FUZZ_REQUESTS (default 100000), FUZZ_SEED, FUZZ_CONCURRENCY (default 16), FUZZ_IDLE_MS (default 40000),
// FUZZ_WARMUP (default 2000), FUZZ_EVERY (progress line every so many requests, default 2000).
import { startFakePrinter } from '../test/support/fake-printer.ts'
import { runFuzz } from '../test/fuzz/run-fuzz.ts'
import { freePort, startServerProcess } from '../test/fuzz/server-process.ts'

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 100_000)
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202)
const CONCURRENCY = Number(process.env.FUZZ_CONCURRENCY ?? 16)
const IDLE_MS = Number(process.env.FUZZ_IDLE_MS ?? 40_000)
const WARM_UP = Number(process.env.FUZZ_WARMUP ?? 2_000)
const API_KEY = 'fuzz-bench-key-0123456789'

const printer = await startFakePrinter()
const server = await startServerProcess({ API_KEY }, [{ id: 'dock-1', host: printer.host, port: printer.port }])
const idle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, IDLE_MS))
const fontDownload = await (await fetch(`${server.origin}/v1/fonts/label-font.zpl`)).text()
const closedPort = await freePort()
const target = { baseUrl: server.origin, seed: SEED, concurrency: CONCURRENCY, fontDownload, apiKey: API_KEY, printerPort: printer.port, closedPort }

const started = server.rssMb()
console.log(`RSS after start-up: ${started.toFixed(0)} MB`)
await runFuzz({ ...target, requests: WARM_UP, seed: SEED + 1 })
await idle()
const before = server.rssMb()
console.log(`RSS after a ${WARM_UP}-request warm-up and ${IDLE_MS / 1000} s idle: ${before.toFixed(0)} MB`)

let peak = before
const t0 = performance.now()
const report = await runFuzz({
  ...target,
  requests: REQUESTS,
  every: Number(process.env.FUZZ_EVERY ?? 2_000),
  onFinding: (finding) => { console.log(`  FOUND ${finding}`) },
  onProgress: (done, sofar) => {
    const rss = server.rssMb()
    peak = Math.max(peak, rss)
    console.log(`  ${done} requests, ${((performance.now() - t0) / 1000).toFixed(0)} s, RSS ${rss.toFixed(0)} MB, 5xx ${sofar.serverErrorCount}, unsafe ZPL ${sofar.unsafeZplCount}`)
  }
})
const seconds = (performance.now() - t0) / 1000
const health = server.exited() === undefined ? (await fetch(`${server.origin}/health`)).status : 0
await idle()
const after = server.exited() === undefined ? server.rssMb() : 0
console.log(JSON.stringify({ byStatus: report.byStatus, byKind: report.byKind }))
console.log(`${report.requests} requests (seed ${SEED}, ${CONCURRENCY} at once) in ${seconds.toFixed(0)} s: ` +
  `${report.serverErrorCount} answers >= 500, ${report.unsafeZplCount} unsafe of ${report.zplChecked} ZPL answers checked, ` +
  `server ${server.exited() ?? 'still running'} (health ${health})`)
console.log(`RSS: start-up ${started.toFixed(0)} MB, before ${before.toFixed(0)} MB, peak ${peak.toFixed(0)} MB, ` +
  `after the run and ${IDLE_MS / 1000} s idle ${after.toFixed(0)} MB (${(((after - before) / before) * 100).toFixed(1)} % from before)`)
for (const line of [...report.serverErrors, ...report.unsafeZpl].slice(0, 20)) console.log(`  ${line}`)
console.log('slowest:', report.slowest.slice(0, 5))
await server.stop()
await printer.close()
const ok = report.serverErrorCount === 0 && report.unsafeZplCount === 0 && health === 200 && after <= before * 1.1
process.exit(ok ? 0 : 1)
