// Print jobs and the printer admin API, all behind the API key. Clients name printers by id only: no route takes a
// host or port except the admin routes, so no request can make the service dial an address of its choosing.
import type { FastifyInstance } from 'fastify'
import type { PrintQueue } from '../../printing/print-queue.ts'
import type { SourceOption } from '../../service/types.ts'
import { requireApiKey } from '../api-keys.ts'
import { archivedLabelJob, type ArchivedLabels } from './archived-job.ts'
import { PRINTING_DOCS as DOCS } from './printing-docs.ts'
import { removePrinter } from './printer-removal.ts'
import { reprintRequest } from './reprint.ts'
import { IdParams, JobsQuery, PrintJobBody, PrinterInput, PrinterPatch, ReprintBody } from './schemas.ts'
import { jobView, printerView, statusView } from './views.ts'

/** What the printing routes are built from. */
export interface PrintingRoutesOptions {
  /** The queue, and through it the printer registry. */
  queue: PrintQueue
  /** Valid keys (several while rotating); none: every printing route answers 503 PRINTING_DISABLED. */
  apiKey: string | readonly string[] | undefined
  /** The label archive, for jobs that name a label_id; absent when the service keeps no labels. */
  labels?: ArchivedLabels
}

/** Registers /v1/print-jobs and /v1/printers (admin, jobs, status) in their own scope with the key check. */
export async function printingRoutes (app: FastifyInstance, opts: PrintingRoutesOptions): Promise<void> {
  const { queue } = opts
  const { registry } = queue
  await app.register(async (scope) => {
    scope.addHook('onRequest', requireApiKey(opts.apiKey))

    scope.post<{ Body: PrintJobBody }>('/v1/print-jobs', { schema: { body: PrintJobBody }, config: { docs: DOCS.submitJob } }, async (request, reply) => {
      const body = request.body
      const headerKey = request.headers['idempotency-key']
      const idempotencyKey = body.idempotency_key ?? (typeof headerKey === 'string' && headerKey !== '' ? headerKey : undefined)
      const { job, created } = await queue.submit(body.label_id !== undefined
        ? await archivedLabelJob({ ...body, label_id: body.label_id }, queue, opts.labels, idempotencyKey)
        : {
            printerId: body.printer_id,
            record: body.record,
            label: body.label,
            source: body.source as SourceOption | undefined,
            template: body.template,
            dpi: body.dpi,
            strict: body.strict,
            copies: body.copies,
            idempotencyKey
          })
      if (!created) void reply.header('idempotent-replayed', 'true')
      return reply.status(202).header('location', `/v1/print-jobs/${job.id}`).send({ job: jobView(job) })
    })

    scope.get<{ Params: IdParams }>('/v1/print-jobs/:id', { schema: { params: IdParams }, config: { docs: DOCS.getJob } }, async (request) => {
      return { job: jobView(await queue.get(request.params.id)) }
    })

    scope.delete<{ Params: IdParams }>('/v1/print-jobs/:id', { schema: { params: IdParams }, config: { docs: DOCS.cancelJob } }, async (request) => {
      return { job: jobView(await queue.cancel(request.params.id)) }
    })

    scope.post<{ Params: IdParams, Body: ReprintBody }>('/v1/print-jobs/:id/reprint', { schema: { params: IdParams, body: ReprintBody }, config: { docs: DOCS.reprintJob } }, async (request, reply) => {
      const headerKey = request.headers['idempotency-key']
      const { job, created } = await queue.submit(reprintRequest(await queue.get(request.params.id), request.body, typeof headerKey === 'string' && headerKey !== '' ? headerKey : undefined))
      if (!created) void reply.header('idempotent-replayed', 'true')
      return reply.status(202).header('location', `/v1/print-jobs/${job.id}`).send({ job: jobView(job) })
    })

    scope.get('/v1/printers', { config: { docs: DOCS.listPrinters } }, async () => ({
      printers: await Promise.all((await registry.list()).map(async (p) => ({ ...printerView(p), queue_depth: await queue.depth(p.id) })))
    }))

    scope.post<{ Body: PrinterInput }>('/v1/printers', { schema: { body: PrinterInput }, config: { docs: DOCS.addPrinter } }, async (request, reply) => {
      const printer = await registry.add(request.body)
      return reply.status(201).header('location', `/v1/printers/${printer.id}`).send({ printer: printerView(printer) })
    })

    scope.get<{ Params: IdParams }>('/v1/printers/:id', { schema: { params: IdParams }, config: { docs: DOCS.getPrinter } }, async (request) => {
      const printer = await registry.get(request.params.id, 'id')
      return { printer: { ...printerView(printer), queue_depth: await queue.depth(printer.id) } }
    })

    scope.patch<{ Params: IdParams, Body: PrinterPatch }>('/v1/printers/:id', { schema: { params: IdParams, body: PrinterPatch }, config: { docs: DOCS.updatePrinter } }, async (request) => {
      return { printer: printerView(await registry.update(request.params.id, request.body)) }
    })

    scope.delete<{ Params: IdParams }>('/v1/printers/:id', { schema: { params: IdParams }, config: { docs: DOCS.removePrinter } }, async (request) => {
      return { printer: printerView(await removePrinter(queue, request.params.id)) }
    })

    scope.get<{ Params: IdParams, Querystring: JobsQuery }>('/v1/printers/:id/jobs', { schema: { params: IdParams, querystring: JobsQuery }, config: { docs: DOCS.printerJobs } }, async (request) => {
      return { jobs: (await queue.jobsOf(request.params.id, request.query.limit ?? 50)).map(jobView) }
    })

    scope.get<{ Params: IdParams }>('/v1/printers/:id/status', { schema: { params: IdParams }, config: { docs: DOCS.printerStatus } }, async (request) => {
      return { status: statusView(await queue.status(request.params.id)) }
    })
  })
}
