// The print queue: accepts jobs (rendering records through the LabelService), keeps them in the store (SQLite, or
// PostgreSQL shared by several instances), and runs one worker per printer whose lease this instance holds, which
// sends its jobs in order, one connection at a time; printers run in parallel.
import { randomUUID } from 'node:crypto'
import { ValidationError } from '../errors.ts'
import { checkRecordLimits } from '../records/limits.ts'
import type { LabelService, SourceOption } from '../service/types.ts'
import type { Dpi } from '../units.ts'
import { IdempotencyConflictError, JobNotCancelableError, PrintJobNotFoundError } from './errors.ts'
import { createHostRules } from './printer-host.ts'
import { createPrinterRegistry, printerDpi, type Printer, type PrinterRegistry } from './printer-registry.ts'
import { createStatusBook } from './printer-status.ts'
import type { QueueEvent } from './queue-event.ts'
import { attemptJob, fontDownload, probePrinter, type SendContext, type SendTimeouts, type StatusProbe } from './sender.ts'
import { openStore, type PrintJob, type PrintStore, type QueueStat, type RecoveryReport, type StoredStatus } from './store.ts'
import { createWorkers } from './workers.ts'
import { checkSingleFormat, requestHash as hashRequest, withCopies } from './zpl-format.ts'

/** Tuning of the queue; every value has a default fit for a warehouse LAN. */
export interface PrintQueueOptions extends Partial<SendTimeouts> {
  dataDir: string
  /** postgres://… to share the queue with other instances; unset: SQLite in dataDir. */
  databaseUrl?: string
  /** A printer whose instance stopped is taken over by another within about this long (PostgreSQL). */
  leaseMs?: number
  service: Pick<LabelService, 'renderZpl' | 'fontDownloadZpl'>
  /** Attempts that fail before any label byte is written (refused, timed out, no `~HS` answer) before `failed`. */
  maxAttempts?: number
  backoffBaseMs?: number
  backoffMaxMs?: number
  /** How often a printer reporting a fault (paper out, pause, head up…) is asked again. */
  faultPollMs?: number
  /** SQLite durability; FULL (default) survives power loss, NORMAL only a process crash. */
  synchronous?: 'FULL' | 'NORMAL'
  /** Finished jobs (and their idempotency keys) are kept this many days, then deleted at start-up. */
  retainFinishedDays?: number
  random?: () => number
  onEvent?: (event: QueueEvent) => void
  /** CIDR blocks printers may be on (PRINTER_NETWORKS); empty or unset: any address a printer can have. */
  printerNetworks?: readonly string[]
}

export type { QueueEvent } from './queue-event.ts'

/** A print request: a record to render or one raw ZPL format, for a printer id. */
export interface PrintRequest {
  printerId: string
  record?: unknown
  label?: string
  source?: SourceOption
  template?: string
  dpi?: Dpi
  strict?: boolean
  copies?: number
  idempotencyKey?: string
  /** The tracking code of a ready `label` whose maker knows it (an archived label drawn again); a record's is read from it. */
  trackingCode?: string
}

/** A printer's live status for GET /v1/printers/:id/status. */
export interface PrinterStatusReport extends StatusProbe {
  printerId: string
  queueDepth: number
  /** True when a job was being sent, so the last status seen by the sender is shown instead of a new query. */
  cached: boolean
}

