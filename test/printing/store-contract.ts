// What every print queue store must do, run against SQLite and against a real PostgreSQL server
// (test/printing/sqlite-store.test.ts, test/printing/postgres-store.test.ts).
import { describe, expect, it } from 'vitest'
import { INTERRUPTED_REASON, type PrinterRecord, type PrintStore } from '../../src/printing/store.ts'

const job = (id: string, key: string | null = null, printerId = 'p') => ({
  id, printerId, zpl: Buffer.from(`^XA^FD${id}^FS^XZ`), dpi: 203 as const, copies: 1, trackingCode: null, idempotencyKey: key, requestHash: 'h'
})

const printer = (id: string, extra: Partial<PrinterRecord> = {}): PrinterRecord => ({
  id, name: id, transport: 'tcp', host: '127.0.0.1', port: 9100, dpi: 203, detectedDpi: null, enabled: true, origin: 'api', createdAt: 1, updatedAt: 1, ...extra
})

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms))

/** The contract; `open` gives a new, empty store each time (two calls on one database share it, for leases). */
export function storeContract (name: string, open: () => Promise<PrintStore>, openShared: () => Promise<[PrintStore, PrintStore]>): void {
  describe(`${name} store contract`, () => {
    it('lets cancel win only before the label write starts, and writing only while not canceled', async () => {
      const store = await open()
      await store.insertJob(job('a'))
      await store.insertJob(job('b'))
      expect(await store.markSending('a')).toBe(true)
      expect(await store.cancel('a')).toBe(true)
      expect(await store.markWriting('a')).toBe(false)
      expect(await store.markSending('b') && await store.markWriting('b')).toBe(true)
      expect(await store.cancel('b')).toBe(false)
      expect(await store.requeue('b', 'x', true)).toBe(false)
      expect(await store.job('b')).toMatchObject({ state: 'sending', phase: 'writing', attempts: 1 })
      await store.close()
    })

    it('keeps jobs in arrival order per printer, refuses a second use of an idempotency key, prunes old finished jobs', async () => {
      const store = await open()
      const first = await store.insertJob(job('first', 'k1'), 500)
      expect(first).toMatchObject({ id: 'first', state: 'queued', idempotencyKey: 'k1', createdAt: 500, zpl: Buffer.from('^XA^FDfirst^FS^XZ') })
      await store.insertJob(job('second'), 600)
      expect(await store.insertJob(job('third', 'k1'))).toBeUndefined()
      expect(await store.job('third')).toBeUndefined()
      expect(await store.nextJob('p')).toMatchObject({ id: 'first' })
      expect(await store.queueStats()).toEqual([{ printerId: 'p', depth: 2, oldestAt: 500 }])
      expect(await store.markSending('first')).toBe(true)
      expect(await store.requeue('first', 'held', false)).toBe(true)
      expect((await store.nextJob('p'))?.id).toBe('first')
      expect(await store.markFailed('first', 'gave up', 1_000)).toBe(true)
      expect((await store.nextJob('p'))?.id).toBe('second')
      expect(await store.depth('p')).toBe(1)
      expect(await store.printersWithWork()).toEqual(['p'])
      expect((await store.jobsOf('p', 10)).map((j) => j.id)).toEqual(['second', 'first'])
      expect(await store.pruneFinished(2_000)).toBe(1)
      expect(await store.jobByKey('k1')).toBeUndefined()
      expect(await store.insertJob(job('fourth', 'k1'))).toMatchObject({ id: 'fourth' })
      await store.close()
    })

    it('stores printers with their transport, fonts and last status', async () => {
      const store = await open()
      await store.putPrinter(printer('b', { enabled: false, dpi: null, detectedDpi: 300 }))
      await store.putPrinter(printer('a'))
      await store.putPrinter(printer('a', { port: 6101, updatedAt: 2 }))
      expect(await store.printers()).toEqual([printer('a', { port: 6101, updatedAt: 2 }), printer('b', { enabled: false, dpi: null, detectedDpi: 300 })])
      expect(await store.deletePrinter('b')).toBe(true)
      expect(await store.printer('b')).toBeUndefined()
      expect(await store.fontHash('a')).toBeUndefined()
      await store.setFontHash('a', 'abc')
      expect(await store.fontHash('a')).toBe('abc')
      await store.clearFontHash('a')
      expect(await store.fontHash('a')).toBeUndefined()
      await store.setStatus({ printerId: 'a', summary: 'paper out', probe: '{"reachable":true}', checkedAt: 5 })
      await store.setStatus({ printerId: 'a', summary: 'ready', probe: '{}', checkedAt: 6 })
      expect(await store.statuses()).toEqual([{ printerId: 'a', summary: 'ready', probe: '{}', checkedAt: 6 }])
      await store.ping()
      await store.close()
    })

    it('gives a printer to one owner at a time; a lapsed lease goes to another, which fails the job being written and requeues the one connecting', async () => {
      const [a, b] = await openShared()
      for (const id of ['writing', 'connecting', 'waiting']) await a.insertJob(job(id))
      expect((await a.claimPrinter('p', 'A', 400)).held).toBe(true)
      expect((await b.claimPrinter('p', 'B', 400)).held).toBe(false)
      expect(await b.leaseHolder('p')).toBe('A')
      expect(await a.markSending('writing') && await a.markWriting('writing', 'A')).toBe(true)
      expect(await a.markSending('connecting')).toBe(true)
      expect(await a.renewLeases('A', 400)).toEqual(['p'])
      // A stops renewing: once its lease runs out, B takes the printer, and A may no longer start writing.
      await sleep(500)
      expect(await b.leaseHolder('p')).toBeUndefined()
      const takeover = await b.claimPrinter('p', 'B', 10_000)
      expect(takeover).toEqual({ held: true, recovered: { requeued: ['connecting'], interrupted: ['writing'] } })
      expect(await a.markWriting('connecting', 'A')).toBe(false)
      expect(await a.renewLeases('A', 400)).toEqual([])
      expect(await b.job('writing')).toMatchObject({ state: 'failed', lastError: INTERRUPTED_REASON })
      expect((await b.nextJob('p'))?.id).toBe('connecting')
      // B's own renewal recovers nothing; after it releases, A may claim again.
      expect(await b.claimPrinter('p', 'B', 10_000)).toEqual({ held: true, recovered: { requeued: [], interrupted: [] } })
      expect(await b.markSending('connecting') && await b.markWriting('connecting', 'B')).toBe(true)
      await b.releasePrinter('p', 'B')
      expect((await a.claimPrinter('p', 'A', 10_000)).held).toBe(true)
      await a.close()
      await b.close()
    })

    it('recovers at start-up only the jobs of printers nobody holds a live lease on', async () => {
      const [a, b] = await openShared()
      await a.insertJob(job('held-job', null, 'held'))
      await a.insertJob(job('orphan', null, 'orphaned'))
      expect((await a.claimPrinter('held', 'A', 10_000)).held).toBe(true)
      expect(await a.markSending('held-job') && await a.markWriting('held-job', 'A')).toBe(true)
      expect(await a.markSending('orphan')).toBe(true)
      expect(await b.recoverInterrupted()).toEqual({ requeued: ['orphan'], interrupted: [] })
      expect(await b.job('held-job')).toMatchObject({ state: 'sending', phase: 'writing' })
      await a.close()
      await b.close()
    })
  })
}
