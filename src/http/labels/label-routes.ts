// POST /v1/labels: one record in, one label out, as the JSON envelope DashLink returns or as raw bytes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { zplFormat } from '../../service/formats/zpl.ts'
import type { LabelService, RenderedLabel, RenderedZpl } from '../../service/types.ts'
import { jsonOf, parseJsonLater } from '../json-body.ts'
import { batchPerTurn } from '../turn-batch.ts'
import { recordToLabel, type GenerateTrackingCode } from '../../request/generated-code.ts'
import { FONT_DOCS, LABEL_DOCS } from './label-docs.ts'
import { mergeOptions, readQueryOptions, refuseFontDownloadOutsideZpl, splitBody, zplTextMode, type LabelOptions } from '../../request/label-options.ts'
import { negotiate } from './negotiate.ts'

/** Options of the labels routes. */
export interface LabelRoutesOptions {
  service: LabelService
  /** Makes tracking codes for `generate_tracking_code`; absent when TRACKING_PREFIX is not set. */
  trackingCodes?: GenerateTrackingCode
}

/** What a label is sent with: the rendered label without its body. */
type LabelFacts = Omit<RenderedLabel, 'body'> | Omit<RenderedZpl, 'zpl'>

/**
 * The envelope as JSON text, shaped like DashLink's `shipping_label` plus what we know about the label. Built around
 * the base64 label string rather than through JSON.stringify: base64 needs no escaping, and having JSON.stringify
 * scan a label's ~2 KB of it again was most of the envelope's cost.
 */
export function envelopeJson (label: LabelFacts, body: Buffer | string): string {
  const base64 = (typeof body === 'string' ? Buffer.from(body, 'utf8') : body).toString('base64')
  const rest = JSON.stringify({ tracking_code: label.trackingCode, source: label.source, template: label.template, warnings: label.warnings })
  return `{"label_format":"${label.format}","label_size":"4x6","print_density":"${label.dpi}dpi","label_string":"${base64}",${rest.slice(1)}`
}

/** ZPL travels as the string it was built as: Node writes it to the socket without an intermediate Buffer. */
function send (reply: FastifyReply, label: LabelFacts, raw: boolean, body: Buffer | string): FastifyReply {
  void reply.header('x-tracking-code', label.trackingCode).header('x-label-source', label.source)
  if (label.warnings.length > 0) void reply.header('x-label-warnings', String(label.warnings.length))
  if (raw) return reply.type(label.contentType).send(body)
  return reply.type('application/json; charset=utf-8').send(envelopeJson(label, body))
}

/** One POST /v1/labels waiting for its turn (see src/http/turn-batch.ts). */
interface LabelJob { request: FastifyRequest, reply: FastifyReply }

/** A ZPL label ready to send; PDF and PNG labels answer through their own promise, so they have none. */
interface ReadyZpl { label: RenderedZpl, raw: boolean, body: string }

/** Registers POST /v1/labels. */
export async function labelRoutes (app: FastifyInstance, opts: LabelRoutesOptions): Promise<void> {
  const { service } = opts
  const fontDownloadText = service.fontDownloadZpl()
  const fontDownload = Buffer.from(fontDownloadText, 'utf8')

  /** Reads the request, makes a ZPL label, or starts a PDF or PNG label that answers when it is drawn. */
  function prepare ({ request, reply }: LabelJob): ReadyZpl | undefined {
    const fromQuery = readQueryOptions(request.query as Record<string, unknown>)
    const { record: sent, options: fromBody } = splitBody(jsonOf(request.body))
    const options: LabelOptions = mergeOptions(fromBody, fromQuery)
    const { format, raw } = negotiate(request.headers.accept, options.format)
    const text = zplTextMode(format, [[fromBody, ''], [fromQuery, 'query']])
    const { record, generated } = recordToLabel(sent, options, opts.trackingCodes)
    const labelRequest = { record, source: options.source, template: options.template, dpi: options.dpi, strict: options.strict, carrierRules: options.carrierRules, text }
    if (format === 'zpl') {
      const label = service.renderZpl(labelRequest)
      if (generated !== undefined) label.warnings.unshift(generated)
      return { label, raw, body: options.includeFont === true ? fontDownloadText + label.zpl : label.zpl }
    }
    refuseFontDownloadOutsideZpl(format, [[fromBody, ''], [fromQuery, 'query']])
    service.render({ ...labelRequest, format }).then((label) => {
      if (generated !== undefined) label.warnings.unshift(generated)
      send(reply, label, raw, label.body)
    }).catch((err: unknown) => { void reply.send(err) })
    return undefined
  }

  // The body is parsed with the rest of the label's work, in its turn: parsing it is a tenth of a raw ZPL request's
  // server time, and it too runs faster back to back.
  parseJsonLater(app)
  const addJob = batchPerTurn<LabelJob, ReadyZpl | undefined>({
    prepare,
    deliver: ({ reply }, ready) => { if (ready !== undefined) send(reply, ready.label, ready.raw, ready.body) },
    fail: ({ reply }, error) => { void reply.send(error) }
  })
  // Not an async function: the reply is sent from the turn's batch, and Fastify would otherwise expect the returned
  // promise to carry it.
  app.post('/v1/labels', { config: { docs: LABEL_DOCS } }, (request, reply) => { addJob({ request, reply }) })

  // The label font as a ready ZPL download, for installing it on a printer once: `curl … | nc printer 9100`.
  app.get('/v1/fonts/label-font.zpl', { config: { docs: FONT_DOCS } }, async (_request, reply) => {
    return reply.type(zplFormat.contentType).send(fontDownload)
  })
}
