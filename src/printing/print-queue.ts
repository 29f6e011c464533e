// The print queue: accepts jobs (rendering records through the LabelService), keeps them in SQLite, and runs one
// worker per printer that sends its jobs in order, one connection at a time; printers run in parallel.
import { randomUUID } from 'node:crypto'
import { ValidationError } from '../errors.ts'
import { checkRecordLimits } from '../records/limits.ts'
import type { LabelService, SourceOption } from '../service/types.ts'
import type { Dpi } from '../units.ts'
import { IdempotencyConflictError, JobNotCancelableError, PrintJobNotFoundError } from './errors.ts'
import { createHostRules } from './printer-host.ts'
import { createPrinterRegistry, printerDpi, type Printer, type PrinterRegistry } from './printer-registry.ts'
import type { QueueEvent } from './queue-event.ts'
import { attemptJob, fontDownload, probePrinter, type SendContext, type SendTimeouts, type StatusProbe } from './sender.ts'
import { openStore, type PrintJob, type PrintStore, type RecoveryReport } from './store.ts'
import { createWorkers } from './workers.ts'
import { checkSingleFormat, requestHash as hashRequest, withCopies } from './zpl-format.ts'

/** Tuning of the queue; every value has a default fit for a warehouse LAN. */
export interface PrintQueueOptions extends Partial<SendTimeouts> {
  dataDir: string
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
}

/** A printer's live status for GET /v1/printers/:id/status. */
export interface PrinterStatusReport extends StatusProbe {
  printerId: string
  queueDepth: number
  /** True when a job was being sent, so the last status seen by the sender is shown instead of a new query. */
  cached: boolean
}

const isUniqueViolation = (err: unknown): boolean => (err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE'

/** Opens the store, applies the restart rule, and returns the queue (call `start()` to begin sending). */
export function createPrintQueue (options: PrintQueueOptions) {
  const timeouts: SendTimeouts = {
    connectTimeoutMs: options.connectTimeoutMs ?? 3_000,
    statusTimeoutMs: options.statusTimeoutMs ?? 3_000,
    writeTimeoutMs: options.writeTimeoutMs ?? 30_000
  }
  const emit = options.onEvent ?? (() => {})
  const store: PrintStore = openStore(options.dataDir, { synchronous: options.synchronous })
  const recovery: RecoveryReport = store.recoverInterrupted()
  store.pruneFinished(Date.now() - (options.retainFinishedDays ?? 30) * 86_400_000)

  const lastProbe = new Map<string, StatusProbe>()
  const hostRules = createHostRules(options.printerNetworks)
  const checkAddress = (address: string): string | undefined => hostRules.checkAddress(address, 'host')?.message
  const registry: PrinterRegistry = createPrinterRegistry(store, (printerId, change) => {
    if (change === 'removed') {
      for (const id of store.queuedIdsOf(printerId)) if (store.cancel(id, 'printer removed')) emit({ type: 'canceled', jobId: id, printerId, detail: 'printer removed' })
    }
    lastProbe.delete(printerId)
    workers.kick(printerId, true)
  }, hostRules)
  const ctx: SendContext = { store, font: fontDownload(options.service.fontDownloadZpl()), timeouts, onProbe: (id, p) => lastProbe.set(id, p), checkAddress }
  const workers = createWorkers({
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

  function get (id: string): PrintJob {
    const job = store.job(id)
    if (job === undefined) throw new PrintJobNotFoundError(id)
    return job
  }

  /** Asks the printer `~HS` and `~HI` on a connection of its own, in turn with the sender; keeps what it learnt. */
  async function probeNow (printer: Printer): Promise<StatusProbe> {
    const probe = await exclusive(printer.id, () => probePrinter(printer, timeouts, checkAddress))
    if (probe.identification?.dpi !== undefined) registry.setDetectedDpi(printer.id, probe.identification.dpi)
    lastProbe.set(printer.id, probe)
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

  return {
    registry,
    recovery,
    /** Begins sending: one worker for every printer with unfinished jobs. */
    start (): void {
      workers.start(store.printersWithWork())
    },
    /** Accepts a job (or returns the job an idempotency key already made); `created` false for a repeat. */
    async submit (request: PrintRequest): Promise<{ job: PrintJob, created: boolean }> {
      const { idempotencyKey, ...rest } = request
      // Before hashing: the hash walks the record recursively, and a record nested thousands deep would overflow it.
      checkRecordLimits(request.record)
      const requestHash = hashRequest(rest)
      const repeat = (): { job: PrintJob, created: boolean } | undefined => {
        const existing = idempotencyKey === undefined ? undefined : store.jobByKey(idempotencyKey)
        if (existing === undefined) return undefined
        if (existing.requestHash !== requestHash) throw new IdempotencyConflictError(idempotencyKey as string, existing.id)
        return { job: existing, created: false }
      }
      const earlier = repeat()
      if (earlier !== undefined) return earlier
      const printer = registry.usable(request.printerId)
      if ((request.record === undefined) === (request.label === undefined)) {
        throw new ValidationError([{ path: 'record', rule: 'one_of', message: 'send exactly one of record (a delivery record to render) or label (one raw ZPL format)' }])
      }
      let zpl: string
      let dpi: Dpi | null = request.dpi ?? printerDpi(printer) ?? null
      let trackingCode: string | null = null
      if (request.label !== undefined) {
        checkSingleFormat(request.label)
        zpl = request.label
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
      let job: PrintJob
      try {
        job = store.insertJob(newJob)
      } catch (err) {
        // Two identical requests raced past the first look; the one that lost answers with the winner's job.
        const winner = isUniqueViolation(err) ? repeat() : undefined
        if (winner !== undefined) return winner
        throw err
      }
      workers.kick(printer.id, false)
      return { job, created: true }
    },
    get,
    /** Cancels a job that has not started writing its label; JOB_NOT_CANCELABLE otherwise. */
    cancel (id: string): PrintJob {
      const job = get(id)
      if (!store.cancel(id)) throw new JobNotCancelableError(id, store.job(id)?.state ?? job.state)
      emit({ type: 'canceled', jobId: id, printerId: job.printerId })
      workers.kick(job.printerId, true)
      return get(id)
    },
    /** Most recent jobs of a printer, newest first. */
    jobsOf (printerId: string, limit = 50): PrintJob[] {
      registry.get(printerId, 'id')
      return store.jobsOf(printerId, limit)
    },
    depth: (printerId: string): number => store.depth(printerId),
    /** Asks the printer now, unless a job is being sent on its one connection: then the sender's last answer. */
    async status (printerId: string): Promise<PrinterStatusReport> {
      const printer = registry.get(printerId, 'id')
      const last = lastProbe.get(printerId)
      if (workers.busy(printerId) && last !== undefined) return { ...last, printerId, queueDepth: store.depth(printerId), cached: true }
      const fresh = await probeNow(printer)
      return { ...fresh, printerId, queueDepth: store.depth(printerId), cached: false }
    },
    /** Stops after the attempts in flight end (bounded by the timeouts); unsent jobs stay queued for the next start. */
    async close (): Promise<void> {
      if (await workers.close()) store.close()
    }
  }
}

/** The print queue's operations. */
export type PrintQueue = ReturnType<typeof createPrintQueue>
