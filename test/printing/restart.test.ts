// A restart in the middle of a queue: nothing lost, nothing printed twice, and the at-most-once rule for jobs a
// crash left in `sending`.
import { afterEach, describe, expect, it } from 'vitest'
import { createPrintQueue, type PrintQueue } from '../../src/printing/print-queue.ts'
import { INTERRUPTED_REASON, openStore } from '../../src/printing/store.ts'
import { startFakePrinter, type FakePrinter } from '../support/fake-printer.ts'
import { FAST, stubService, tempDir, waitFor } from './helpers.ts'

let printer: FakePrinter | undefined
let queue: PrintQueue | undefined
afterEach(async () => {
  await queue?.close()
  await printer?.close()
  queue = undefined
  printer = undefined
})

const label = (n: number): string => `^XA^FO20,20^FDjob ${String(n).padStart(3, '0')}^FS^XZ`

async function reopen (dataDir: string): Promise<PrintQueue> {
  queue = await createPrintQueue({ dataDir, service: stubService(), ...FAST })
  await queue.start()
  return queue
}

describe('restart', () => {
  it('closing in the middle of a queue and reopening the same database loses no job and prints none twice', async () => {
    printer = await startFakePrinter({ mode: 'slow', slowDelayMs: 3 })
    const dataDir = tempDir()
    const first = await reopen(dataDir)
    first.registry.add({ id: 'p1', host: printer.host, port: printer.port, dpi: 203 })
    const ids: string[] = []
    for (let n = 0; n < 40; n++) ids.push((await first.submit({ printerId: 'p1', label: label(n) })).job.id)
    await waitFor(() => printer!.labels().length >= 5)
    await first.close()
    const before = printer.labels().length
    expect(before).toBeGreaterThanOrEqual(5)
    expect(before).toBeLessThan(40)

    const second = await reopen(dataDir)
    expect(second.recovery).toEqual({ requeued: [], interrupted: [] })
    await waitFor(async () => (await Promise.all(ids.map((id) => second.get(id)))).every((j) => j.state === 'printed'), 10_000, 'all 40 printed')
    expect(printer.labels()).toEqual(Array.from({ length: 40 }, (_, n) => label(n)))
    // The font went once, before the first label only.
    expect(printer.data().toString('latin1').split('~DU').length).toBe(2)
  })

  it('resends a job a crash left before any label byte, and fails (never resends) one left while writing', async () => {
    printer = await startFakePrinter()
    const dataDir = tempDir()
    // What a crash leaves behind: three jobs, the first caught connecting, the second caught writing its label.
    const store = await openStore({ dataDir })
    const base = { dpi: 203 as const, copies: 1, trackingCode: null, idempotencyKey: null, requestHash: 'h' }
    await store.putPrinter({ id: 'p1', name: 'p1', transport: 'tcp', host: printer.host, port: printer.port, dpi: 203, detectedDpi: null, enabled: true, origin: 'api', createdAt: 0, updatedAt: 0 })
    await store.insertJob({ ...base, id: 'connecting', printerId: 'p1', zpl: Buffer.from(label(1)) })
    await store.insertJob({ ...base, id: 'writing', printerId: 'p1', zpl: Buffer.from(label(2)) })
    await store.insertJob({ ...base, id: 'waiting', printerId: 'p1', zpl: Buffer.from(label(3)) })
    expect(await store.markSending('connecting')).toBe(true)
    expect((await store.markSending('writing')) && (await store.markWriting('writing'))).toBe(true)
    await store.close()

    const q = await reopen(dataDir)
    expect(q.recovery).toEqual({ requeued: ['connecting'], interrupted: ['writing'] })
    await waitFor(async () => (await q.get('waiting')).state === 'printed')
    expect((await q.get('connecting')).state).toBe('printed')
    expect(await q.get('writing')).toMatchObject({ state: 'failed', lastError: INTERRUPTED_REASON })
    expect(printer.labels()).toEqual([label(1), label(3)])
    await expect(q.cancel('writing')).rejects.toThrow(expect.objectContaining({ code: 'JOB_NOT_CANCELABLE' }))
  })
})
