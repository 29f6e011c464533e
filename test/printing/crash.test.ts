// A real crash: the queue process is killed while the first label is on the wire. On restart that job must not be
// resent (it may have printed); every other job prints exactly once.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { createPrintQueue } from '../../src/printing/print-queue.ts'
import { INTERRUPTED_REASON } from '../../src/printing/store.ts'
import { startFakePrinter } from '../support/fake-printer.ts'
import { FAST, stubService, tempDir, waitFor } from './helpers.ts'

describe('crash while writing', () => {
  it('fails the label that was on the wire, never resends it, and prints the rest once', async () => {
    const printer = await startFakePrinter()
    const dataDir = tempDir()
    const child = spawn(process.execPath, ['--import', 'tsx', new URL('./fixtures/queue-process.ts', import.meta.url).pathname, dataDir, printer.host, String(printer.port), '5', String(8 * 1024 * 1024)], { stdio: ['ignore', 'pipe', 'inherit'] })
    try {
      await once(createInterface({ input: child.stdout }), 'line')
      // The first label is arriving: stop reading so it stays on the wire, then kill the queue outright.
      await waitFor(() => printer.data().length > 100_000, 15_000, 'the big label to start arriving')
      await printer.setMode('hang')
    } finally {
      child.kill('SIGKILL')
      await once(child, 'exit')
    }
    await printer.setMode('normal')
    expect(printer.labels()).toEqual([])
    expect(printer.partialFormat()).toBe(true)

    const queue = await createPrintQueue({ dataDir, service: stubService(), ...FAST })
    try {
      expect(queue.recovery.interrupted).toHaveLength(1)
      expect(queue.recovery.requeued).toEqual([])
      await queue.start()
      const jobs = async () => (await queue.jobsOf('p1', 10)).reverse()
      // The cut-off format would swallow the next label: the queue holds until an operator clears the printer.
      await waitFor(async () => (await jobs())[1]?.lastError === 'held: printer reports partial format in buffer', 5_000, 'hold on the partial format')
      expect(printer.labels()).toEqual([])
      printer.clearPartialFormat()
      await waitFor(async () => (await jobs()).slice(1).every((j) => j.state === 'printed'), 5_000, 'jobs 1–4 printed')
      expect((await jobs())[0]).toMatchObject({ id: queue.recovery.interrupted[0], state: 'failed', lastError: INTERRUPTED_REASON })
      expect(printer.labels()).toEqual([1, 2, 3, 4].map((n) => `^XA^FDjob ${n}^FS^XZ`))
      // The interrupted label's first bytes arrived once and were never sent again.
      expect(printer.received().toString('latin1').split('^FDjob 0^FS').length).toBe(2)
      // Its idempotency key still answers with the failed job instead of printing again.
      const again = await queue.submit({ printerId: 'p1', label: `^XA^FDjob 0^FS${'^FO10,10^FDfiller^FS'.repeat(Math.ceil(8 * 1024 * 1024 / 20))}^XZ`, idempotencyKey: 'job-0' })
      expect(again).toMatchObject({ created: false, job: { state: 'failed' } })
    } finally {
      await queue.close()
      await printer.close()
    }
  })
})