/** Opens the store, applies the restart rule, and returns the queue (call `start()` to begin sending). */
export async function createPrintQueue (options: PrintQueueOptions) {
  const timeouts: SendTimeouts = {
    connectTimeoutMs: options.connectTimeoutMs ?? 3_000,
    statusTimeoutMs: options.statusTimeoutMs ?? 3_000,
    writeTimeoutMs: options.writeTimeoutMs ?? 30_000
  }
  const emit = options.onEvent ?? (() => {})
  const store: PrintStore = await openStore(options)
  let recovery: RecoveryReport
  try {
    recovery = await store.recoverInterrupted()
    await store.pruneFinished(Date.now() - (options.retainFinishedDays ?? 30) * 86_400_000)
  } catch (err) {
    await store.close()
    throw err
  }
  const owner = randomUUID()
  const statusBook = createStatusBook(store, (printerId, err) => emit({ type: 'stalled', printerId, detail: `status not stored: ${(err as Error).message}` }))
  const hostRules = createHostRules(options.printerNetworks)
  const checkAddress = (address: string): string | undefined => hostRules.checkAddress(address, 'host')?.message
  const registry: PrinterRegistry = createPrinterRegistry(store, async (printerId, change) => {
    if (change === 'removed') {
      for (const id of await store.queuedIdsOf(printerId)) if (await store.cancel(id, 'printer removed')) emit({ type: 'canceled', jobId: id, printerId, detail: 'printer removed' })
    }
    statusBook.forget(printerId)
    workers.kick(printerId, true)
  }, hostRules)
  const ctx: SendContext = { store, font: fontDownload(options.service.fontDownloadZpl()), timeouts, onProbe: statusBook.record, checkAddress, owner }
  const shared = store.kind === 'postgres'
  const leaseMs = options.leaseMs ?? 10_000
  const workers = createWorkers({
    owner,
    leaseMs,
    // Several instances: look for printers nobody holds (an instance died) often enough to take over well within a lease.
    scanMs: shared ? Math.max(100, Math.min(2_000, Math.floor(leaseMs / 5))) : 0,
    store,
    attempt: (job, printer) => attemptJob(ctx, job, printer),
    maxAttempts: options.maxAttempts ?? 8,
    backoffBaseMs: options.backoffBaseMs ?? 500,
    backoffMaxMs: options.backoffMaxMs ?? 30_000,
    faultPollMs: options.faultPollMs ?? 2_000,
    random: options.random ?? Math.random,
    emit
  })
  const exclusive = workers.exclusive

  async function get (id: string): Promise<PrintJob> {
    const job = await store.job(id)
    if (job === undefined) throw new PrintJobNotFoundError(id)
    return job
  }

  /** Asks the printer `~HS` and `~HI` on a connection of its own, in turn with the sender; keeps what it learnt. */
  async function probeNow (printer: Printer): Promise<StatusProbe> {
    const probe = await exclusive(printer.id, () => probePrinter(printer, timeouts, checkAddress))
    if (probe.identification?.dpi !== undefined) await registry.setDetectedDpi(printer.id, probe.identification.dpi)
    statusBook.record(printer.id, probe)
    return probe
  }

  async function densityFor (printer: Printer, request: PrintRequest): Promise<Dpi> {
    const known = request.dpi ?? printerDpi(printer)
    if (known !== undefined) return known
    const probe = await probeNow(printer)
    const detected = probe.identification?.dpi
    if (detected === undefined) {
      throw new ValidationError([{ path: 'dpi', rule: 'required', message: `printer "${printer.id}" has no configured density and did not report one in ~HI (${probe.identificationError ?? probe.error ?? 'unknown density'}); give dpi 203 or 300` }])
    }
    return detected
  }

  let stopListening: (() => Promise<void>) | undefined

  return {
    registry,
    recovery,
    /** The store's kind, and this instance's id in the printer leases. */
    kind: store.kind,
    owner,
    /** Begins sending: one worker for every printer with unfinished jobs; other instances' new jobs wake it too. */
    async start (): Promise<void> {
      stopListening = await store.onNewJob((printerId) => workers.kick(printerId, false))
      workers.start(await store.printersWithWork())
    },
    /** Accepts a job (or returns the job an idempotency key already made); `created` false for a repeat. */
    async submit (request: PrintRequest): Promise<{ job: PrintJob, created: boolean }> {
      const { idempotencyKey, ...rest } = request
      // Before hashing: the hash walks the record recursively, and a record nested thousands deep would overflow it.
      checkRecordLimits(request.record)
      const requestHash = hashRequest(rest)
      const repeat = async (): Promise<{ job: PrintJob, created: boolean } | undefined> => {
        const existing = idempotencyKey === undefined ? undefined : await store.jobByKey(idempotencyKey)
        if (existing === undefined) return undefined
        if (existing.requestHash !== requestHash) throw new IdempotencyConflictError(idempotencyKey as string, existing.id)
        return { job: existing, created: false }
      }
      const earlier = await repeat()
      if (earlier !== undefined) return earlier
      const printer = await registry.usable(request.printerId)
      if ((request.record === undefined) === (request.label === undefined)) {
        throw new ValidationError([{ path: 'record', rule: 'one_of', message: 'send exactly one of record (a delivery record to render) or label (one raw ZPL format)' }])
      }
      let zpl: string
      let dpi: Dpi | null = request.dpi ?? printerDpi(printer) ?? null
      let trackingCode: string | null
      if (request.label !== undefined) {
        checkSingleFormat(request.label)
        zpl = request.label
        trackingCode = request.trackingCode ?? null
      } else {
        dpi = await densityFor(printer, request)
        // The queue installs the label font on its printers before their first label, so it prints text in it (a
        // tenth of the bytes of graphic text); text in other scripts still goes as graphics.
        const rendered = options.service.renderZpl({ record: request.record, source: request.source, template: request.template, dpi, strict: request.strict, text: 'font' })
        zpl = rendered.zpl
        trackingCode = rendered.trackingCode
      }
      zpl = withCopies(zpl, request.copies ?? 1)
      const newJob = { id: randomUUID(), printerId: printer.id, zpl: Buffer.from(zpl, 'utf8'), dpi, copies: request.copies ?? 1, trackingCode, idempotencyKey: idempotencyKey ?? null, requestHash }
      const job = await store.insertJob(newJob)
      // Two requests with one key raced past the first look (on any instance); the one that lost answers with the winner's job.
      if (job === undefined) return await repeat() as { job: PrintJob, created: boolean }
      workers.kick(printer.id, false)
      return { job, created: true }
    },
    get,
    /** Cancels a job that has not started writing its label; JOB_NOT_CANCELABLE otherwise. */
    async cancel (id: string): Promise<PrintJob> {
      const job = await get(id)
      if (!await store.cancel(id)) throw new JobNotCancelableError(id, (await store.job(id))?.state ?? job.state)
      emit({ type: 'canceled', jobId: id, printerId: job.printerId })
      workers.kick(job.printerId, true)
      return get(id)
    },
    /** Most recent jobs of a printer, newest first. */
    async jobsOf (printerId: string, limit = 50): Promise<PrintJob[]> {
      await registry.get(printerId, 'id')
      return store.jobsOf(printerId, limit)
    },
    depth: (printerId: string): Promise<number> => store.depth(printerId),
    /**
     * Asks the printer now, unless its one connection is in use: by this instance's sender (then the sender's last
     * answer), or by another instance that holds the printer (then the last answer that instance stored).
     */
    async status (printerId: string): Promise<PrinterStatusReport> {
      const printer = await registry.get(printerId, 'id')
      const last = statusBook.seen(printerId)
      if (workers.busy(printerId) && last !== undefined) return { ...last, printerId, queueDepth: await store.depth(printerId), cached: true }
      const holder = workers.holds(printerId) ? owner : await store.leaseHolder(printerId)
      const stored = holder !== undefined && holder !== owner ? await statusBook.stored(printerId) : undefined
      if (stored !== undefined) return { ...stored, printerId, queueDepth: await store.depth(printerId), cached: true }
      const fresh = await probeNow(printer)
      return { ...fresh, printerId, queueDepth: await store.depth(printerId), cached: false }
    },
    /** Per printer with unfinished jobs: depth and the oldest one's arrival (for the metrics). */
    queueStats: (): Promise<QueueStat[]> => store.queueStats(),
    /** The last status every printer reported to any instance (for the metrics). */
    printerStatuses: (): Promise<StoredStatus[]> => store.statuses(),
    /** Throws while the store cannot be reached (readiness). */
    ping: (): Promise<void> => store.ping(),
    /**
     * Drains: takes no more printers, lets the attempts in flight end (bounded by the timeouts), releases its
     * leases so other instances take its printers at once, and closes the store; unsent jobs stay queued.
     */
    async close (): Promise<void> {
      if (!await workers.close()) return
      await stopListening?.()
      await store.close()
    }
  }
}

/** The print queue's operations. */
export type PrintQueue = Awaited<ReturnType<typeof createPrintQueue>>
