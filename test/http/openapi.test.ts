// The OpenAPI document of the server as `npm start` runs it (every plugin registered): one operation, described,
// for every method and path it answers, and nothing it does not answer.
import { spawn, type ChildProcessByStdio } from 'node:child_process'
import { once } from 'node:events'
import type { Readable } from 'node:stream'
import SwaggerParser from '@apidevtools/swagger-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApiPath } from '../../src/http/openapi.ts'
import { tempDir } from '../printing/helpers.ts'

interface Operation { summary: string, tags: string[], responses: Record<string, unknown>, security?: unknown[], parameters?: { name: string, in: string }[], requestBody?: { content: Record<string, unknown> } }
type Document = { openapi: string, paths: Record<string, Record<string, Operation>>, components: { schemas: Record<string, unknown> } }

let server: ChildProcessByStdio<null, Readable, null>
let origin = ''
let endpoints: { method: string, path: string }[] = []
let doc: Document

beforeAll(async () => {
  server = spawn(process.execPath, ['--import', 'tsx', new URL('../../src/server.ts', import.meta.url).pathname], {
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', RENDER_WORKERS: '1', DATA_DIR: tempDir(), API_KEY: 'k' },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  origin = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the server did not start in 30 s')), 30_000)
    server.stdout.on('data', (chunk: Buffer) => {
      const found = /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(chunk.toString())
      if (found !== null) { clearTimeout(timer); resolve(found[1] as string) }
    })
  })
  endpoints = ((await (await fetch(`${origin}/`)).json()) as { endpoints: typeof endpoints }).endpoints
  doc = await (await fetch(`${origin}/openapi.json`)).json() as Document
}, 40_000)

afterAll(async () => {
  server.kill('SIGTERM')
  await once(server, 'exit')
})

describe('GET /openapi.json', () => {
  it('is a valid OpenAPI 3.1 document, its references resolved', async () => {
    // validate() dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined()
  })

  it('has one described operation for every method and path the server answers, and no other', () => {
    expect(doc.openapi).toBe('3.1.0')
    const served = endpoints.map((e) => `${e.method} ${openApiPath(e.path)}`).sort()
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`)).sort()
    expect(documented).toEqual(served)
    expect(served).toContain('POST /v1/labels')
    expect(served).toContain('POST /v1/printers/{dpmm}/labels/{size}/{index}')
    const undescribed = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops).filter(([, op]) => op.summary === '' || op.responses.default !== undefined || op.tags.length !== 1).map(([m]) => `${m} ${path}`))
    expect(undescribed).toEqual([])
  })

  it('describes the label request with the generic record, and names every path parameter', () => {
    const label = doc.paths['/v1/labels']?.post
    expect(Object.keys(label?.requestBody?.content ?? {})).toEqual(['application/json'])
    expect(Object.keys(label?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '406', '422']))
    expect(doc.components.schemas.GenericRecord).toMatchObject({ type: 'object', required: expect.arrayContaining(['tracking_code', 'shipper', 'recipient']) })
    for (const [path, ops] of Object.entries(doc.paths)) {
      const names = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
      for (const op of Object.values(ops)) expect(op.parameters?.filter((p) => p.in === 'path').map((p) => p.name) ?? [], path).toEqual(names)
    }
  })

  it('marks exactly the printing routes as needing the API key', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      const printing = path.startsWith('/v1/print-jobs') || /^\/v1\/printers(\/\{id\}.*)?$/.test(path)
      for (const op of Object.values(ops)) expect(op.security !== undefined, path).toBe(printing)
    }
  })
})
