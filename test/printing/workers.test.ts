import { afterEach, describe, expect, it } from 'vitest'
import { backoffDelay, createWorkers } from '../../src/printing/workers.ts'
import type { PrintQueue, QueueEvent } from '../../src/printing/print-queue.ts'
import { openStore, type PrintStore } from '../../src/printing/store.ts'
import { startFakePrinter, type FakePrinter } from '../support/fake-printer.ts'
import { openQueue, tempDir, waitFor } from './helpers.ts'

let printer: FakePrinter | undefined
let queue: PrintQueue | undefined
afterEach(async () => {
  await queue?.close()
  await printer?.close()
})

/** A store with printer p1 and queued jobs `ids`, in order, for driving the workers without a queue. */
async function storeWithJobs (...ids: string[]): Promise<PrintStore> {
  const store = await openStore({ dataDir: tempDir(), synchronous: 'NORMAL' })
  await store.putPrinter({ id: 'p1', name: 'p1', transport: 'tcp', host: '127.0.0.1', port: 9, dpi: 203, detectedDpi: null, enabled: true, origin: 'api', createdAt: 0, updatedAt: 0 })
  for (const id of ids) {
    await store.insertJob({ id, printerId: 'p1', zpl: Buffer.from('^XA^XZ'), dpi: 203, copies: 1, trackingCode: null, idempotencyKey: null, requestHash: id })
  }
  return store
}

/** One instance holding its printers' leases, as over SQLite. */
const LEASES = { owner: 'test-instance', leaseMs: 10_000, scanMs: 0 }

describe('printer workers', () => {
  it('doubles the backoff per attempt up to the cap, with 50–100 % jitter', async () => {
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, 500, 5_000, () => 1))).toEqual([500, 1000, 2000, 4000, 5000, 5000])
    expect(backoffDelay(3, 500, 5_000, () => 0)).toBe(1000)
    expect(backoffDelay(1, 500, 5_000, () => 0.5)).toBe(375)
  })

  it('keeps backing off while new jobs arrive, and keeps the order behind the retried job', async () => {
    printer = await startFakePrinter({ mode: 'refuse' })
    queue = await openQueue({ backoffBaseMs: 300, backoffMaxMs: 300, maxAttempts: 3 })
    await queue.registry.add({ id: 'p1', host: printer.host, port: printer.port, dpi: 203 })
    const first = (await queue.submit({ printerId: 'p1', label: '^XA^FDfirst^FS^XZ' })).job
    await waitFor(async () => (await queue!.get(first.id)).attempts === 1)
    for (let n = 0; n < 5; n++) await queue.submit({ printerId: 'p1', label: `^XA^FDmore ${n}^FS^XZ` })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect((await queue.get(first.id)).attempts).toBe(1)
    await printer.setMode('normal')
    await waitFor(async () => (await queue!.get(first.id)).state === 'printed', 3_000)
    await waitFor(() => printer!.labels().length === 6)
    expect(printer.labels()).toEqual(['^XA^FDfirst^FS^XZ', ...[0, 1, 2, 3, 4].map((n) => `^XA^FDmore ${n}^FS^XZ`)])
    expect((await queue.get(first.id)).attempts).toBe(2)
  })

  it('neither backs off nor reports a retry for a job canceled while its attempt was connecting', async () => {
    const store = await storeWithJobs('a', 'b')
    const events: QueueEvent[] = []
    const attempted: string[] = []
    const workers = createWorkers({
      store,
      // Job a is canceled while "connecting", and its connection then fails: the queue's race, made certain.
      attempt: async (j) => {
        attempted.push(j.id)
        if (!(await store.markSending(j.id))) return { kind: 'canceled' }
        if (j.id === 'a') { await store.cancel('a'); return { kind: 'retry', reason: 'ECONNREFUSED' } }
        await store.markWriting(j.id)
        return { kind: 'printed', writtenAt: Date.now() }
      },
      maxAttempts: 8,
      backoffBaseMs: 10_000,
      backoffMaxMs: 10_000,
      faultPollMs: 10_000,
      random: () => 1,
      emit: (e) => events.push(e),
      ...LEASES
    })
    workers.start(['p1'])
    try {
      await waitFor(async () => (await store.job('b'))?.state === 'printed', 2_000, 'job b printed without waiting out a backoff')
      expect(attempted).toEqual(['a', 'b'])
      expect((await store.job('a'))?.state).toBe('canceled')
      expect(events.map((e) => `${e.type} ${e.jobId}`)).toEqual(['printed b'])
    } finally {
      await workers.close()
      await store.close()
    }
  })

  it('survives a storage error in its loop: reports it, waits a poll interval, then prints', async () => {
    const store = await storeWithJobs('a')
    let failures = 2
    const flaky = {
      ...store,
      nextJob: async (printerId: string) => {
        if (failures-- > 0) throw new Error('SQLITE_BUSY: database is locked')
        return store.nextJob(printerId)
      }
    }
    const events: QueueEvent[] = []
    const workers = createWorkers({
      store: flaky,
      attempt: async (j) => {
        await store.markSending(j.id)
        await store.markWriting(j.id)
        return { kind: 'printed', writtenAt: Date.now() }
      },
      maxAttempts: 8,
      backoffBaseMs: 5,
      backoffMaxMs: 5,
      faultPollMs: 20,
      random: () => 1,
      emit: (e) => events.push(e),
      ...LEASES
    })
    workers.start(['p1'])
    try {
      // Without the guard the first throw is an unhandled rejection, which fails this run.
      await waitFor(() => events.some((e) => e.type === 'stalled'), 2_000, 'the stall to be reported')
      expect(events[0]).toMatchObject({ type: 'stalled', printerId: 'p1', detail: 'SQLITE_BUSY: database is locked' })
      // The store answers again: the next submission's kick finds the job and prints it once.
      await new Promise((resolve) => setTimeout(resolve, 60))
      workers.kick('p1', false)
      await waitFor(async () => (await store.job('a'))?.state === 'printed', 2_000, 'job a printed after the store recovered')
      expect(events.filter((e) => e.type === 'printed')).toHaveLength(1)
    } finally {
      await workers.close()
      await store.close()
    }
  })
})
