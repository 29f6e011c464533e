// POST /v1/labels: one record in, one label out, as the JSON envelope DashLink returns or as raw bytes. With the
// archive on, every label made is kept by a label id the answer carries (see src/archive).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { newLabelId, type ArchivedOptions, type LabelArchive } from '../../archive/label-archive.ts'
import { zplFormat } from '../../service/formats/zpl.ts'
import type { LabelService, OutputFormat } from '../../service/types.ts'
import { jsonOf, parseJsonLater } from '../json-body.ts'
import { batchPerTurn } from '../turn-batch.ts'
import { recordToLabel, type GenerateTrackingCode } from '../../request/generated-code.ts'
import { archivedOf } from './archived-label.ts'
import { idempotencyKeyOf, idempotentLabel } from './idempotent-label.ts'
import { sendLabel, type MadeLabel } from './label-answer.ts'
import { FONT_DOCS, LABEL_DOCS } from './label-docs.ts'
import { mergeOptions, readQueryOptions, refuseFontDownloadOutsideZpl, splitBody, zplTextMode, type LabelOptions } from '../../request/label-options.ts'
import { negotiate } from './negotiate.ts'

export { envelopeJson } from './label-answer.ts'

/** Options of the labels routes. */
export interface LabelRoutesOptions {
  service: LabelService
  /** Makes tracking codes for `generate_tracking_code`; absent when TRACKING_PREFIX is not set. */
  trackingCodes?: GenerateTrackingCode
  /** Where labels are kept; absent when LABEL_ARCHIVE is false. */
  archive?: LabelArchive
}

/** One POST /v1/labels waiting for its turn (see src/http/turn-batch.ts). */
interface LabelJob { request: FastifyRequest, reply: FastifyReply }

/** A ZPL label ready to send; PDF and PNG labels answer through their own promise, so they have none. */
interface ReadyZpl { made: MadeLabel, labelId?: string }

/** Registers POST /v1/labels. */
export async function labelRoutes (app: FastifyInstance, opts: LabelRoutesOptions): Promise<void> {
  const { service, archive } = opts
  const fontDownloadText = service.fontDownloadZpl()
  const fontDownload = Buffer.from(fontDownloadText, 'utf8')

  /** Reads a request: what to make and how to answer it. */
  function read (request: FastifyRequest) {
    const fromQuery = readQueryOptions(request.query as Record<string, unknown>)
    const { record: sent, options: fromBody } = splitBody(jsonOf(request.body))
    const options: LabelOptions = mergeOptions(fromBody, fromQuery)
    const { format, raw } = negotiate(request.headers.accept, options.format)
    const text = zplTextMode(format, [[fromBody, ''], [fromQuery, 'query']])
    if (format !== 'zpl') refuseFontDownloadOutsideZpl(format, [[fromBody, ''], [fromQuery, 'query']])
    const { record, generated } = recordToLabel(sent, options, opts.trackingCodes)
    const labelRequest = { record, source: options.source, template: options.template, dpi: options.dpi, strict: options.strict,
      carrierRules: options.carrierRules, text }
    return { labelRequest, format, raw, generated, includeFont: options.includeFont === true, keep: archive !== undefined && options.store !== false }
  }
  type Read = ReturnType<typeof read>

  const optionsOf = (r: Read, label: { template: string, dpi: ArchivedOptions['dpi'] }, format: OutputFormat): ArchivedOptions =>
    ({ template: label.template, format, dpi: label.dpi, text: r.labelRequest.text, includeFont: format === 'zpl' && r.includeFont ? true : undefined })

  function makeZpl (r: Read): MadeLabel {
    const { zpl, ...facts } = service.renderZpl(r.labelRequest)
    if (r.generated !== undefined) facts.warnings.unshift(r.generated)
    return { facts, body: r.includeFont ? fontDownloadText + zpl : zpl, raw: r.raw, options: optionsOf(r, facts, 'zpl') }
  }

  async function make (r: Read): Promise<MadeLabel> {
    if (r.format === 'zpl') return makeZpl(r)
    const { body, ...facts } = await service.render({ ...r.labelRequest, format: r.format })
    if (r.generated !== undefined) facts.warnings.unshift(r.generated)
    return { facts, body, raw: r.raw, options: optionsOf(r, facts, r.format) }
  }

  /** Gives a label its id and hands it to the archive; the answer does not wait for the write. */
  function keep (made: MadeLabel, request: FastifyRequest): string {
    const labelId = newLabelId()
    // The write settles after the answer has gone; holding only the logger lets the request and its body go with it.
    const log = request.log
    ;(archive as LabelArchive).put(archivedOf(labelId, made.facts, made.options)).catch((err: unknown) => {
      log.error({ err, labelId }, 'the label was answered but could not be archived')
    })
    return labelId
  }

  /** Reads the request, makes a ZPL label, or starts a PDF, PNG or idempotent label that answers when it is ready. */
  function prepare ({ request, reply }: LabelJob): ReadyZpl | undefined {
    const r = read(request)
    const key = idempotencyKeyOf(request)
    if (key !== undefined) {
      idempotentLabel({ request, reply, key, keep: r.keep, format: r.format, raw: r.raw }, { service, archive, fontDownload: fontDownloadText,
        make: () => make(r) })
        .catch((err: unknown) => { void reply.send(err) })
      return undefined
    }
    if (r.format === 'zpl') {
      const made = makeZpl(r)
      return { made, labelId: r.keep ? keep(made, request) : undefined }
    }
    make(r).then((made) => {
      sendLabel(reply, made.facts, made.raw, made.body, r.keep ? keep(made, request) : undefined)
    }).catch((err: unknown) => { void reply.send(err) })
    return undefined
  }

  // The body is parsed with the rest of the label's work, in its turn: parsing it is a tenth of a raw ZPL request's
  // server time, and it too runs faster back to back.
  parseJsonLater(app)
  const addJob = batchPerTurn<LabelJob, ReadyZpl | undefined>({
    prepare,
    deliver: ({ reply }, ready) => { if (ready !== undefined) sendLabel(reply, ready.made.facts, ready.made.raw, ready.made.body, ready.labelId) },
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
