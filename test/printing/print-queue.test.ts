import { afterEach, describe, expect, it } from 'vitest'
import { startFakePrinter, type FakePrinter } from '../support/fake-printer.ts'
import type { PrintQueue } from '../../src/printing/print-queue.ts'
import { STUB_FONT, openQueue, stubService, waitFor } from './helpers.ts'

const LABEL = '^XA^FO50,50^A@N,40,40,E:LWSANS.TTF^FDHello, Zebra^FS^FO50,120^BCN,100,Y,N,N^FD>:ABC123^FS^XZ'

let printers: FakePrinter[] = []
let queues: PrintQueue[] = []
afterEach(async () => {
  for (const q of queues) await q.close()
  for (const p of printers) await p.close()
  printers = []
  queues = []
})

async function setup (mode: Parameters<typeof startFakePrinter>[0] = {}, extra: Parameters<typeof openQueue>[0] = {}) {
  const printer = await startFakePrinter(mode)
  printers.push(printer)
  const queue = await openQueue(extra)
  queues.push(queue)
  await queue.registry.add({ id: 'p1', host: printer.host, port: printer.port, dpi: 203 })
  return { printer, queue }
}

const settled = (queue: PrintQueue, id: string) => async () => ['printed', 'failed', 'canceled'].includes((await queue.get(id)).state)

