// `npm run bench`: in-process ZPL and PDF cost per label, then HTTP requests per second of the ZPL label endpoint
// against a bare Fastify route returning 2 KB, measured in the same run on 127.0.0.1. Bounded: about 45 s.
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { loadLabelService } from '../src/bootstrap.ts'
import { loadConfig } from '../src/config.ts'
import type { LabelRequest } from '../src/service/types.ts'
import { runLoad, type LoadResult } from './http-load.ts'

const record = JSON.parse(readFileSync(new URL('./fixtures/generic-record.json', import.meta.url), 'utf8')) as unknown
const seconds = Number(process.env.BENCH_SECONDS ?? 10)

async function timeLoop (label: string, budgetMs: number, fn: () => unknown | Promise<unknown>): Promise<number> {
  for (let i = 0; i < 200; i++) await fn()
  let n = 0
  const start = performance.now()
  while (performance.now() - start < budgetMs) {
    for (let i = 0; i < 100; i++) await fn()
    n += 100
  }
  const usPer = ((performance.now() - start) * 1000) / n
  console.log(`${label.padEnd(34)} ${usPer.toFixed(1).padStart(9)} µs/label  ${(1e6 / usPer).toFixed(0).padStart(8)} labels/s  (${n} labels)`)
  return usPer
}

const service = loadLabelService(loadConfig())
for (const dpi of [203, 300] as const) {
  const request: LabelRequest = { record, source: 'generic', dpi }
  await timeLoop(`layout only, ${dpi} dpi`, 2000, () => service.layout(request))
  await timeLoop(`ZPL (record → ZPL), ${dpi} dpi`, 2000, () => service.renderZpl(request))
  await timeLoop(`PDF (record → PDF), ${dpi} dpi`, 3000, () => service.render({ ...request, format: 'pdf' }))
}

const child = spawn(process.execPath, ['--import', 'tsx', new URL('./http-target.ts', import.meta.url).pathname], { stdio: ['ignore', 'pipe', 'inherit'] })
const [line] = await once(createInterface({ input: child.stdout }), 'line') as [string]
const ports = JSON.parse(line) as { bare: number, app: number }
const body = JSON.stringify({ record, source: 'generic', format: 'zpl', dpi: 203 })
const json = { 'content-type': 'application/json' }
const runs: [string, () => Promise<LoadResult>][] = [
  ['bare GET /bare (2 KB string)', () => runLoad({ origin: `http://127.0.0.1:${ports.bare}`, path: '/bare', method: 'GET', connections: 32, seconds })],
  ['bare POST /bare (same JSON body)', () => runLoad({ origin: `http://127.0.0.1:${ports.bare}`, path: '/bare', method: 'POST', body, headers: json, connections: 32, seconds })],
  ['POST /v1/labels ZPL envelope', () => runLoad({ origin: `http://127.0.0.1:${ports.app}`, path: '/v1/labels', method: 'POST', body, headers: json, connections: 32, seconds })],
  ['POST /v1/labels raw ZPL (Accept)', () => runLoad({ origin: `http://127.0.0.1:${ports.app}`, path: '/v1/labels', method: 'POST', body, headers: { ...json, accept: 'x-application/zpl' }, connections: 32, seconds })]
]
const results: Record<string, LoadResult> = {}
for (const [name, run] of runs) {
  const r = await run()
  results[name] = r
  console.log(`${name.padEnd(34)} ${r.perSecond.toFixed(0).padStart(8)} req/s  p50 ${r.p50Ms.toFixed(2)} ms  p99 ${r.p99Ms.toFixed(2)} ms  errors ${r.errors}`)
}
child.kill('SIGTERM')
const bareGet = results['bare GET /bare (2 KB string)']?.perSecond ?? 1
const zpl = results['POST /v1/labels ZPL envelope']?.perSecond ?? 0
const rawZpl = results['POST /v1/labels raw ZPL (Accept)']?.perSecond ?? 0
console.log(`ZPL envelope endpoint at ${((100 * zpl) / bareGet).toFixed(0)}% of the bare GET route; raw ZPL at ${((100 * rawZpl) / bareGet).toFixed(0)}% (target ≥ 70%)`)
