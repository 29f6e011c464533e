// The 3,218-deep street address through every route that takes a record: a 4xx naming the path, never a 500.
import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPrinting, type Printing } from '../../../src/printing/create-printing.ts'
import { printingPlugin } from '../../../src/http/printing/index.ts'
import { testApp, testLabelService } from '../../support/app.ts'
import { FAST, tempDir } from '../../printing/helpers.ts'
import { startFakePrinter, type FakePrinter } from '../../support/fake-printer.ts'

const DRIVE = JSON.parse(readFileSync(new URL('../../records/fixtures/drive-create-request.json', import.meta.url), 'utf8')) as Record<string, unknown>
const KEY = 'depth-test-key'

function deepRecord (levels: number): Record<string, unknown> {
  let street: unknown = '901 Market Street'
  for (let i = 0; i < levels; i++) street = [street]
  return { ...DRIVE, dropoff_address_components: { ...(DRIVE.dropoff_address_components as object), street_address: street } }
}

let app: FastifyInstance
let printing: Printing
let printer: FakePrinter
beforeAll(async () => {
  printer = await startFakePrinter()
  const service = testLabelService()
  printing = await createPrinting({ config: { dataDir: tempDir(), apiKey: KEY, printersFile: undefined }, service, queueOptions: FAST })
  app = await testApp({ plugins: [printingPlugin(printing)], service })
  await printing.queue.registry.add({ id: 'p1', host: printer.host, port: printer.port, dpi: 203 })
})
afterAll(async () => {
  await app.close()
  await printing.close()
  await printer.close()
})

describe('an option nested 100,000 arrays deep', () => {
  it.each(['/v1/labels', '/v1/labels/batch'])('%s answers 400 naming dpi', async (url) => {
    const record = url.endsWith('batch') ? `"records":[${JSON.stringify(DRIVE)}]` : `"record":${JSON.stringify(DRIVE)}`
    const payload = `{${record},"dpi":${'['.repeat(100_000)}300${']'.repeat(100_000)}}`
    const res = await app.inject({ method: 'POST', url, headers: { 'content-type': 'application/json' }, payload })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.issues[0]).toMatchObject({ path: 'dpi', rule: 'enum' })
  })
})

describe('a record nested 3,218 levels deep', () => {
  it('POST /v1/labels answers 400 VALIDATION_FAILED naming the path', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/labels', payload: deepRecord(3_218) })
    expect(res.statusCode).toBe(400)
    const { error } = res.json()
    expect(error.code).toBe('VALIDATION_FAILED')
    expect(error.issues[0].rule).toBe('max_depth')
    expect(error.issues[0].path).toMatch(/^record\.dropoff_address_components\.street_address\.0\.0/)
  })

  it('POST /v1/labels/batch reports the record as failed with VALIDATION_FAILED, not INTERNAL', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/labels/batch', payload: { records: [deepRecord(3_218), DRIVE] } })
    expect(res.statusCode).toBe(200)
    const failed = res.json().failed as { index: number, code: string }[]
    expect(failed).toHaveLength(1)
    expect(failed[0]?.index).toBe(0)
    expect(failed[0]?.code).toBe('VALIDATION_FAILED')
  })

  it('POST /v1/print-jobs answers 400 naming the path', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/print-jobs', headers: { 'x-api-key': KEY }, payload: { printer_id: 'p1', record: deepRecord(3_218) } })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.issues[0].rule).toBe('max_depth')
  })
})
