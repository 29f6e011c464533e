// docs/extending.md's worked output format (layout-format.ts), registered with one line as the registry would have
// it, end to end: Accept negotiation, the envelope, a batch, the OpenAPI document and the CLI.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runCli } from '../../src/cli.ts'
import type { CliIo } from '../../src/cli/io.ts'
import { RENDER_USAGE } from '../../src/cli/render-command.ts'
import { fullRecord } from '../http/labels/fixtures.ts'
import { testApp } from '../support/app.ts'
import { formatProblems } from './completeness.ts'
import { layoutFormat } from './layout-format.ts'
import { formatResources, sampleLabel } from './support.ts'

vi.mock('../../src/service/formats/registry.ts', async (importOriginal) => {
  const { OUTPUT_FORMATS } = await importOriginal<typeof import('../../src/service/formats/registry.ts')>()
  const { layoutFormat: added } = await import('./layout-format.ts')
  return { OUTPUT_FORMATS: [...OUTPUT_FORMATS, added] }
})

const TYPE = 'application/vnd.labelworks.layout+json'
let app: FastifyInstance
beforeAll(async () => { app = await testApp() })
afterAll(async () => { await app.close() })

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, payload: payload as string, headers: { 'content-type': 'application/json', ...headers } })

describe('a new output format: its module and one registry line', () => {
  it('is complete', async () => {
    expect(await formatProblems(layoutFormat, formatResources(), sampleLabel())).toEqual([])
  })

  it('answers its own Accept type with the raw bytes', async () => {
    const res = await post('/v1/labels', { record: fullRecord() }, { accept: TYPE })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain(TYPE)
    const label = res.json()
    expect(label.trackingCode).toBe('LWX100200300400500')
    expect(label.elements.map((e: { kind: string }) => e.kind)).toContain('barcode')
  })

  it('is a format option, in the envelope, and a batch of JSON lines', async () => {
    const envelope = (await post('/v1/labels', { record: fullRecord(), format: 'layout' })).json()
    expect(envelope.label_format).toBe('layout')
    expect(JSON.parse(Buffer.from(envelope.label_string, 'base64').toString()).template).toBe('standard')
    const batch = await post('/v1/labels/batch', { records: [fullRecord(), { ...fullRecord(), tracking_code: 'LWX900800700600500' }], format: 'layout' }, { accept: TYPE })
    expect(batch.statusCode).toBe(200)
    expect(batch.body.trim().split('\n').map((line) => JSON.parse(line).trackingCode)).toEqual(['LWX100200300400500', 'LWX900800700600500'])
  })

  it('is named where a refused Accept lists what can be sent', async () => {
    const res = await post('/v1/labels', { record: fullRecord() }, { accept: 'text/html' })
    expect(res.statusCode).toBe(406)
    expect(res.json().error.message).toContain(TYPE)
  })

  it('is in the OpenAPI document and the CLI', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json()
    const operation = doc.paths['/v1/labels'].post
    expect(operation.parameters.find((p: { name: string }) => p.name === 'format').schema.enum).toContain('layout')
    expect(Object.keys(operation.responses['200'].content)).toContain(TYPE)
    expect(RENDER_USAGE).toContain('--format zpl|pdf|png|layout')

    const dir = mkdtempSync(path.join(tmpdir(), 'lw-extending-'))
    const file = path.join(dir, 'record.json')
    writeFileSync(file, JSON.stringify(fullRecord()))
    let out = ''
    const io: CliIo = { stdin: process.stdin, stdout: { write: (chunk) => { out += Buffer.from(chunk).toString() } }, stderr: { write: () => true }, env: {} }
    const code = await runCli(['render', file, '--format', 'layout'], io)
    expect(code).toBe(0)
    expect(JSON.parse(out).trackingCode).toBe('LWX100200300400500')
  })
})
