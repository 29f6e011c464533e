// Memory of `npm start`'s server: `node dist/server.js` (built first if stale, as npm start does) in its own process
// on 127.0.0.1, idle after start-up, then after its first labels: Latin text, Arabic (one fallback font loaded) and
// Japanese (the CJK font loaded). Then what the start-up figure is made of: a plain node process that loads the same
// parts one by one from dist/ and reports process.memoryUsage() after each.
// MEMORY_IDLE_MS: how long to wait idle before reading RSS (default 5000).
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort } from '../test/fuzz/server-process.ts'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const IDLE_MS = Number(process.env.MEMORY_IDLE_MS ?? 5000)
const idle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, IDLE_MS))
const mb = (kb: number): string => `${(kb / 1024).toFixed(0)} MB`

execFileSync(process.execPath, ['scripts/build.js', '--if-stale'], { cwd: ROOT, stdio: 'inherit' })
const port = await freePort()
const origin = `http://127.0.0.1:${port}`
const server = spawn(process.execPath, ['dist/server.js'], {
  cwd: ROOT,
  env: { ...process.env, LOG_LEVEL: 'warn', HOST: '127.0.0.1', PORT: String(port), DATA_DIR: mkdtempSync(path.join(tmpdir(), 'lw-memory-')) },
  stdio: ['ignore', 'ignore', 'inherit']
})
for (let ready = false; !ready;) {
  ready = await fetch(`${origin}/health`).then((res) => res.ok, () => false)
  if (!ready) await new Promise((resolve) => setTimeout(resolve, 200))
}

/** VmRSS and its parts (anonymous: heaps and WebAssembly memory; file: mapped code) from /proc. */
function rss (): string {
  const status = readFileSync(`/proc/${server.pid as number}/status`, 'utf8')
  const kb = (name: string): number => Number(new RegExp(`${name}:\\s+(\\d+)`).exec(status)?.[1] ?? 0)
  return `RSS ${mb(kb('VmRSS'))} (anonymous ${mb(kb('RssAnon'))}, files ${mb(kb('RssFile'))})`
}

const record = JSON.parse(readFileSync(new URL('./fixtures/generic-record.json', import.meta.url), 'utf8')) as { recipient: { name: string } }
async function label (name: string): Promise<void> {
  const res = await fetch(`${origin}/v1/labels`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ record: { ...record, recipient: { ...record.recipient, name } }, format: 'zpl' }) })
  if (res.status !== 200) throw new Error(`label for ${name}: ${res.status} ${await res.text()}`)
}

await idle()
console.log(`after start-up, ${IDLE_MS / 1000} s idle: ${rss()}`)
for (const [what, name] of [['a Latin label', 'Jordan Alvarez'], ['an Arabic label', 'محمد الأحمد'], ['a Japanese label', '山田 太郎']]) {
  await label(name as string)
  await idle()
  console.log(`after ${what as string}: ${rss()}`)
}
server.kill('SIGTERM')

// The same start-up, part by part, in a plain node process (no tsx: the modules come from dist/).
const steps = `
const step = (what) => { const m = process.memoryUsage(); console.log(what.padEnd(44) + ' RSS ' + (m.rss / 2 ** 20).toFixed(0).padStart(4) + ' MB  JS heap ' + (m.heapUsed / 2 ** 20).toFixed(0).padStart(3) + ' MB  outside the heap (buffers, WebAssembly) ' + ((m.external) / 2 ** 20).toFixed(0).padStart(3) + ' MB') }
step('node alone')
const { loadConfig } = await import('./dist/config.js')
const { loadLabelService } = await import('./dist/bootstrap.js')
const { buildApp } = await import('./dist/app.js')
step('+ the modules (Fastify, pdf-lib, fontkit, HarfBuzz…)')
const config = loadConfig({ LOG_LEVEL: 'silent' })
const service = loadLabelService(config)
step('+ label font, templates, script font headers')
await (await buildApp({ config, service, logger: false })).ready()
step('+ the app (routes, schemas)')
service.renderZpl({ record: ${JSON.stringify({ ...record, recipient: { ...record.recipient, name: '山田 太郎' } })}, dpi: 203 })
step('+ one Japanese label (the CJK font loaded)')
`
execFileSync(process.execPath, ['--input-type=module', '-e', steps], { cwd: ROOT, stdio: 'inherit' })
