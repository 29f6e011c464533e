// A font download counts as installed only when the connection it went over closed cleanly after the label: a
// printer that drops the connection partway through ~DU has not stored the font, so the next job sends it again.
import { afterEach, describe, expect, it } from 'vitest'
import type { PrintQueue } from '../../src/printing/print-queue.ts'
import { startFakePrinter, type FakePrinter } from '../support/fake-printer.ts'
import { openQueue, stubService, waitFor } from './helpers.ts'

/** The size of the real label font's ~DU, so a cut at 64 KB leaves most of it unsent. */
const BIG_FONT = `~DUE:LWSANS.TTF,152000,${'0A'.repeat(152_000)}`
const LABEL = '^XA^FO50,50^A@N,40,40,E:LWSANS.TTF^FDHello^FS^XZ'

let printers: FakePrinter[] = []
let queues: PrintQueue[] = []
afterEach(async () => {
  for (const q of queues) await q.close()
  for (const p of printers) await p.close()
  printers = []
  queues = []
})

const done = (queue: PrintQueue, id: string) => async () => ['printed', 'failed', 'canceled'].includes((await queue.get(id)).state)

describe('font download', () => {
  it('is sent again before the next job after the printer dropped the connection 64 KB into it', async () => {
    const printer = await startFakePrinter({ mode: 'close-mid-write', closeAfterBytes: 64 * 1024 })
    printers.push(printer)
    const queue = await openQueue({ service: { ...stubService(), fontDownloadZpl: () => BIG_FONT } })
    queues.push(queue)
    await queue.registry.add({ id: 'p1', host: printer.host, port: printer.port, dpi: 203 })

    const cut = (await queue.submit({ printerId: 'p1', label: LABEL })).job
    await waitFor(done(queue, cut.id), 10_000, 'the cut-off job to end')
    expect((await queue.get(cut.id)).state).toBe('failed')

    await printer.setMode('normal')
    printer.reset()
    const next = (await queue.submit({ printerId: 'p1', label: LABEL })).job
    await waitFor(done(queue, next.id), 10_000, 'the next job to end')
    expect((await queue.get(next.id)).state).toBe('printed')
    expect(printer.data().toString('latin1')).toBe(BIG_FONT + LABEL)

    // Written whole and closed cleanly: now it counts, and the job after that goes without it.
    printer.reset()
    const third = (await queue.submit({ printerId: 'p1', label: LABEL })).job
    await waitFor(done(queue, third.id), 10_000, 'the third job to end')
    expect(printer.data().toString('latin1')).toBe(LABEL)
  })
})