describe('print queue against a fake Zebra printer', () => {
  it('sends the font download once, then each label, byte for byte', async () => {
    const { printer, queue } = await setup()
    const first = (await queue.submit({ printerId: 'p1', label: LABEL })).job
    await waitFor(settled(queue, first.id))
    expect(await queue.get(first.id)).toMatchObject({ state: 'printed', attempts: 1, lastError: null })
    expect(printer.data().toString('latin1')).toBe(STUB_FONT + LABEL)
    expect(printer.received().toString('latin1')).toBe('~HS' + STUB_FONT + LABEL)

    const second = (await queue.submit({ printerId: 'p1', record: { n: 2 } })).job
    await waitFor(settled(queue, second.id))
    expect(printer.data().toString('latin1')).toBe(STUB_FONT + LABEL + '^XA^FO20,20^A@N,40,40,E:LWSANS.TTF^FDlabel 2 at 203^FS^XZ')
    expect(printer.stats.hs).toBe(2)
  })

  it('retries a refused printer with backoff, then fails the job with the reason', async () => {
    const { printer, queue } = await setup({ mode: 'refuse' })
    const { job } = await queue.submit({ printerId: 'p1', label: LABEL })
    await waitFor(settled(queue, job.id))
    const done = await queue.get(job.id)
    expect(done.state).toBe('failed')
    expect(done.attempts).toBe(3)
    expect(done.lastError).toMatch(/ECONNREFUSED.*gave up after 3 attempts/)
    expect(printer.data().length).toBe(0)
  })

  it('retries a printer that accepts and hangs (no ~HS answer), then fails it', async () => {
    const { printer, queue } = await setup({ mode: 'hang' })
    const { job } = await queue.submit({ printerId: 'p1', label: LABEL })
    await waitFor(settled(queue, job.id))
    expect(await queue.get(job.id)).toMatchObject({ state: 'failed', attempts: 3 })
    expect((await queue.get(job.id)).lastError).toMatch(/no ~HS answer within 150 ms.*gave up after 3 attempts/)
    expect(printer.stats.connections).toBe(3)
  })

  it('holds a job while the printer reports paper out, then prints it once', async () => {
    const { printer, queue } = await setup({ mode: 'paper-out' })
    const { job } = await queue.submit({ printerId: 'p1', label: LABEL })
    await waitFor(() => printer.stats.hs >= 4, 5_000, 'several ~HS polls')
    expect(await queue.get(job.id)).toMatchObject({ attempts: 0, lastError: 'held: printer reports paper out' })
    expect(['queued', 'sending']).toContain((await queue.get(job.id)).state)
    expect(printer.data().length).toBe(0)
    await printer.setMode('normal')
    await waitFor(settled(queue, job.id))
    expect((await queue.get(job.id)).state).toBe('printed')
    expect(printer.labels()).toEqual([LABEL])
  })

  it('holds while paused or silent (head open) and never fails a paused printer', async () => {
    const { printer, queue } = await setup({ mode: 'pause' }, { maxAttempts: 100 })
    const { job } = await queue.submit({ printerId: 'p1', label: LABEL })
    await waitFor(() => printer.stats.hs >= 3)
    expect((await queue.get(job.id)).lastError).toBe('held: printer reports paused')
    await printer.setMode('silent')
    await waitFor(async () => /no ~HS answer/.test((await queue.get(job.id)).lastError ?? ''))
    expect(['queued', 'sending']).toContain((await queue.get(job.id)).state)
    expect(printer.data().length).toBe(0)
    await printer.setMode('normal')
    await waitFor(settled(queue, job.id))
    expect(printer.labels()).toEqual([LABEL])
  })

  it('fails a job whose connection breaks mid-label with "may have printed" and does not resend it', async () => {
    const { printer, queue } = await setup({ mode: 'close-mid-write', closeAfterBytes: STUB_FONT.length + 10 })
    const big = `^XA${'^FO10,10^FDxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx^FS'.repeat(20_000)}^XZ`
    const { job } = await queue.submit({ printerId: 'p1', label: big })
    await waitFor(settled(queue, job.id))
    expect(await queue.get(job.id)).toMatchObject({ state: 'failed', attempts: 1 })
    expect((await queue.get(job.id)).lastError).toMatch(/may have printed/)
    expect(printer.stats.connections).toBe(1)
  })

  it('times out a printer that stops reading mid-label and fails the job as "may have printed"', async () => {
    const { printer, queue } = await setup({}, { writeTimeoutMs: 300 })
    const big = `^XA${'^FO10,10^FDstalled printer^FS'.repeat(300_000)}^XZ`
    const { job } = await queue.submit({ printerId: 'p1', label: big })
    await waitFor(() => printer.data().length > 100_000)
    await printer.setMode('hang')
    await waitFor(settled(queue, job.id))
    expect(await queue.get(job.id)).toMatchObject({ state: 'failed', attempts: 1 })
    expect((await queue.get(job.id)).lastError).toMatch(/may have printed .*timed out after 300 ms/)
    expect(printer.stats.connections).toBe(1)
  })

  it('reads a slow printer to the end and still delivers every byte', async () => {
    const { printer, queue } = await setup({ mode: 'slow', slowDelayMs: 2 })
    const big = `^XA${'^FO10,10^FDslow printer^FS'.repeat(3_000)}^XZ`
    const { job } = await queue.submit({ printerId: 'p1', label: big })
    await waitFor(settled(queue, job.id), 10_000)
    expect((await queue.get(job.id)).state).toBe('printed')
    expect(printer.data().toString('latin1')).toBe(STUB_FONT + big)
  })

  it('sends the font again after a printer moved to another address while its font was being written', async () => {
    const bigFont = `~DUE:BIG.TTF,8000000,${'0'.repeat(8_000_000)}`
    const service = { ...stubService(), fontDownloadZpl: () => bigFont }
    const old = await startFakePrinter({ mode: 'slow', slowDelayMs: 5 })
    const moved = await startFakePrinter()
    printers.push(old, moved)
    const queue = await openQueue({ service, writeTimeoutMs: 10_000 })
    queues.push(queue)
    await queue.registry.add({ id: 'p1', host: old.host, port: old.port, dpi: 203 })
    const first = (await queue.submit({ printerId: 'p1', label: LABEL })).job
    await waitFor(() => old.data().length > 0, 5_000, 'the font to start arriving')
    await queue.registry.update('p1', { port: moved.port })
    await waitFor(settled(queue, first.id), 10_000)
    expect(old.data().length).toBe(bigFont.length + LABEL.length)
    const second = (await queue.submit({ printerId: 'p1', label: LABEL })).job
    await waitFor(settled(queue, second.id), 10_000)
    expect(moved.data().toString('latin1')).toBe(bigFont + LABEL)
  })

  it('prints once for the same idempotency key and refuses the key for another request', async () => {
    const { printer, queue } = await setup()
    const a = await queue.submit({ printerId: 'p1', label: LABEL, idempotencyKey: 'order-1' })
    const b = await queue.submit({ printerId: 'p1', label: LABEL, idempotencyKey: 'order-1' })
    expect(a.created).toBe(true)
    expect(b).toMatchObject({ created: false, job: { id: a.job.id } })
    await waitFor(settled(queue, a.job.id))
    const c = await queue.submit({ printerId: 'p1', label: LABEL, idempotencyKey: 'order-1' })
    expect(c.job).toMatchObject({ id: a.job.id, state: 'printed' })
    await expect(queue.submit({ printerId: 'p1', label: LABEL, copies: 2, idempotencyKey: 'order-1' })).rejects.toMatchObject({ code: 'IDEMPOTENCY_CONFLICT' })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(printer.labels()).toEqual([LABEL])
  })

  it('cancels a queued job, and refuses to cancel a printed one', async () => {
    const { printer, queue } = await setup({ mode: 'paper-out' })
    const { job } = await queue.submit({ printerId: 'p1', label: LABEL })
    await waitFor(() => printer.stats.hs >= 1)
    expect((await queue.cancel(job.id)).state).toBe('canceled')
    await printer.setMode('normal')
    const next = (await queue.submit({ printerId: 'p1', label: LABEL })).job
    await waitFor(settled(queue, next.id))
    expect(printer.labels()).toEqual([LABEL])
    await expect(queue.cancel(next.id)).rejects.toThrow(expect.objectContaining({ code: 'JOB_NOT_CANCELABLE' }))
    await expect(queue.cancel('nope')).rejects.toThrow(expect.objectContaining({ code: 'PRINT_JOB_NOT_FOUND' }))
  })

  it('lays a record out at the density the printer reports in ~HI when none is configured', async () => {
    const printer = await startFakePrinter({ dpmm: 12 })
    printers.push(printer)
    const service = stubService()
    const queue = await openQueue({ service })
    queues.push(queue)
    await queue.registry.add({ id: 'p300', host: printer.host, port: printer.port })
    const { job } = await queue.submit({ printerId: 'p300', record: { n: 7 } })
    expect(job.dpi).toBe(300)
    expect(service.requests[0]?.dpi).toBe(300)
    expect((await queue.registry.get('p300')).detectedDpi).toBe(300)
    await waitFor(settled(queue, job.id))
    expect(printer.labels()).toEqual(['^XA^FO20,20^A@N,40,40,E:LWSANS.TTF^FDlabel 7 at 300^FS^XZ'])
  })

  it('says why a record cannot be laid out for a printer whose ~HI gives no usable density, in the refusal and the status', async () => {
    const printer = await startFakePrinter({ dpmm: 6 })
    const silent = await startFakePrinter({ answersHi: false })
    printers.push(printer, silent)
    const queue = await openQueue()
    queues.push(queue)
    await queue.registry.add({ id: 'p150', host: printer.host, port: printer.port })
    await queue.registry.add({ id: 'quiet', host: silent.host, port: silent.port })
    const refusal = /printer "p150" has no configured density and did not report one in ~HI \(~HI reports 6 dots\/mm; labels are laid out at 8 \(203 dpi\) or 12 \(300 dpi\)\)/
    await expect(queue.submit({ printerId: 'p150', record: { n: 1 } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringMatching(refusal) })
    expect(await queue.status('p150')).toMatchObject({ error: null, identification: { dpmm: 6, dpi: undefined }, identificationError: expect.stringContaining('6 dots/mm') })
    await expect(queue.submit({ printerId: 'quiet', record: { n: 1 } })).rejects.toMatchObject({ message: expect.stringMatching(/\(no ~HI answer within \d+ ms\)/) })
    expect(await queue.status('quiet')).toMatchObject({ error: null, identification: null, identificationError: expect.stringMatching(/^no ~HI answer within/) })
  })

  it('prints raw ZPL on a printer with no known density that never answers ~HI', async () => {
    const printer = await startFakePrinter({ answersHi: false })
    printers.push(printer)
    const queue = await openQueue()
    queues.push(queue)
    await queue.registry.add({ id: 'old', host: printer.host, port: printer.port })
    const { job } = await queue.submit({ printerId: 'old', label: LABEL })
    await waitFor(settled(queue, job.id))
    expect(await queue.get(job.id)).toMatchObject({ state: 'printed', attempts: 1, lastError: null })
    expect(printer.labels()).toEqual([LABEL])
  })

  it('refuses unknown and disabled printers and bad raw ZPL', async () => {
    const { queue } = await setup()
    await expect(queue.submit({ printerId: 'nope', label: LABEL })).rejects.toMatchObject({ code: 'PRINTER_NOT_FOUND' })
    await queue.registry.update('p1', { enabled: false })
    await expect(queue.submit({ printerId: 'p1', label: LABEL })).rejects.toMatchObject({ code: 'PRINTER_DISABLED' })
    await queue.registry.update('p1', { enabled: true })
    await expect(queue.submit({ printerId: 'p1', label: `${LABEL}${LABEL}` })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    await expect(queue.submit({ printerId: 'p1' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path: 'record', rule: 'one_of' }] })
  })

  it('waits on close for a status probe in flight, so nothing touches the store after it is closed', async () => {
    const { queue } = await setup({ mode: 'hang' })
    let settledAt = 0
    const status = queue.status('p1').finally(() => { settledAt = Date.now() })
    await new Promise((resolve) => setTimeout(resolve, 20))
    await queue.close()
    const closedAt = Date.now()
    expect(settledAt).toBeGreaterThan(0)
    expect(settledAt).toBeLessThanOrEqual(closedAt)
    expect((await status).error).toMatch(/no ~HS answer/)
  })
})
