import { afterEach, describe, expect, it } from 'vitest'
import { backoffDelay } from '../../src/printing/workers.ts'
import type { PrintQueue } from '../../src/printing/print-queue.ts'
import { startFakePrinter, type FakePrinter } from '../support/fake-printer.ts'
import { openQueue, waitFor } from './helpers.ts'

let printer: FakePrinter | undefined
let queue: PrintQueue | undefined
afterEach(async () => {
  await queue?.close()
  await printer?.close()
})

describe('printer workers', () => {
  it('doubles the backoff per attempt up to the cap, with 50–100 % jitter', () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, 500, 5_000, () => 1))).toEqual([500, 1000, 2000, 4000, 5000, 5000])
    expect(backoffDelay(3, 500, 5_000, () => 0)).toBe(1000)
    expect(backoffDelay(1, 500, 5_000, () => 0.5)).toBe(375)
  })

  it('keeps backing off while new jobs arrive, and keeps the order behind the retried job', async () => {
    printer = await startFakePrinter({ mode: 'refuse' })
    queue = openQueue({ backoffBaseMs: 300, backoffMaxMs: 300, maxAttempts: 3 })
    queue.registry.add({ id: 'p1', host: printer.host, port: printer.port, dpi: 203 })
    const first = (await queue.submit({ printerId: 'p1', label: '^XA^FDfirst^FS^XZ' })).job
    await waitFor(() => queue!.get(first.id).attempts === 1)
    for (let n = 0; n < 5; n++) await queue.submit({ printerId: 'p1', label: `^XA^FDmore ${n}^FS^XZ` })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(queue.get(first.id).attempts).toBe(1)
    await printer.setMode('normal')
    await waitFor(() => queue!.get(first.id).state === 'printed', 3_000)
    await waitFor(() => printer!.labels().length === 6)
    expect(printer.labels()).toEqual(['^XA^FDfirst^FS^XZ', ...[0, 1, 2, 3, 4].map((n) => `^XA^FDmore ${n}^FS^XZ`)])
    expect(queue.get(first.id).attempts).toBe(2)
  })
})
