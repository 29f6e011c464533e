// A seeded, bounded fuzz run over loopback against the whole app (labels, batches, printing with a fake printer):
// no answer of 500 or more, no crash, every ZPL label safe. bench/fuzz.ts runs the same requests 100,000 at a time
// against `npm start`'s server in its own process; FUZZ_REQUESTS and FUZZ_SEED change this run.
import net from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import { createPrinting, type Printing } from '../../src/printing/create-printing.ts'
import { printingPlugin } from '../../src/http/printing/index.ts'
import { FAST, tempDir } from '../printing/helpers.ts'
import { testApp, testLabelService } from '../support/app.ts'
import { startFakePrinter, type FakePrinter } from '../support/fake-printer.ts'
import { runFuzz } from './run-fuzz.ts'

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 600)
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202)
const API_KEY = 'fuzz-key-0123456789abcdef'

/** A port nothing listens on (bound, then released). */
async function closedPort (): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

let app: FastifyInstance
let printing: Printing
let printer: FakePrinter
let fontDownload: string
beforeAll(async () => {
  printer = await startFakePrinter()
  const service = testLabelService()
  fontDownload = service.fontDownloadZpl()
  const config = loadConfig({ LOG_LEVEL: 'silent', API_KEY, REQUEST_TIMEOUT_MS: '20000', HEADERS_TIMEOUT_MS: '5000' })
  printing = await createPrinting({ config: { ...config, dataDir: tempDir() }, service, queueOptions: { ...FAST, maxAttempts: 2 } })
  app = await testApp({ config, service, plugins: [printingPlugin(printing)] })
  await printing.queue.registry.add({ id: 'dock-1', host: printer.host, port: printer.port, dpi: 203 })
  await printing.start()
  await app.listen({ host: '127.0.0.1', port: 0 })
})
afterAll(async () => {
  await app.close()
  await printing.close()
  await printer.close()
})

describe('fuzz', () => {
  it(`answers ${REQUESTS} hostile requests (seed ${SEED}) with no 5xx and only safe ZPL`, async () => {
    const { port } = app.server.address() as net.AddressInfo
    const report = await runFuzz({
      baseUrl: `http://127.0.0.1:${port}`, requests: REQUESTS, seed: SEED, concurrency: 4, fontDownload, apiKey: API_KEY, printerPort: printer.port, closedPort: await closedPort()
    })
    if (process.env.FUZZ_VERBOSE !== undefined) console.log(JSON.stringify({ byStatus: report.byStatus, byKind: report.byKind,
      zplChecked: report.zplChecked, slowest: report.slowest }, null, 1))
    expect(report.serverErrors).toEqual([])
    expect(report.unsafeZpl).toEqual([])
    expect(report.requests).toBe(REQUESTS)
    expect(report.zplChecked).toBeGreaterThan(REQUESTS / 20)
    const health = await app.inject({ method: 'GET', url: '/health' })
    expect(health.statusCode).toBe(200)
  }, 120_000)
})
