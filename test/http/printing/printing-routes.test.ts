import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPrinting, type Printing } from '../../../src/printing/create-printing.ts'
import { printingPlugin } from '../../../src/http/printing/index.ts'
import { testApp, testLabelService } from '../../support/app.ts'
import { startFakePrinter, type FakePrinter } from '../../support/fake-printer.ts'
import { FAST, tempDir, waitFor } from '../../printing/helpers.ts'

const KEY = 'test-key-123'
const auth = { authorization: `Bearer ${KEY}` }
const RECORD = JSON.parse(readFileSync(new URL('../../../bench/fixtures/generic-record.json', import.meta.url), 'utf8')) as unknown

const service = testLabelService()
let printer: FakePrinter
let printing: Printing
let app: FastifyInstance

beforeAll(async () => {
  printer = await startFakePrinter()
  const dir = tempDir()
  const printersFile = path.join(dir, 'printers.json')
  writeFileSync(printersFile, JSON.stringify({ printers: [{ id: 'dock-1', name: 'Dock 1', host: printer.host, port: printer.port, dpi: 203 }] }))
  printing = await createPrinting({ config: { dataDir: path.join(dir, 'data'), apiKey: KEY, printersFile }, service, queueOptions: FAST })
  app = await testApp({ plugins: [printingPlugin(printing)], service })
  await printing.start()
})

afterAll(async () => {
  await app.close()
  await printing.close()
  await printer.close()
})

async function jobState (id: string): Promise<string> {
  const res = await app.inject({ method: 'GET', url: `/v1/print-jobs/${id}`, headers: auth })
  return (res.json() as { job: { state: string } }).job.state
}

async function settle (id: string): Promise<string> {
  let state = await jobState(id)
  const end = Date.now() + 5_000
  while (['queued', 'sending'].includes(state) && Date.now() < end) {
    await new Promise((resolve) => setTimeout(resolve, 10))
    state = await jobState(id)
  }
  return state
}

