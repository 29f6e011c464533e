// GET /metrics as Prometheus scrapes it: label requests and renders, print jobs, queue depth and age, printer status.
import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { createMetrics } from '../../../src/http/metrics/metrics.ts'
import { printingPlugin } from '../../../src/http/printing/index.ts'
import { createPrinting, type Printing } from '../../../src/printing/create-printing.ts'
import { FAST, tempDir, waitFor } from '../../printing/helpers.ts'
import { testApp, testLabelService } from '../../support/app.ts'
import { startFakePrinter, type FakePrinter } from '../../support/fake-printer.ts'

const RECORD = JSON.parse(readFileSync(new URL('../../../bench/fixtures/generic-record.json', import.meta.url), 'utf8')) as object
const KEY = 'metrics-key-1'
const auth = { authorization: `Bearer ${KEY}` }

let closers: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const close of closers.reverse()) await close()
  closers = []
})

async function setup (requireKey = true, keys = [KEY]): Promise<{ app: FastifyInstance, printing: Printing, printer: FakePrinter }> {
  const metrics = createMetrics()
  const service = metrics.instrument(testLabelService())
  const printer = await startFakePrinter({ mode: 'paper-out' })
  closers.push(() => printer.close())
  const printing = await createPrinting({ config: { dataDir: tempDir(), apiKey: keys[0], printersFile: undefined }, service, queueOptions: { ...FAST,
    maxAttempts: 100, onEvent: metrics.onQueueEvent } })
  closers.push(() => printing.close())
  metrics.observeQueue(printing.queue)
  const app = await testApp({ service, plugins: [printingPlugin(printing)], metrics: { metrics, apiKeys: keys, requireKey } })
  closers.push(() => app.close())
  await printing.start()
  return { app, printing, printer }
}

/** The value of one series in a scrape, or undefined when it is absent. */
function sample (text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `))
  return line === undefined ? undefined : Number(line.slice(series.length + 1))
}

describe('GET /metrics', () => {
  it('needs an API key unless told otherwise, and says so when none is configured', async () => {
    const { app } = await setup()
    expect((await app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(401)
    expect((await app.inject({ method: 'GET', url: '/metrics', headers: auth })).statusCode).toBe(200)
    const open = await setup(false, [])
    expect((await open.app.inject({ method: 'GET', url: '/metrics' })).statusCode).toBe(200)
    const closed = await setup(true, [])
    expect((await closed.app.inject({ method: 'GET', url: '/metrics' })).json()).toMatchObject({ error: { code: 'METRICS_DISABLED' } })
  })

  it('counts label requests and times renders by format, template and source', async () => {
    const { app } = await setup()
    expect((await app.inject({ method: 'POST', url: '/v1/labels', headers: { accept: 'x-application/zpl' }, payload: RECORD })).statusCode).toBe(200)
    expect((await app.inject({ method: 'POST', url: '/v1/labels?template=dashlink', payload: RECORD })).statusCode).toBe(200)
    expect((await app.inject({ method: 'POST', url: '/v1/labels', payload: { nothing: true } })).statusCode).toBe(422)
    const res = await app.inject({ method: 'GET', url: '/metrics', headers: auth })
    expect(res.headers['content-type']).toMatch(/^text\/plain; version=0\.0\.4/)
    const text = res.body
    expect(sample(text, 'labelworks_label_requests_total{route="/v1/labels",format="zpl",template="standard",source="generic",status="200"}')).toBe(1)
    expect(sample(text, 'labelworks_label_requests_total{route="/v1/labels",format="envelope",template="dashlink",source="generic",status="200"}')).toBe(1)
    expect(sample(text, 'labelworks_label_requests_total{route="/v1/labels",format="none",template="none",source="none",status="422"}')).toBe(1)
    expect(sample(text, 'labelworks_label_render_seconds_count{format="zpl",template="dashlink",source="generic",outcome="ok"}')).toBe(1)
    expect(sample(text, 'labelworks_label_render_seconds_count{format="zpl",template="standard",source="generic",outcome="ok"}')).toBe(1)
    expect(text).toMatch(/^process_cpu_user_seconds_total \d/m)
  })

  it('shows queue depth and the oldest job\'s age per printer, printer faults, and print jobs by outcome', async () => {
    const { app, printing, printer } = await setup()
    await printing.queue.registry.add({ id: 'dock-1', host: printer.host, port: printer.port, dpi: 203 })
    const accepted = await app.inject({ method: 'POST', url: '/v1/print-jobs', headers: auth, payload: { printer_id: 'dock-1', label: '^XA^FDx^FS^XZ' } })
    expect(accepted.statusCode).toBe(202)
    await waitFor(() => printer.stats.hs >= 2, 5_000, 'the paper-out status to be seen')
    await new Promise((resolve) => setTimeout(resolve, 1_100))
    let text = (await app.inject({ method: 'GET', url: '/metrics', headers: auth })).body
    expect(sample(text, 'labelworks_print_queue_depth{printer="dock-1"}')).toBe(1)
    expect(sample(text, 'labelworks_print_queue_oldest_age_seconds{printer="dock-1"}')).toBeGreaterThanOrEqual(1)
    expect(sample(text, 'labelworks_printer_status{printer="dock-1",state="paper out"}')).toBe(1)
    expect(sample(text, 'labelworks_printer_status{printer="dock-1",state="ready"}')).toBe(0)
    expect(sample(text, 'labelworks_print_jobs_total{outcome="accepted"}')).toBe(1)
    expect(sample(text, 'labelworks_print_jobs_total{outcome="held"}')).toBe(1)
    await printer.setMode('normal')
    await waitFor(() => printer.labels().length === 1, 5_000, 'the label to print')
    await waitFor(async () => sample((await app.inject({ method: 'GET', url: '/metrics', headers: auth })).body, 'labelworks_print_jobs_total{outcome="printed"}') === 1, 5_000, 'printed counted')
    text = (await app.inject({ method: 'GET', url: '/metrics', headers: auth })).body
    expect(sample(text, 'labelworks_print_queue_depth{printer="dock-1"}')).toBe(0)
    expect(sample(text, 'labelworks_print_queue_oldest_age_seconds{printer="dock-1"}')).toBe(0)
    expect(sample(text, 'labelworks_printer_status{printer="dock-1",state="ready"}')).toBe(1)
  })
})
