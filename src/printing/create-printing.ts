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
  config: Pick<Config, 'dataDir' | 'apiKey' | 'printersFile'>
  service: Pick<LabelService, 'renderZpl' | 'fontDownloadZpl'>
  logger?: PrintingLogger
  queueOptions?: Omit<PrintQueueOptions, 'dataDir' | 'service'>
}

/** The print queue and its lifecycle. */
export interface Printing {
  queue: PrintQueue
  /** The key the printing routes require; printing is disabled while it is unset. */
  apiKey: string | undefined
  /** Printing logs through `logger` from now on, unless it was created with a logger of its own. */
  adoptLogger (logger: PrintingLogger): void
  /** Begins sending (call after the app is built); logs what the restart rule did. */
  start (): void
  close (): Promise<void>
}

/** Opens the queue (applying the restart rule) and loads PRINTERS_FILE; throws ConfigError on a bad file. */
export function createPrinting (options: CreatePrintingOptions): Printing {
  const { config } = options
  // Without a logger of its own, printing logs through the app it is registered on.
  let logger = options.logger
  const log = (event: QueueEvent): void => {
    const fields = { job: event.jobId, printer: event.printerId, detail: event.detail }
    if (event.type === 'failed' || event.type === 'retry' || event.type === 'held' || event.type === 'stalled') logger?.warn(fields, `print job ${event.type}`)
    else logger?.info(fields, `print job ${event.type}`)
    options.queueOptions?.onEvent?.(event)
  }
  const queue = createPrintQueue({ ...options.queueOptions, dataDir: config.dataDir, service: options.service, onEvent: log })
  let loaded: string[] = []
  try {
    if (config.printersFile !== undefined) loaded = queue.registry.loadFile(config.printersFile).map((p) => p.id)
  } catch (err) {
    void queue.close()
    throw err
  }
  return {
    queue,
    apiKey: config.apiKey,
    adoptLogger (appLogger) {
      logger ??= appLogger
    },
    start () {
      if (config.printersFile !== undefined) logger?.info({ file: config.printersFile, printers: loaded }, 'printers loaded')
      if (config.apiKey === undefined) logger?.warn({}, 'printing is disabled until API_KEY is set')
      const { requeued, interrupted } = queue.recovery
      if (requeued.length + interrupted.length > 0) {
        logger?.warn({ requeued, interrupted }, 'print jobs were in flight at the last stop: unsent ones requeued, interrupted ones failed (may have printed)')
      }
      queue.start()
    },
    close: () => queue.close()
  }
}
