// POST /v1/labels: one record in, one label out, as the JSON envelope DashLink returns or as raw bytes.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { LabelService, RenderedLabel, RenderedZpl } from '../../service/types.ts'
import { FONT_DOCS, LABEL_DOCS } from './label-docs.ts'
import { mergeOptions, readQueryOptions, refuseFontDownloadOutsideZpl, splitBody, type LabelOptions } from './label-options.ts'
import { negotiate } from './negotiate.ts'

/** Options of the labels routes. */
export interface LabelRoutesOptions {
  service: LabelService
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

/** Registers POST /v1/labels. */
export async function labelRoutes (app: FastifyInstance, opts: LabelRoutesOptions): Promise<void> {
  const { service } = opts
  const fontDownloadText = service.fontDownloadZpl()
  const fontDownload = Buffer.from(fontDownloadText, 'utf8')

  // Not an async function: a ZPL label is sent before the handler returns, and a promise for Fastify to settle
  // would cost the hot path a microtask and a then-callback per request. PDF and PNG return their promise.
  app.post('/v1/labels', { config: { docs: LABEL_DOCS } }, (request, reply) => {
    const fromQuery = readQueryOptions(request.query as Record<string, unknown>)
    const { record, options: fromBody } = splitBody(request.body)
    const options: LabelOptions = mergeOptions(fromBody, fromQuery)
    const { format, raw } = negotiate(request.headers.accept, options.format)
    const labelRequest = { record, source: options.source, template: options.template, dpi: options.dpi, strict: options.strict }
    if (format === 'zpl') {
      const label = service.renderZpl(labelRequest)
      send(reply, label, raw, options.includeFont === true ? fontDownloadText + label.zpl : label.zpl)
      return
    }
    refuseFontDownloadOutsideZpl(format, [[fromBody, ''], [fromQuery, 'query']])
    return service.render({ ...labelRequest, format }).then((label) => send(reply, label, raw, label.body))
  })

  // The label font as a ready ZPL download, for installing it on a printer once: `curl … | nc printer 9100`.
  app.get('/v1/fonts/label-font.zpl', { config: { docs: FONT_DOCS } }, async (_request, reply) => {
    return reply.type('x-application/zpl; charset=utf-8').send(fontDownload)
  })
}