describe('printing routes', () => {
  it('answers 503 PRINTING_DISABLED on every route when no key is configured', async () => {
    const off = await createPrinting({ config: { dataDir: tempDir(), apiKey: undefined, printersFile: undefined }, service, queueOptions: FAST })
    const offApp = await testApp({ plugins: [printingPlugin(off)], service })
    try {
      for (const url of ['/v1/printers', '/v1/print-jobs/x']) {
        const res = await offApp.inject({ method: 'GET', url, headers: auth })
        expect(res.statusCode).toBe(503)
        expect(res.json()).toMatchObject({ error: { code: 'PRINTING_DISABLED' } })
      }
    } finally {
      await offApp.close()
      await off.close()
    }
  })

  it('needs the key as a Bearer token or X-API-Key, and answers 401 without it', async () => {
    expect((await app.inject({ method: 'GET', url: '/v1/printers' })).statusCode).toBe(401)
    const wrong = await app.inject({ method: 'GET', url: '/v1/printers', headers: { authorization: 'Bearer nope' } })
    expect(wrong.statusCode).toBe(401)
    expect(wrong.json()).toMatchObject({ error: { code: 'UNAUTHORIZED', issues: [{ path: 'header.authorization', rule: 'api_key' }] } })
    expect((await app.inject({ method: 'POST', url: '/v1/print-jobs', payload: { printer_id: 'dock-1', label: '^XA^XZ' } })).statusCode).toBe(401)
    expect((await app.inject({ method: 'GET', url: '/v1/printers', headers: { 'x-api-key': KEY } })).statusCode).toBe(200)
    const list = await app.inject({ method: 'GET', url: '/v1/printers', headers: auth })
    expect(list.json()).toMatchObject({ printers: [{ id: 'dock-1', name: 'Dock 1', port: printer.port, dpi: 203, origin: 'file', enabled: true, queue_depth: 0 }] })
  })

  it('queues a record (202), prints the font download and the rendered label byte for byte, and shows the job', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/print-jobs', headers: auth, payload: { printer_id: 'dock-1', record: RECORD, source: 'generic' } })
    expect(res.statusCode).toBe(202)
    const { job } = res.json() as { job: { id: string, state: string, tracking_code: string } }
    expect(res.headers.location).toBe(`/v1/print-jobs/${job.id}`)
    expect(job).toMatchObject({ state: 'queued', tracking_code: 'LWX100200300400500' })
    expect(await settle(job.id)).toBe('printed')
    const label = Buffer.from(service.renderZpl({ record: RECORD, source: 'generic', dpi: 203, text: 'font' }).zpl)
    expect(printer.data().equals(Buffer.concat([Buffer.from(service.fontDownloadZpl()), label]))).toBe(true)
    const shown = (await app.inject({ method: 'GET', url: `/v1/print-jobs/${job.id}`, headers: auth })).json() as { job: Record<string, unknown> }
    expect(shown.job).toMatchObject({ state: 'printed', attempts: 1, last_error: null, printer_id: 'dock-1', dpi: 203 })
    expect(typeof shown.job.written_at).toBe('string')
    const jobs = (await app.inject({ method: 'GET', url: '/v1/printers/dock-1/jobs', headers: auth })).json() as { jobs: { id: string }[] }
    expect(jobs.jobs[0]?.id).toBe(job.id)
  })

  it('replays an idempotency key, and rejects bad print requests with the field named', async () => {
    const body = { printer_id: 'dock-1', label: '^XA^FDonce^FS^XZ', idempotency_key: 'k-1' }
    const a = await app.inject({ method: 'POST', url: '/v1/print-jobs', headers: auth, payload: body })
    const b = await app.inject({ method: 'POST', url: '/v1/print-jobs', headers: auth, payload: body })
    expect(b.headers['idempotent-replayed']).toBe('true')
    expect((b.json() as { job: { id: string } }).job.id).toBe((a.json() as { job: { id: string } }).job.id)
    const conflict = await app.inject({ method: 'POST', url: '/v1/print-jobs', headers: auth, payload: { ...body, copies: 3 } })
    expect(conflict.statusCode).toBe(409)
    expect(conflict.json()).toMatchObject({ error: { code: 'IDEMPOTENCY_CONFLICT', issues: [{ path: 'idempotency_key' }] } })
    const cases: [Record<string, unknown>, number, string, string][] = [
      [{ printer_id: 'dock-1', label: '^XA^FDa^FS^XZ^XA^FDb^FS^XZ' }, 400, 'label', 'single_format'],
      [{ printer_id: 'dock-1', label: '^XA^FD~JR^FS^XZ' }, 400, 'label', 'no_control_commands'],
      [{ printer_id: 'dock-1', label: '^XA^XZ', copies: 0 }, 400, 'copies', 'minimum'],
      [{ printer_id: 'dock-1' }, 400, 'record', 'one_of'],
      [{ printer_id: 'dock-1', record: {}, source: 'fedex' }, 400, 'source', 'const'],
      [{ printer_id: 'nope', label: '^XA^XZ' }, 404, 'printer_id', 'exists'],
      [{ label: '^XA^XZ' }, 400, 'printer_id', 'required']
    ]
    for (const [payload, status, field, rule] of cases) {
      const res = await app.inject({ method: 'POST', url: '/v1/print-jobs', headers: auth, payload })
      expect(res.statusCode, JSON.stringify(payload)).toBe(status)
      expect((res.json() as { error: { issues: { path: string, rule: string }[] } }).error.issues).toContainEqual(expect.objectContaining({ path: field,
        rule }))
    }
    expect(await settle((a.json() as { job: { id: string } }).job.id)).toBe('printed')
    expect(printer.labels().filter((l) => l === '^XA^FDonce^FS^XZ')).toHaveLength(1)
    const unknown = await app.inject({ method: 'GET', url: '/v1/print-jobs/no-such-job', headers: auth })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json()).toMatchObject({ error: { code: 'PRINT_JOB_NOT_FOUND', issues: [{ path: 'path.id', rule: 'exists' }] } })
    // An id longer than any is refused before routing, in the same error body.
    const tooLong = await app.inject({ method: 'GET', url: `/v1/print-jobs/${'x'.repeat(150)}`, headers: auth })
    expect(tooLong.statusCode).toBe(414)
    expect(tooLong.json()).toMatchObject({ error: { code: 'URI_TOO_LONG', issues: [{ path: 'url', rule: 'max_length' }] } })
  })

  it('cancels a queued job (DELETE) and answers 409 for a printed one; reports status with faults and depth', async () => {
    await printer.setMode('paper-out')
    printer.reset()
    const queued = (await app.inject({ method: 'POST', url: '/v1/print-jobs', headers: auth, payload: { printer_id: 'dock-1', label: '^XA^FDheld^FS^XZ' } })).json() as { job: { id: string } }
    await waitFor(() => printer.stats.hs > 0)
    const status = await app.inject({ method: 'GET', url: '/v1/printers/dock-1/status', headers: auth })
    expect(status.statusCode).toBe(200)
    const s = (status.json() as { status: Record<string, unknown> }).status
    expect(s).toMatchObject({ printer_id: 'dock-1', reachable: true, answered: true, ready: false, queue_depth: 1, status: { paper_out: true, paused: false, faults: ['paper out'] } })
    expect(typeof s.rtt_ms).toBe('number')
    // As many HTTP clients send every request, a bodiless DELETE included: with a JSON Content-Type.
    const del = await app.inject({ method: 'DELETE', url: `/v1/print-jobs/${queued.job.id}`, headers: { ...auth, 'content-type': 'application/json' } })
    expect(del.statusCode).toBe(200)
    expect(del.json()).toMatchObject({ job: { state: 'canceled' } })
    await printer.setMode('normal')
    const printed = (await app.inject({ method: 'POST', url: '/v1/print-jobs', headers: auth, payload: { printer_id: 'dock-1', label: '^XA^FDgo^FS^XZ' } })).json() as { job: { id: string } }
    expect(await settle(printed.job.id)).toBe('printed')
    const late = await app.inject({ method: 'DELETE', url: `/v1/print-jobs/${printed.job.id}`, headers: auth })
    expect(late.statusCode).toBe(409)
    expect(late.json()).toMatchObject({ error: { code: 'JOB_NOT_CANCELABLE', issues: [{ path: 'path.id', rule: 'cancelable' }] } })
    expect(printer.labels()).not.toContain('^XA^FDheld^FS^XZ')
    expect((await app.inject({ method: 'GET', url: '/v1/print-jobs/none', headers: auth })).statusCode).toBe(404)
  })

  it('administers printers: 201, validation with field paths, 409 for a taken id, PATCH, DELETE', async () => {
    const created = await app.inject({ method: 'POST', url: '/v1/printers', headers: auth, payload: { id: 'pack-2', host: '127.0.0.1', port: 1 } })
    expect(created.statusCode).toBe(201)
    expect(created.json()).toMatchObject({ printer: { id: 'pack-2', name: 'pack-2', port: 1, dpi: null, enabled: true, origin: 'api' } })
    const invalid: [Record<string, unknown>, string][] = [
      [{ id: 'x1', host: '127.0.0.1', port: 70000 }, 'port'],
      [{ id: 'x1', host: '127.0.0.1', dpi: 150 }, 'dpi'],
      [{ id: 'x1' }, 'host'],
      [{ id: 'bad id!', host: '127.0.0.1' }, 'id'],
      [{ id: 'x1', host: 'http://evil/' }, 'host']
    ]
    for (const [payload, field] of invalid) {
      const res = await app.inject({ method: 'POST', url: '/v1/printers', headers: auth, payload })
      expect(res.statusCode, JSON.stringify(payload)).toBe(400)
      expect((res.json() as { error: { code: string, issues: { path: string }[] } }).error.issues.map((i) => i.path)).toContain(field)
    }
    const unreachable = await app.inject({ method: 'GET', url: '/v1/printers/pack-2/status', headers: auth })
    expect(unreachable.json()).toMatchObject({ status: { reachable: false, answered: false, ready: false, rtt_ms: null, status: null, error: expect.stringMatching(/ECONNREFUSED/) } })
    const dup = await app.inject({ method: 'POST', url: '/v1/printers', headers: auth, payload: { id: 'pack-2', host: '127.0.0.1' } })
    expect(dup.statusCode).toBe(409)
    expect(dup.json()).toMatchObject({ error: { code: 'PRINTER_EXISTS' } })
    const patched = await app.inject({ method: 'PATCH', url: '/v1/printers/pack-2', headers: auth, payload: { enabled: false, dpi: 300 } })
    expect(patched.json()).toMatchObject({ printer: { enabled: false, dpi: 300 } })
    const disabled = await app.inject({ method: 'POST', url: '/v1/print-jobs', headers: auth, payload: { printer_id: 'pack-2', label: '^XA^XZ' } })
    expect(disabled.statusCode).toBe(409)
    expect(disabled.json()).toMatchObject({ error: { code: 'PRINTER_DISABLED', issues: [{ path: 'printer_id', rule: 'enabled' }] } })
    const badPatch = await app.inject({ method: 'PATCH', url: '/v1/printers/pack-2', headers: auth, payload: { port: 'x' } })
    expect(badPatch.statusCode).toBe(400)
    expect((await app.inject({ method: 'DELETE', url: '/v1/printers/pack-2', headers: { ...auth, 'content-type': 'text/plain' } })).statusCode).toBe(200)
    const gone = await app.inject({ method: 'GET', url: '/v1/printers/pack-2', headers: auth })
    expect(gone.statusCode).toBe(404)
    expect(gone.json()).toMatchObject({ error: { code: 'PRINTER_NOT_FOUND' } })
  })

  it('refuses to remove a printer of PRINTERS_FILE or one with a job waiting (409, naming the rule), then removes it', async () => {
    const remove = (id: string) => app.inject({ method: 'DELETE', url: `/v1/printers/${id}`, headers: auth })
    const fromFile = await remove('dock-1')
    expect(fromFile.statusCode).toBe(409)
    expect(fromFile.json()).toMatchObject({ error: { code: 'PRINTER_IN_CONFIG_FILE', message: expect.stringContaining('PRINTERS_FILE'), issues: [{ path: 'path.id', rule: 'not_in_config_file' }] } })
    expect((await app.inject({ method: 'GET', url: '/v1/printers/dock-1', headers: auth })).statusCode).toBe(200)

    await printer.setMode('paper-out')
    expect((await app.inject({ method: 'POST', url: '/v1/printers', headers: auth, payload: { id: 'dock-9', host: printer.host, port: printer.port, dpi: 203 } })).statusCode).toBe(201)
    const held = (await app.inject({ method: 'POST', url: '/v1/print-jobs', headers: auth, payload: { printer_id: 'dock-9', label: '^XA^FDwaits^FS^XZ' } })).json() as { job: { id: string } }
    await waitFor(async () => (await printing.queue.get(held.job.id)).lastError?.startsWith('held') === true, 5_000, 'the job to be held')
    const waiting = await remove('dock-9')
    expect(waiting.statusCode).toBe(409)
    expect(waiting.json()).toMatchObject({ error: { code: 'PRINTER_HAS_JOBS', message: expect.stringContaining('1 job queued or sending'), issues: [{ path: 'path.id', rule: 'no_queued_jobs' }] } })
    expect((await printing.queue.get(held.job.id)).state).toBe('queued')

    expect((await app.inject({ method: 'DELETE', url: `/v1/print-jobs/${held.job.id}`, headers: auth })).statusCode).toBe(200)
    await printer.setMode('normal')
    expect(await remove('dock-9')).toMatchObject({ statusCode: 200 })
    expect((await remove('dock-9')).json()).toMatchObject({ error: { code: 'PRINTER_NOT_FOUND', issues: [{ path: 'path.id' }] } })
  })
})
