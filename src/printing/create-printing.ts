// Printing as one piece for src/server.ts: the queue over the data directory and printers from PRINTERS_FILE (the
// routes are src/http/printing). `start()` begins sending; `close()` lets attempts in flight end and closes the database.
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
  config: Pick<Config, 'dataDir' | 'apiKey' | 'printersFile'> & Partial<Pick<Config, 'printerNetworks' | 'apiKeys'>>
  service: Pick<LabelService, 'renderZpl' | 'fontDownloadZpl'>
  logger?: PrintingLogger
  queueOptions?: Omit<PrintQueueOptions, 'dataDir' | 'service'>
}

/** The print queue and its lifecycle. */
export interface Printing {
  queue: PrintQueue
  /** The keys the printing routes accept (any of them, for rotation); printing is disabled while there is none. */
  apiKeys: readonly string[]
  /** Printing logs through `logger` from now on, unless it was created with a logger of its own. */
  adoptLogger (logger: PrintingLogger): void
  /** Begins sending (call after the app is built); logs what the restart rule did. */
  start (): void
  close (): Promise<void>
}

/** Opens the queue (applying the restart rule) and loads PRINTERS_FILE; throws ConfigError on a bad file. */
export function createPrinting (options: CreatePrintingOptions): Printing {
  const { config } = options
  const keys = config.apiKeys ?? (config.apiKey === undefined ? [] : [config.apiKey])
  // Without a logger of its own, printing logs through the app it is registered on.
  let logger = options.logger
  const log = (event: QueueEvent): void => {
    const fields = { job: event.jobId, printer: event.printerId, detail: event.detail }
    if (event.type === 'failed' || event.type === 'retry' || event.type === 'held' || event.type === 'stalled') logger?.warn(fields, `print job ${event.type}`)
    else logger?.info(fields, event.type === 'released' ? 'print job no longer held' : `print job ${event.type}`)
    options.queueOptions?.onEvent?.(event)
  }
  const queue = createPrintQueue({ printerNetworks: config.printerNetworks, ...options.queueOptions, dataDir: config.dataDir, service: options.service, onEvent: log })
  let loaded: string[] = []
  try {
    if (config.printersFile !== undefined) loaded = queue.registry.loadFile(config.printersFile).map((p) => p.id)
  } catch (err) {
    void queue.close()
    throw err
  }
  return {
    queue,
    apiKeys: keys,
    adoptLogger (appLogger) {
      logger ??= appLogger
    },
    start () {
      if (config.printersFile !== undefined) logger?.info({ file: config.printersFile, printers: loaded }, 'printers loaded')
      if (keys.length === 0) logger?.warn({}, 'printing is disabled until API_KEY (or API_KEYS) is set')
      const { requeued, interrupted } = queue.recovery
      if (requeued.length + interrupted.length > 0) {
        logger?.warn({ requeued, interrupted }, 'print jobs were in flight at the last stop: unsent ones requeued, interrupted ones failed (may have printed)')
      }
      queue.start()
    },
    close: () => queue.close()
  }
}
