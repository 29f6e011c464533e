// Printing as one piece for src/server.ts: the queue over its store (DATABASE_URL, else the data directory) and
// printers from PRINTERS_FILE (the routes are src/http/printing). `start()` begins sending; `close()` drains: lets
// attempts in flight end, releases this instance's printers and closes the database.
import type { Config } from '../config.ts'
import type { LabelService } from '../service/types.ts'
import { createPrintQueue, type PrintQueue, type PrintQueueOptions, type QueueEvent } from './print-queue.ts'

/** The logger methods printing uses (Fastify's and pino's fit). */
export interface PrintingLogger {
  info (obj: object, msg: string): void
  warn (obj: object, msg: string): void
}

/** What createPrinting needs; `queueOptions` tunes timeouts, retries and backoff. */
export interface CreatePrintingOptions {
  config: Pick<Config, 'dataDir' | 'apiKey' | 'printersFile'> & Partial<Pick<Config, 'printerNetworks' | 'apiKeys' | 'databaseUrl' | 'printLeaseMs'>>
  service: Pick<LabelService, 'renderZpl' | 'fontDownloadZpl'>
  logger?: PrintingLogger
  queueOptions?: Omit<PrintQueueOptions, 'dataDir' | 'databaseUrl' | 'service'>
}

/** The print queue and its lifecycle. */
export interface Printing {
  queue: PrintQueue
  /** The keys the printing routes accept (any of them, for rotation); printing is disabled while there is none. */
  apiKeys: readonly string[]
  /** Printing logs through `logger` from now on, unless it was created with a logger of its own. */
  adoptLogger (logger: PrintingLogger): void
  /** Begins sending (call after the app is built); logs what the restart rule did. */
  start (): Promise<void>
  close (): Promise<void>
}

/** Opens the queue (applying the restart rule) and loads PRINTERS_FILE; throws ConfigError on a bad file. */
export async function createPrinting (options: CreatePrintingOptions): Promise<Printing> {
  const { config } = options
  const keys = config.apiKeys ?? (config.apiKey === undefined ? [] : [config.apiKey])
  // Without a logger of its own, printing logs through the app it is registered on.
  let logger = options.logger
  const log = (event: QueueEvent): void => {
    const fields = { job: event.jobId, printer: event.printerId, detail: event.detail }
    if (event.type === 'failed' || event.type === 'retry' || event.type === 'held' || event.type === 'stalled' || event.type === 'recovered') logger?.warn(fields, `print job ${event.type}`)
    else logger?.info(fields, event.type === 'released' ? 'print job no longer held' : `print job ${event.type}`)
    options.queueOptions?.onEvent?.(event)
  }
  const queue = await createPrintQueue({
    printerNetworks: config.printerNetworks,
    leaseMs: config.printLeaseMs,
    ...options.queueOptions,
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    service: options.service,
    onEvent: log
  })
  let loaded: string[] = []
  try {
    if (config.printersFile !== undefined) loaded = (await queue.registry.loadFile(config.printersFile)).map((p) => p.id)
  } catch (err) {
    await queue.close()
    throw err
  }
  return {
    queue,
    apiKeys: keys,
    adoptLogger (appLogger) {
      logger ??= appLogger
    },
    async start () {
      if (config.printersFile !== undefined) logger?.info({ file: config.printersFile, printers: loaded }, 'printers loaded')
      if (keys.length === 0) logger?.warn({}, 'printing is disabled until API_KEY (or API_KEYS) is set')
      const { requeued, interrupted } = queue.recovery
      if (requeued.length + interrupted.length > 0) {
        logger?.warn({ requeued, interrupted }, 'print jobs were in flight at the last stop: unsent ones requeued, interrupted ones failed (may have printed)')
      }
      await queue.start()
      logger?.info({ instance: queue.owner, store: queue.kind }, 'print queue started')
    },
    close: () => queue.close()
  }
}
