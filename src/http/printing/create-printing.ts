// Printing as one piece for src/server.ts: the queue over the data directory, printers from PRINTERS_FILE, and the
// routes. `start()` begins sending; `close()` lets attempts in flight end and closes the database.
import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.ts'
import { createPrintQueue, type PrintQueue, type PrintQueueOptions, type QueueEvent } from '../../printing/print-queue.ts'
import type { LabelService } from '../../service/types.ts'
import { printingRoutes } from './printing-routes.ts'

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

/** The print queue, its routes as an app plugin, and its lifecycle. */
export interface Printing {
  queue: PrintQueue
  plugin: (app: FastifyInstance) => Promise<void>
  start (): void
  close (): Promise<void>
}

/** Opens the queue (applying the restart rule) and loads PRINTERS_FILE; throws ConfigError on a bad file. */
export function createPrinting (options: CreatePrintingOptions): Printing {
  const { config, logger } = options
  const log = (event: QueueEvent): void => {
    const fields = { job: event.jobId, printer: event.printerId, detail: event.detail }
    if (event.type === 'failed' || event.type === 'retry' || event.type === 'held') logger?.warn(fields, `print job ${event.type}`)
    else logger?.info(fields, `print job ${event.type}`)
    options.queueOptions?.onEvent?.(event)
  }
  const queue = createPrintQueue({ ...options.queueOptions, dataDir: config.dataDir, service: options.service, onEvent: log })
  try {
    if (config.printersFile !== undefined) {
      const loaded = queue.registry.loadFile(config.printersFile)
      logger?.info({ file: config.printersFile, printers: loaded.map((p) => p.id) }, 'printers loaded')
    }
  } catch (err) {
    void queue.close()
    throw err
  }
  const { requeued, interrupted } = queue.recovery
  if (requeued.length + interrupted.length > 0) logger?.warn({ requeued, interrupted }, 'print jobs found in flight at start-up: unsent ones requeued, interrupted ones failed (may have printed)')
  return {
    queue,
    plugin: (app) => printingRoutes(app, { queue, registry: queue.registry, apiKey: config.apiKey }),
    start: () => queue.start(),
    close: () => queue.close()
  }
}
