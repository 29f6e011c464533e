// Print jobs that name an archived label (label_id) with the real pipeline, a real SQLite archive and a fake Zebra
// printer on 127.0.0.1: the label is drawn again from its data at the printer's density, with the ship date it was
// made with; the CLI's `labelworks reprint` queues the same job.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LabelArchive } from '../../../src/archive/label-archive.ts'
import { openSqliteArchive } from '../../../src/archive/sqlite-archive.ts'
import { runCli } from '../../../src/cli.ts'
import { printingPlugin } from '../../../src/http/printing/index.ts'
import { createPrinting, type Printing } from '../../../src/printing/create-printing.ts'
import { LABEL_CASES, loadRecord } from '../../golden/cases.ts'
import { testApp, testLabelService } from '../../support/app.ts'
import { capture } from '../../support/cli-io.ts'
import { startFakePrinter, type FakePrinter } from '../../support/fake-printer.ts'
import { FAST, tempDir, waitFor } from '../../printing/helpers.ts'

const KEY = 'archived-job-key'
const auth = { authorization: `Bearer ${KEY}` }
let day = '2026-11-20'
const service = testLabelService({ today: () => day })
let printer: FakePrinter
let printing: Printing
let archive: LabelArchive
let app: FastifyInstance
let url: string

beforeAll(async () => {
  printer = await startFakePrinter()
  const dir = tempDir()
  const printersFile = path.join(dir, 'printers.json')
  writeFileSync(printersFile, JSON.stringify({ printers: [{ id: 'dock-300', name: 'Dock 300', host: printer.host, port: printer.port, dpi: 300 }] }))
  printing = await createPrinting({ config: { dataDir: dir, apiKey: KEY, printersFile }, service, queueOptions: FAST })
  archive = openSqliteArchive(dir)
  app = await testApp({ service, archive, plugins: [printingPlugin(printing, { archive, service })] })
  await printing.start()
  url = await app.listen({ host: '127.0.0.1', port: 0 })
})
afterAll(async () => {
  await app.close()
  await printing.close()
  await archive.close()
  await printer.close()
})

const { ship_date: _date, ...undated } = loadRecord(LABEL_CASES[3] as (typeof LABEL_CASES)[number]) as Record<string, unknown>

/** A 203 dpi ZPL label made on 2026-11-20, its id. */
async function archivedLabel (): Promise<string> {
  day = '2026-11-20'
  const made = await app.inject({ method: 'POST', url: '/v1/labels', payload: { record: undated, dpi: 203 } })
  day = '2026-11-27'
  return made.json().label_id as string
}

/**
 * What the printer should get: the same record made afresh at 300 dpi in the label font, dated as first made, as the
 * fake printer reads its bytes (latin1).
 */
const expected = (): string => Buffer.from(service.renderZpl({ record: { ...undated, ship_date: '2026-11-20' }, dpi: 300, text: 'font' }).zpl, 'utf8').toString('latin1')

describe('print jobs by label_id', () => {
  it('prints an archived 203 dpi label on a 300 dpi printer: drawn at 300 dpi from its data, first ship date', async () => {
    const id = await archivedLabel()
    const before = printer.labels().length
    const res = await app.inject({ method: 'POST', url: '/v1/print-jobs', headers: auth, payload: { printer_id: 'dock-300', label_id: id, copies: 2 } })
    expect(res.statusCode).toBe(202)
    expect(res.json().job.tracking_code).toBe(service.renderZpl({ record: undated }).trackingCode)
    await waitFor(() => printer.labels().length > before, 5_000, 'the label on the printer')
    const printed = printer.labels().at(-1) as string
    expect(printed).toBe(expected().replace(/\^XZ$/, '^PQ2^XZ'))
    expect(printed).toContain('^PW1200')
  })

  it('answers 404 LABEL_NOT_FOUND for an unknown label and 400 for label_id beside a record', async () => {
    const unknown = await app.inject({ method: 'POST', url: '/v1/print-jobs', headers: auth, payload: { printer_id: 'dock-300', label_id: 'lbl_00000000000000000000000000000000' } })
    expect(unknown.statusCode).toBe(404)
    expect(unknown.json().error).toMatchObject({ code: 'LABEL_NOT_FOUND', issues: [{ path: 'label_id' }] })
    const both = await app.inject({ method: 'POST', url: '/v1/print-jobs', headers: auth, payload: { printer_id: 'dock-300', label_id: await archivedLabel(), record: undated } })
    expect(both.statusCode).toBe(400)
    expect(both.json().error.issues[0]).toMatchObject({ path: 'label_id', rule: 'one_of' })
  })

  it('labelworks reprint <label_id> --printer <id> --wait prints it', async () => {
    const id = await archivedLabel()
    const c = capture({ LABELWORKS_URL: url, LABELWORKS_API_KEY: KEY })
    const before = printer.labels().length
    expect(await runCli(['reprint', id, '--printer', 'dock-300', '--wait'], c.io), c.err()).toBe(0)
    expect(c.out()).toMatch(/job \S+ on dock-300: queued \(tracking \S+\)\njob \S+ on dock-300: printed \(tracking \S+\)/)
    expect(printer.labels().slice(before)).toEqual([expected()])
    expect(await runCli(['reprint', '--printer', 'dock-300'], c.io)).toBe(2)
    expect(c.err()).toContain('labelworks reprint <label_id> --printer <id>')
  })
})
