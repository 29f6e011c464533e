import { readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli.ts'
import { serviceUrl } from '../../src/cli/printing.ts'
import { createPrinting, type Printing } from '../../src/printing/create-printing.ts'
import { printingPlugin } from '../../src/http/printing/index.ts'
import { testApp, testLabelService } from '../support/app.ts'
import { capture } from '../support/cli-io.ts'
import { startFakePrinter, type FakePrinter } from '../support/fake-printer.ts'
import { FAST, tempDir } from '../printing/helpers.ts'

const RECORD = new URL('../../bench/fixtures/generic-record.json', import.meta.url).pathname
const service = testLabelService()
let printer: FakePrinter
let printing: Printing
let app: FastifyInstance
let url: string

beforeAll(async () => {
  printer = await startFakePrinter()
  const dir = tempDir()
  const printersFile = path.join(dir, 'printers.json')
  writeFileSync(printersFile, JSON.stringify({ printers: [{ id: 'dock-1', host: printer.host, port: printer.port, dpi: 203 }] }))
  printing = await createPrinting({ config: { dataDir: dir, apiKey: 'k', printersFile }, service, queueOptions: FAST })
  app = await testApp({ plugins: [printingPlugin(printing)], service })
  await printing.start()
  url = await app.listen({ host: '127.0.0.1', port: 0 })
})

afterAll(async () => {
  await app.close()
  await printing.close()
  await printer.close()
})

describe('labelworks print / printers', () => {
  it('prints a record and waits for it', async () => {
    const c = capture({ LABELWORKS_URL: url, LABELWORKS_API_KEY: 'k' })
    expect(await runCli(['print', '--printer', 'dock-1', RECORD, '--wait'], c.io)).toBe(0)
    expect(c.out()).toMatch(/job \S+ on dock-1: queued \(tracking LWX100200300400500\)\njob \S+ on dock-1: printed/)
    expect(printer.labels()).toHaveLength(1)
  })

  it('finds the service at the HOST and PORT of its environment when LABELWORKS_URL is unset', async () => {
    const c = capture({ HOST: '127.0.0.1', PORT: new URL(url).port, API_KEY: 'k' })
    expect(await runCli(['printers', 'list'], c.io)).toBe(0)
    expect(c.out()).toMatch(/^dock-1 /)
    expect(serviceUrl({})).toBe('http://127.0.0.1:3000')
    expect(serviceUrl({ HOST: '0.0.0.0', PORT: '8080' })).toBe('http://127.0.0.1:8080')
    expect(serviceUrl({ HOST: '::' })).toBe('http://[::1]:3000')
    expect(serviceUrl({ LABELWORKS_URL: 'http://print-host:9000', PORT: '1' })).toBe('http://print-host:9000')
  })

  it('shows printer status, with a fault as exit code 1', async () => {
    const ok = capture({ LABELWORKS_URL: url, API_KEY: 'k' })
    expect(await runCli(['printers', 'status'], ok.io)).toBe(0)
    expect(ok.out()).toMatch(/^dock-1\s+127\.0\.0\.1:\d+\s+ready\s+rtt [\d.]+ ms\s+queue 0\n$/)
    await printer.setMode('pause')
    const paused = capture({ LABELWORKS_URL: url, API_KEY: 'k' })
    expect(await runCli(['printers', 'status', 'dock-1'], paused.io)).toBe(1)
    expect(paused.out()).toContain('FAULT: paused')
    await printer.setMode('normal')
  })

  it('reports the service error, a missing key, an unknown printer and an unreachable service', async () => {
    const noKey = capture({ LABELWORKS_URL: url })
    expect(await runCli(['printers', 'status'], noKey.io)).toBe(2)
    expect(noKey.err()).toMatch(/error UNAUTHORIZED/)
    const unknown = capture({ LABELWORKS_URL: url, API_KEY: 'k' })
    expect(await runCli(['print', '--printer', 'nope', RECORD], unknown.io)).toBe(2)
    expect(unknown.err()).toMatch(/error PRINTER_NOT_FOUND.*\n {2}printer_id \(exists\)/)
    const missing = capture({ LABELWORKS_URL: url, API_KEY: 'k' })
    expect(await runCli(['print', '--printer', 'dock-1', path.join(tempDir(), 'none.json')], missing.io)).toBe(2)
    expect(missing.err()).toMatch(/error: cannot read .*none\.json: no such file \(ENOENT\)/)
    const latin1 = path.join(tempDir(), 'latin1.json')
    writeFileSync(latin1, Buffer.from(readFileSync(RECORD, 'utf8').replace('Jordan Alvarez', 'Renée Müller'), 'latin1'))
    const notUtf8 = capture({ LABELWORKS_URL: url, API_KEY: 'k' })
    expect(await runCli(['print', '--printer', 'dock-1', latin1], notUtf8.io)).toBe(2)
    expect(notUtf8.err()).toMatch(/error: .*latin1\.json is not UTF-8 text: byte 0xE9 at offset \d+/)
    const usage = capture({ LABELWORKS_URL: url, API_KEY: 'k' })
    expect(await runCli(['print', RECORD], usage.io)).toBe(2)
    expect(usage.err()).toMatch(/usage: labelworks print --printer/)
    const closed = await startFakePrinter({ mode: 'refuse' })
    const down = capture({ LABELWORKS_URL: `http://127.0.0.1:${closed.port}`, API_KEY: 'k' })
    expect(await runCli(['printers', 'status'], down.io)).toBe(1)
    expect(down.err()).toMatch(/cannot reach the labelworks service at http:\/\/127\.0\.0\.1:\d+ \(ECONNREFUSED\)/)
  })
})
