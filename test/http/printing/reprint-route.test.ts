// POST /v1/print-jobs/:id/reprint: the same label bytes again as a new job, with the earlier copies or new ones, on
// the same printer or another; behind the key; a repeated idempotency key answers the first reprint.
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPrinting, type Printing } from '../../../src/printing/create-printing.ts'
import { printingPlugin } from '../../../src/http/printing/index.ts'
import { testApp, testLabelService } from '../../support/app.ts'
import { startFakePrinter, type FakePrinter } from '../../support/fake-printer.ts'
import { FAST, tempDir, waitFor } from '../../printing/helpers.ts'

const KEY = 'reprint-key'
const auth = { authorization: `Bearer ${KEY}` }
const LABEL = '^XA^FO20,20^A0N,40,40^FDreprint me^FS^XZ'

const service = testLabelService()
let dock1: FakePrinter
let dock2: FakePrinter
let printing: Printing
let app: FastifyInstance

beforeAll(async () => {
  dock1 = await startFakePrinter()
  dock2 = await startFakePrinter()
  printing = await createPrinting({ config: { dataDir: path.join(tempDir(), 'data'), apiKey: KEY, printersFile: undefined }, service, queueOptions: FAST })
  await printing.queue.registry.add({ id: 'dock-1', host: dock1.host, port: dock1.port, dpi: 203 })
  await printing.queue.registry.add({ id: 'dock-2', host: dock2.host, port: dock2.port, dpi: 203 })
  app = await testApp({ plugins: [printingPlugin(printing)], service })
  await printing.start()
})

afterAll(async () => {
  await app.close()
  await printing.close()
  await Promise.all([dock1.close(), dock2.close()])
})

async function printed (id: string): Promise<void> {
  await waitFor(async () => (await printing.queue.get(id)).state === 'printed', 5_000, `job ${id} printed`)
}

describe('POST /v1/print-jobs/:id/reprint', () => {
  it('queues the earlier job\'s label again as a new job, with its copies, or other copies on another printer', async () => {
    const first = await app.inject({ method: 'POST', url: '/v1/print-jobs', headers: auth, payload: { printer_id: 'dock-1', label: LABEL, copies: 3 } })
    const id = (first.json() as { job: { id: string } }).job.id
    await printed(id)

    const again = await app.inject({ method: 'POST', url: `/v1/print-jobs/${id}/reprint`, headers: auth, payload: {} })
    expect(again.statusCode).toBe(202)
    const job = (again.json() as { job: { id: string, printer_id: string, copies: number } }).job
    expect(job).toMatchObject({ printer_id: 'dock-1', copies: 3 })
    expect(job.id).not.toBe(id)
    expect(again.headers.location).toBe(`/v1/print-jobs/${job.id}`)
    await printed(job.id)
    expect(dock1.labels().slice(-2)).toEqual([LABEL.replace('^XZ', '^PQ3^XZ'), LABEL.replace('^XZ', '^PQ3^XZ')])

    const elsewhere = await app.inject({ method: 'POST', url: `/v1/print-jobs/${id}/reprint`, headers: auth, payload: { printer_id: 'dock-2', copies: 1 } })
    const moved = (elsewhere.json() as { job: { id: string, printer_id: string, copies: number } }).job
    expect(moved).toMatchObject({ printer_id: 'dock-2', copies: 1 })
    await printed(moved.id)
    expect(dock2.labels()).toEqual([LABEL])
  })

  it('answers a repeated idempotency key with the first reprint, and needs the key', async () => {
    const first = await app.inject({ method: 'POST', url: '/v1/print-jobs', headers: auth, payload: { printer_id: 'dock-1', label: LABEL } })
    const id = (first.json() as { job: { id: string } }).job.id
    const payload = { idempotency_key: 'reprint-once' }
    const a = await app.inject({ method: 'POST', url: `/v1/print-jobs/${id}/reprint`, headers: auth, payload })
    const b = await app.inject({ method: 'POST', url: `/v1/print-jobs/${id}/reprint`, headers: auth, payload })
    expect(b.statusCode).toBe(202)
    expect(b.headers['idempotent-replayed']).toBe('true')
    expect(b.json().job.id).toBe(a.json().job.id)
    expect((await app.inject({ method: 'POST', url: `/v1/print-jobs/${id}/reprint`, payload: {} })).statusCode).toBe(401)
    // The body is a JSON object, `{}` for the earlier job's printer and copies; none at all is named as the problem.
    const bare = await app.inject({ method: 'POST', url: `/v1/print-jobs/${id}/reprint`, headers: auth })
    expect(bare.statusCode).toBe(400)
    expect(bare.json().error.issues).toEqual([{ path: 'body', rule: 'type', message: 'must be object' }])
  })

  it('names the field or the job it cannot use', async () => {
    const missing = await app.inject({ method: 'POST', url: '/v1/print-jobs/nope/reprint', headers: auth, payload: {} })
    expect(missing.statusCode).toBe(404)
    expect(missing.json()).toMatchObject({ error: { code: 'PRINT_JOB_NOT_FOUND' } })
    const first = await app.inject({ method: 'POST', url: '/v1/print-jobs', headers: auth, payload: { printer_id: 'dock-1', label: LABEL } })
    const id = (first.json() as { job: { id: string } }).job.id
    const bad = await app.inject({ method: 'POST', url: `/v1/print-jobs/${id}/reprint`, headers: auth, payload: { copies: 0 } })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['copies'])
    const nowhere = await app.inject({ method: 'POST', url: `/v1/print-jobs/${id}/reprint`, headers: auth, payload: { printer_id: 'dock-9' } })
    expect(nowhere.statusCode).toBe(404)
    expect(nowhere.json()).toMatchObject({ error: { code: 'PRINTER_NOT_FOUND' } })
  })
})
