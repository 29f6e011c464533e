// The OpenAPI document of the server as `npm start` runs it (every plugin registered): one operation, described,
// for every method and path it answers, and nothing it does not answer.
import { spawn, type ChildProcessByStdio } from 'node:child_process'
import { once } from 'node:events'
import type { Readable } from 'node:stream'
import SwaggerParser from '@apidevtools/swagger-parser'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openApiPath } from '../../src/http/openapi.ts'
import { tempDir } from '../printing/helpers.ts'
import { fullRecord } from './labels/fixtures.ts'

interface Operation { summary: string, tags: string[], responses: Record<string, unknown>, security?: unknown[], parameters?: { name: string,
  in: string }[], requestBody?: { content: Record<string, unknown> } }
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

  it('describes what the label route really takes and gives: a record and an envelope pass, a broken envelope does not', async () => {
    // The document itself is the schema root, so its #/components references resolve as a client's would.
    const ajv = new Ajv2020({ strict: false })
    ajv.addSchema(structuredClone(doc), 'openapi')
    const at = (pointer: string): ReturnType<typeof ajv.compile> => ajv.compile({ $ref: `openapi#/paths/~1v1~1labels/post/${pointer}` })
    const body = at('requestBody/content/application~1json/schema')
    const envelope = at('responses/200/content/application~1json/schema')
    const error = at('responses/400/content/application~1json/schema')
    const request = { record: fullRecord(), format: 'zpl', dpi: 203 }
    expect(body(request), JSON.stringify(body.errors)).toBe(true)
    expect(body(fullRecord())).toBe(true)
    expect(body({ record: fullRecord(), dpi: 150 })).toBe(false)
    expect(body({ record: fullRecord(), fromat: 'pdf' })).toBe(false)
    const ok = await fetch(`${origin}/v1/labels`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(request) })
    expect(envelope(await ok.json()), JSON.stringify(envelope.errors)).toBe(true)
    const refused = await fetch(`${origin}/v1/labels`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...request, dpi: 150 }) })
    expect(refused.status).toBe(400)
    expect(error(await refused.json()), JSON.stringify(error.errors)).toBe(true)
    expect(envelope({ label_format: 'gif' })).toBe(false)
    const batch = ajv.compile({ $ref: 'openapi#/paths/~1v1~1labels~1batch/post/requestBody/content/application~1json/schema' })
    expect(batch({ records: [fullRecord()], format: 'pdf' })).toBe(true)
    expect(batch({ records: [] })).toBe(false)
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
