// A held job is tried again every poll; the log hears of it when it becomes held and when it is released, not on
// every poll.
import { afterEach, describe, expect, it } from 'vitest'
import type { PrintQueue, QueueEvent } from '../../src/printing/print-queue.ts'
import { startFakePrinter, type FakePrinter } from '../support/fake-printer.ts'
import { openQueue, waitFor } from './helpers.ts'

const LABEL = '^XA^FO50,50^FDHello^FS^XZ'

let printer: FakePrinter | undefined
let queue: PrintQueue | undefined
afterEach(async () => {
  await queue?.close()
  await printer?.close()
})

describe('held job events', () => {
  it('one held event for many polls, one more when the fault changes, one released when it prints', async () => {
    printer = await startFakePrinter({ mode: 'paper-out' })
    const events: QueueEvent[] = []
    queue = await openQueue({ maxAttempts: 100, faultPollMs: 10, onEvent: (e) => { if (e.type !== 'printed') events.push(e) } })
    await queue.registry.add({ id: 'p1', host: printer.host, port: printer.port, dpi: 203 })
    const { job } = await queue.submit({ printerId: 'p1', label: LABEL })
    await waitFor(() => (printer?.stats.hs ?? 0) >= 8, 5_000, 'eight polls')
    await printer.setMode('pause')
    const polls = printer.stats.hs
    await waitFor(() => (printer?.stats.hs ?? 0) >= polls + 4, 5_000, 'four more polls')
    await printer.setMode('normal')
    await waitFor(async () => (await queue?.get(job.id))?.state === 'printed', 5_000, 'the job to print')
    expect(events.map((e) => `${e.type}: ${e.detail ?? ''}`)).toEqual([
      'held: held: printer reports paper out',
      'held: held: printer reports paused',
      'released: held: printer reports paused'
    ])
  })
})
