// Memory of `npm start`'s server: `node dist/server.js` (built first if stale, as npm start does) in its own process
// on 127.0.0.1, idle after start-up, then after its first labels: Latin text, Arabic (one fallback font loaded) and
// Japanese (the CJK font loaded), then the other scripts, then during and after a load of POST /v1/labels (bench/http-load.ts, distinct
// records). Then what the start-up figure is made of: a plain node process that loads the same parts one by one
// from dist/ and reports process.memoryUsage() after each.
// MEMORY_IDLE_MS: idle time before each reading (default 5000); MEMORY_LOAD_SECONDS (default 60);
// MEMORY_CONNECTIONS (default 64); MEMORY_NODE_ARGS: node options for the server (e.g. V8 flags to compare).
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort } from '../test/fuzz/server-process.ts'
import { runLoad } from './http-load.ts'
import { variedRecords } from './varied-records.ts'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const IDLE_MS = Number(process.env.MEMORY_IDLE_MS ?? 5000)
const LOAD_SECONDS = Number(process.env.MEMORY_LOAD_SECONDS ?? 60)
const CONNECTIONS = Number(process.env.MEMORY_CONNECTIONS ?? 64)
const idle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, IDLE_MS))
const mb = (kb: number): string => `${(kb / 1024).toFixed(0)} MB`

execFileSync(process.execPath, ['scripts/build.js', '--if-stale'], { cwd: ROOT, stdio: 'inherit' })
const port = await freePort()
const origin = `http://127.0.0.1:${port}`
const server = spawn(process.execPath, [...(process.env.MEMORY_NODE_ARGS ?? '').split(' ').filter(Boolean), 'dist/server.js'], {
  cwd: ROOT,
  env: { ...process.env, LOG_LEVEL: 'warn', METRICS_REQUIRE_API_KEY: 'false', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: mkdtempSync(path.join(tmpdir(), 'lw-memory-')) },
  stdio: ['ignore', 'ignore', 'inherit']
})
// A benchmark that stops early, or a shutdown held by an open connection, must not leave its server running.
process.once('exit', () => { if (server.exitCode === null && server.signalCode === null) server.kill('SIGKILL') })
for (let ready = false; !ready;) {
  ready = await fetch(`${origin}/health`).then((res) => res.ok, () => false)
  if (!ready) await new Promise((resolve) => setTimeout(resolve, 200))
}

/** The server's VmRSS (or another field of /proc/<pid>/status), kB. */
function statusKb (name = 'VmRSS'): number {
  const status = readFileSync(`/proc/${server.pid as number}/status`, 'utf8')
  return Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
}
/** VmRSS and its parts (anonymous: heaps and WebAssembly memory; file: mapped code). */
const rss = (): string => `RSS ${mb(statusKb())} (anonymous ${mb(statusKb('RssAnon'))}, files ${mb(statusKb('RssFile'))})`

const record = JSON.parse(readFileSync(new URL('./fixtures/generic-record.json', import.meta.url), 'utf8')) as { recipient: { name: string } }
async function label (name: string): Promise<void> {
  const res = await fetch(`${origin}/v1/labels`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ record: { ...record, recipient: { ...record.recipient, name } }, format: 'zpl' }) })
  const text = await res.text()
  if (res.status !== 200) throw new Error(`label for ${name}: ${res.status} ${text}`)
}

await idle()
console.log(`after start-up, ${IDLE_MS / 1000} s idle: ${rss()}`)
const FIRST_LABELS = [
  ['a Latin label', 'Jordan Alvarez'], ['an Arabic label', 'محمد الأحمد'], ['a Japanese label', '山田 たろう'],
  ['labels in Hebrew, Thai, Devanagari, Korean and Chinese (every script font loaded)', ['דוד כהן', 'สมชาย ใจดี', 'राहुल शर्मा', '김민준', '王小明']]
] as const
for (const [what, names] of FIRST_LABELS) {
  for (const name of typeof names === 'string' ? [names] : names) await label(name)
  await idle()
  console.log(`after ${what}: ${rss()}`)
}
let peak = 0
let atPeak = ''
/** The V8 heap spaces and memory outside the heap, from the server's own /metrics (prom-client's default metrics). */
async function heapParts (): Promise<string> {
  const text = await fetch(`${origin}/metrics`).then(async (res) => res.ok ? await res.text() : '', () => '')
  const value = (re: RegExp): number => Number(re.exec(text)?.[1] ?? NaN) / 1048576
  const space = (name: string, what: 'total' | 'used'): string => value(new RegExp(`nodejs_heap_space_size_${what}_bytes\\{space="${name}"\\} (\\S+)`)).toFixed(0)
  const spaces = ['new', 'old', 'code', 'large_object'].map((name) => `${name} ${space(name, 'used')}/${space(name, 'total')}`)
  return `JS heap used/total MB: ${spaces.join(', ')}; outside the heap ${value(/^nodejs_external_memory_bytes(?:\{[^}]*\})? (\S+)/m).toFixed(0)}`
}
const sampler = setInterval(() => {
  const now = statusKb()
  if (now <= peak) return
  peak = now
  void heapParts().then((parts) => { atPeak = parts })
}, 500)
const bodies = variedRecords(5000).map((r) => JSON.stringify({ record: r, format: 'zpl' }))
const load = await runLoad({ origin, path: '/v1/labels', method: 'POST', bodies, headers: { 'content-type': 'application/json' }, connections: CONNECTIONS, seconds: LOAD_SECONDS })
clearInterval(sampler)
console.log(`during ${LOAD_SECONDS} s of POST /v1/labels at ${CONNECTIONS} connections (${load.requests} labels, ${load.errors} errors, ` +
  `${load.perSecond.toFixed(0)} req/s, p99 ${load.p99Ms.toFixed(0)} ms): peak RSS ${mb(peak)} (${atPeak}), at the end ${rss()}`)
await idle()
console.log(`after the load and ${IDLE_MS / 1000} s idle: ${rss()}; ${await heapParts()}`)
server.kill('SIGTERM')

// The same start-up, part by part, in a plain node process (no tsx: the modules come from dist/).
const steps = `
const step = (what) => { const m = process.memoryUsage(); console.log(what.padEnd(44) + ' RSS ' + (m.rss / 2 ** 20).toFixed(0).padStart(4) + ' MB  JS heap ' + (m.heapUsed / 2 ** 20).toFixed(0).padStart(3) + ' MB  outside the heap (buffers, WebAssembly) ' + ((m.external) / 2 ** 20).toFixed(0).padStart(3) + ' MB') }
step('node alone')
const { loadConfig } = await import('./dist/config.js')
const { loadLabelService } = await import('./dist/bootstrap.js')
const { buildApp } = await import('./dist/app.js')
step('+ the modules (Fastify, fontkit, HarfBuzz…; pdf-lib waits for the first PDF)')
const config = loadConfig({ LOG_LEVEL: 'silent' })
const service = loadLabelService(config)
step('+ label font, templates, script font headers')
await (await buildApp({ config, service, logger: false })).ready()
step('+ the app (routes, schemas)')
service.renderZpl({ record: ${JSON.stringify({ ...record, recipient: { ...record.recipient, name: '山田 たろう' } })}, dpi: 203 })
step('+ one Japanese label (the CJK font loaded)')
`
execFileSync(process.execPath, ['--input-type=module', '-e', steps], { cwd: ROOT, stdio: 'inherit' })
