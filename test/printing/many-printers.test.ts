// 20 printers × 50 jobs: every job arrives, in order per printer, with printers served in parallel.
import { afterAll, describe, expect, it } from 'vitest'
import { startFakePrinter, type FakePrinter } from '../support/fake-printer.ts'
import { openQueue, waitFor } from './helpers.ts'

describe('many printers', () => {
  const printers: FakePrinter[] = []
  // 20 printers answer ~HS at once while the rest of the suite runs on 2 cores: the test is about order and
  // delivery, so the status and connect timeouts are generous (a timed-out ~HS would add a retry connection).
  const opened = openQueue({ statusTimeoutMs: 3_000, connectTimeoutMs: 3_000 })
  afterAll(async () => {
    await (await opened).close()
    for (const p of printers) await p.close()
  })

  it('delivers 20 × 50 jobs, each printer receiving its own jobs in submission order', async () => {
    const queue = await opened
    for (let p = 0; p < 20; p++) {
      const printer = await startFakePrinter()
      printers.push(printer)
      await queue.registry.add({ id: `p${p}`, host: printer.host, port: printer.port, dpi: 203 })
    }
    const ids: string[] = []
    // Interleaved, as a warehouse would submit them.
    for (let n = 0; n < 50; n++) {
      for (let p = 0; p < 20; p++) ids.push((await queue.submit({ printerId: `p${p}`, label: `^XA^FDp${p} n${n}^FS^XZ` })).job.id)
    }
    await waitFor(() => printers.every((printer) => printer.labels().length === 50), 30_000, 'all labels')
    await waitFor(async () => (await Promise.all(ids.map((id) => queue.get(id)))).every((j) => j.state === 'printed'))
    printers.forEach((printer, p) => {
      expect(printer.labels()).toEqual(Array.from({ length: 50 }, (_, n) => `^XA^FDp${p} n${n}^FS^XZ`))
      expect(printer.stats.connections).toBe(50)
    })
  })
})
