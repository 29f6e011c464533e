// Two print queues in one process sharing a PostgreSQL database, as two instances would: one sender per printer,
// the order of acceptance kept across instances, and a drain that finishes the label being written and hands the
// printer over at once instead of after the lease runs out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPrintQueue, type PrintQueue } from '../../src/printing/print-queue.ts'
import { startFakePrinter, type FakePrinter } from '../support/fake-printer.ts'
import { POSTGRES_MISSING, startPostgres, type PostgresServer } from '../support/postgres.ts'
import { FAST, stubService, tempDir, waitFor } from './helpers.ts'

let server: PostgresServer | undefined
const closers: (() => Promise<void>)[] = []
beforeAll(async () => {
  if (POSTGRES_MISSING === undefined) server = await startPostgres()
}, 60_000)
afterAll(async () => {
  for (const close of closers.reverse()) await close().catch(() => {})
  await server?.stop()
})

async function instances (url: string, count: number): Promise<PrintQueue[]> {
  const queues: PrintQueue[] = []
  for (let i = 0; i < count; i++) {
    const queue = await createPrintQueue({ dataDir: tempDir(), databaseUrl: url, service: stubService(), ...FAST, leaseMs: 10_000 })
    closers.push(() => queue.close())
    await queue.start()
    queues.push(queue)
  }
  return queues
}

async function printer (options: Parameters<typeof startFakePrinter>[0] = {}): Promise<FakePrinter> {
  const p = await startFakePrinter(options)
  closers.push(() => p.close())
  return p
}

const label = (n: number): string => `^XA^FDjob ${String(n).padStart(3, '0')}^FS^XZ`

describe.skipIf(POSTGRES_MISSING !== undefined)('instances sharing a PostgreSQL queue', () => {
  it('prints jobs accepted by either instance once each, in the order they were accepted', async () => {
    const [a, b] = await instances(await (server as PostgresServer).newDatabase(), 2) as [PrintQueue, PrintQueue]
    const fake = await printer({ mode: 'slow', slowDelayMs: 2 })
    await a.registry.add({ id: 'p1', host: fake.host, port: fake.port, dpi: 203 })
    const ids: string[] = []
    for (let n = 0; n < 60; n++) ids.push((await (n % 2 === 0 ? a : b).submit({ printerId: 'p1', label: label(n), idempotencyKey: `k${n}` })).job.id)
    await waitFor(() => fake.labels().length === 60, 20_000, 'all 60 labels')
    expect(fake.labels()).toEqual(Array.from({ length: 60 }, (_, n) => label(n)))
    // The same key on the other instance answers with the first job.
    expect(await b.submit({ printerId: 'p1', label: label(0), idempotencyKey: 'k0' })).toMatchObject({ created: false, job: { id: ids[0] } })
    // The font went once, whichever instance sent first.
    expect(fake.data().toString('latin1').split('~DU').length).toBe(2)
  })

  it('on close finishes the label being written and releases the printer, which the other instance takes at once', async () => {
    const [a, b] = await instances(await (server as PostgresServer).newDatabase(), 2) as [PrintQueue, PrintQueue]
    const fake = await printer({ mode: 'slow', slowDelayMs: 40 })
    await a.registry.add({ id: 'p1', host: fake.host, port: fake.port, dpi: 203 })
    const ids: string[] = []
    for (let n = 0; n < 10; n++) ids.push((await a.submit({ printerId: 'p1', label: label(n) })).job.id)
    await waitFor(() => fake.labels().length >= 2, 10_000, 'two labels')
    const closing = Date.now()
    await a.close()
    const handedOver = fake.labels().length
    await waitFor(() => fake.labels().length > handedOver, 5_000, 'the other instance to print')
    // Well within the 10 s lease: the printer was released, not left to expire.
    expect(Date.now() - closing).toBeLessThan(5_000)
    await waitFor(async () => (await Promise.all(ids.map((id) => b.get(id)))).every((j) => j.state === 'printed'), 10_000, 'every job printed')
    expect(fake.labels()).toEqual(Array.from({ length: 10 }, (_, n) => label(n)))
  })
})
