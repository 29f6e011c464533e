// One worker loop per printer: takes the printer's oldest queued job, makes an attempt, and applies the outcome —
// printed, failed, held (poll again), or retry with exponential backoff and jitter up to the attempt limit.
// Workers of different printers run in parallel; each printer has one connection at a time (`exclusive`). A loop
// runs only while this instance holds the printer's lease in the store, so of several instances sharing a queue
// exactly one sends to a printer; it renews its leases on a heartbeat and releases a printer when its queue is empty.
import type { Printer } from './printer-registry.ts'
import type { QueueEvent } from './queue-event.ts'
import type { Outcome } from './sender.ts'
import type { PrintJob, PrintStore, RecoveryReport } from './store.ts'

/** What the workers need; the numbers are the queue's retry and polling settings. */
export interface WorkerOptions {
  store: PrintStore
  attempt: (job: PrintJob, printer: Printer) => Promise<Outcome>
  maxAttempts: number
  backoffBaseMs: number
  backoffMaxMs: number
  faultPollMs: number
  random: () => number
  emit: (event: QueueEvent) => void
  /** This instance's id in the printer leases. */
  owner: string
  /** How long a lease lasts unless renewed: the longest a dead instance's printers wait for another to take them. */
  leaseMs: number
  /** How often to look for printers with work that nobody holds (0: never; one embedded instance needs no look). */
  scanMs: number
}

/** Delay before attempt `attempts + 1`: base·2^(attempts−1) capped, times 0.5–1 ("equal jitter"). */
export function backoffDelay (attempts: number, baseMs: number, maxMs: number, random: () => number): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempts - 1))
  return Math.round(ceiling * (0.5 + random() / 2))
}

