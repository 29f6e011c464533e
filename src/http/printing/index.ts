// Printing over HTTP: the routes over the print queue that src/printing/create-printing.ts builds.
import type { FastifyInstance } from 'fastify'
import type { Printing } from '../../printing/create-printing.ts'
import type { ArchivedLabels } from './archived-job.ts'
import { printingRoutes } from './printing-routes.ts'

export { printingRoutes, type PrintingRoutesOptions } from './printing-routes.ts'

/**
 * The printing routes as an app plugin; printing logs through this app's logger unless it has one of its own.
 * `labels` lets print jobs name an archived label.
 */
export function printingPlugin (printing: Printing, labels?: ArchivedLabels): (app: FastifyInstance) => Promise<void> {
  return async (app) => {
    printing.adoptLogger(app.log)
    await printingRoutes(app, { queue: printing.queue, apiKey: printing.apiKeys, labels })
  }
}
