// How a label is answered, made now or drawn again from the archive: the JSON envelope DashLink returns, or the raw
// bytes with what we know about the label in headers.
import type { FastifyReply } from 'fastify'
import type { ArchivedOptions } from '../../archive/label-archive.ts'
import type { LabelData } from '../../model/label-data.ts'
import type { RenderedLabel } from '../../service/types.ts'

/** What a label is sent with: the rendered label without its body and data. */
export type LabelFacts = Pick<RenderedLabel, 'format' | 'contentType' | 'trackingCode' | 'source' | 'template' | 'dpi' | 'warnings'>

/** A label made: what it is answered with, and what the archive keeps of it. */
export interface MadeLabel {
  facts: LabelFacts & { data: LabelData }
  body: Buffer | string
  raw: boolean
  options: ArchivedOptions
}

/**
 * The envelope as JSON text, shaped like DashLink's `shipping_label` plus what we know about the label. Built around
 * the base64 label string rather than through JSON.stringify: base64 needs no escaping, and having JSON.stringify
 * scan a label's ~2 KB of it again was most of the envelope's cost.
 */
export function envelopeJson (label: LabelFacts, body: Buffer | string, labelId?: string): string {
  const base64 = (typeof body === 'string' ? Buffer.from(body, 'utf8') : body).toString('base64')
  const rest = JSON.stringify({ tracking_code: label.trackingCode, source: label.source, template: label.template, warnings: label.warnings,
    label_id: labelId })
  return `{"label_format":"${label.format}","label_size":"4x6","print_density":"${label.dpi}dpi","label_string":"${base64}",${rest.slice(1)}`
}

/**
 * Sends a label; `labelId` names it in the archive (X-Label-Id, Location, `label_id`). ZPL travels as the string it
 * was built as: Node writes it to the socket without an intermediate Buffer.
 */
export function sendLabel (reply: FastifyReply, label: LabelFacts, raw: boolean, body: Buffer | string, labelId?: string): FastifyReply {
  void reply.header('x-tracking-code', label.trackingCode).header('x-label-source', label.source).header('x-label-template', label.template)
  if (label.warnings.length > 0) void reply.header('x-label-warnings', String(label.warnings.length))
  if (labelId !== undefined) void reply.header('x-label-id', labelId).header('location', `/v1/labels/${labelId}`)
  if (raw) return reply.type(label.contentType).send(body)
  return reply.type('application/json; charset=utf-8').send(envelopeJson(label, body, labelId))
}