export function createWorkers (o: WorkerOptions) {
  const { store, emit, owner } = o
  const running = new Map<string, Promise<void>>()
  const wakers = new Map<string, () => void>()
  const locks = new Map<string, Promise<void>>()
  /** Printers whose lease this instance holds now, and those whose lease it found lost at a renewal. */
  const leased = new Set<string>()
  const lost = new Set<string>()
  let started = false
  let closing = false
  let timers: NodeJS.Timeout[] = []

  // A sleep that a cancel, a printer change, a lost lease or close cuts short (new jobs do not: they must not skip a backoff).
  const sleep = (printerId: string, ms: number): Promise<void> => new Promise((resolve) => {
    const timer = setTimeout(done, ms)
    function done (): void { clearTimeout(timer); wakers.delete(printerId); resolve() }
    wakers.set(printerId, done)
  })

  function exclusive<T> (printerId: string, fn: () => Promise<T>): Promise<T> {
    const run = (locks.get(printerId) ?? Promise.resolve()).then(fn)
    const tail = run.then(() => {}, () => {})
    locks.set(printerId, tail)
    void tail.then(() => { if (locks.get(printerId) === tail) locks.delete(printerId) })
    return run
  }

  // The job each printer holds now and the fault it is held for: a held job is tried again every faultPollMs, and
  // only a change is worth a log line. Keyed by printer (one job is sent at a time), so a held job canceled while
  // it waited leaves nothing behind once the printer moves on.
  const held = new Map<string, { jobId: string, reason: string }>()

  async function settle (job: PrintJob, printerId: string, outcome: Outcome): Promise<void> {
    const before = held.get(printerId)
    const wasHeld = before?.jobId === job.id ? before.reason : undefined
    if (before !== undefined && (wasHeld === undefined || outcome.kind !== 'held')) held.delete(printerId)
    if (wasHeld !== undefined && outcome.kind !== 'held') emit({ type: 'released', jobId: job.id, printerId, detail: wasHeld })
    if (outcome.kind === 'printed') {
      await store.markPrinted(job.id, outcome.writtenAt)
      emit({ type: 'printed', jobId: job.id, printerId })
    } else if (outcome.kind === 'failed') {
      await store.markFailed(job.id, outcome.reason)
      emit({ type: 'failed', jobId: job.id, printerId, detail: outcome.reason })
    } else if (outcome.kind === 'lost') {
      lost.add(printerId)
    } else if (outcome.kind === 'held') {
      // A fault the printer reports (paper out, pause, head up…) holds without using up attempts. A job that is
      // not requeued was canceled during the attempt: nothing to report or wait for.
      if (!await store.requeue(job.id, outcome.reason, false)) {
        held.delete(printerId)
        return
      }
      held.set(printerId, { jobId: job.id, reason: outcome.reason })
      if (wasHeld !== outcome.reason) emit({ type: 'held', jobId: job.id, printerId, detail: outcome.reason })
      await sleep(printerId, o.faultPollMs)
    } else if (outcome.kind === 'retry') {
      if (!await store.requeue(job.id, outcome.reason, true)) return
      const attempts = job.attempts + 1
      if (attempts >= o.maxAttempts) {
        const reason = `${outcome.reason}; gave up after ${attempts} attempts`
        await store.markFailed(job.id, reason)
        emit({ type: 'failed', jobId: job.id, printerId, detail: reason })
      } else {
        emit({ type: 'retry', jobId: job.id, printerId, detail: outcome.reason })
        await sleep(printerId, backoffDelay(attempts, o.backoffBaseMs, o.backoffMaxMs, o.random))
      }
    }
  }

  async function work (printerId: string): Promise<void> {
    while (!closing && !lost.has(printerId)) {
      const job = await store.nextJob(printerId)
      if (job === undefined) return
      const printer = await store.printer(printerId)
      if (printer === undefined) { await store.cancel(job.id, 'printer removed'); continue }
      if (!printer.enabled) { await sleep(printerId, o.faultPollMs); continue }
      await settle(job, printerId, await exclusive(printerId, () => o.attempt(job, printer)))
    }
  }

  function reportRecovery (printerId: string, report: RecoveryReport): void {
    for (const jobId of report.interrupted) emit({ type: 'recovered', jobId, printerId, detail: 'failed: was being written when its instance stopped (may have printed)' })
    for (const jobId of report.requeued) emit({ type: 'recovered', jobId, printerId, detail: 'requeued: its instance stopped before writing it' })
  }

  /** Runs the printer's loop while holding its lease; true when it held the lease (so new work may have come since). */
  async function leaseAndWork (printerId: string): Promise<boolean> {
    const claim = await store.claimPrinter(printerId, owner, o.leaseMs)
    if (!claim.held) return false
    leased.add(printerId)
    lost.delete(printerId)
    try {
      reportRecovery(printerId, claim.recovered)
      await work(printerId)
    } finally {
      leased.delete(printerId)
      if (!lost.delete(printerId)) await store.releasePrinter(printerId, owner)
    }
    return true
  }

  // A storage failure (disk full, database unreachable or closed) must not take the service down as an unhandled
  // rejection: the printer's loop says why it stopped and waits a poll interval before it looks again.
  function stalled (printerId: string, err: unknown): void {
    emit({ type: 'stalled', printerId, detail: err instanceof Error ? err.message : String(err) })
  }

  /** Starts the printer's loop if it is idle; `wake` also ends a hold or backoff sleep early. */
  function kick (printerId: string, wake: boolean): void {
    if (wake) wakers.get(printerId)?.()
    if (!started || closing || running.has(printerId)) return
    let worked = false
    const loop = leaseAndWork(printerId)
      .then((held) => { worked = held })
      .catch(async (err: unknown) => {
        worked = true
        stalled(printerId, err)
        await sleep(printerId, o.faultPollMs)
      })
      .finally(() => {
        running.delete(printerId)
        // A job may have arrived after the loop's last look; a printer another instance holds is its to send.
        if (closing || !worked) return
        store.nextJob(printerId).then((next) => { if (next !== undefined) kick(printerId, false) }, (err: unknown) => stalled(printerId, err))
      })
    running.set(printerId, loop)
  }

  async function renew (): Promise<void> {
    const still = new Set(await store.renewLeases(owner, o.leaseMs))
    for (const printerId of leased) {
      if (still.has(printerId)) continue
      lost.add(printerId)
      wakers.get(printerId)?.()
      emit({ type: 'stalled', printerId, detail: 'lost the printer\'s lease (the store was unreachable for longer than the lease); another instance may take it over' })
    }
  }

  async function scan (): Promise<void> {
    for (const printerId of await store.printersWithWork()) kick(printerId, false)
  }

  const every = (ms: number, fn: () => Promise<void>): NodeJS.Timeout => setInterval(() => { fn().catch((err: unknown) => stalled('*', err)) }, ms).unref()

  return {
    /** One connection per printer at a time: the sender, the status endpoint and density detection take turns. */
    exclusive,
    kick,
    busy: (printerId: string): boolean => locks.has(printerId),
    /** Whether this instance holds the printer's lease now. */
    holds: (printerId: string): boolean => leased.has(printerId),
    start (printerIds: string[]): void {
      if (started) return
      started = true
      timers = [every(Math.max(50, Math.floor(o.leaseMs / 3)), renew)]
      if (o.scanMs > 0) timers.push(every(o.scanMs, scan))
      for (const id of printerIds) kick(id, false)
    },
    /**
     * Stops taking printers, ends sleeps and waits for attempts in flight (a label being written is finished) and
     * for every other turn on a printer's connection (status probes, density detection), which the store may still
     * be written by; each loop releases its lease as it ends. False when already closed.
     */
    async close (): Promise<boolean> {
      if (closing) return false
      closing = true
      for (const wake of [...wakers.values()]) wake()
      await Promise.allSettled([...running.values(), ...locks.values()])
      for (const timer of timers) clearInterval(timer)
      return true
    }
  }
}
