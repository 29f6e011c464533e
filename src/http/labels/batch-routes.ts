// POST /v1/labels/batch: many records in, one body out in a format with a batch form (a ZPL stream, a multi-page
// PDF). Every record is checked first so failures can be reported by index before the first byte of labels; then
// the good ones are rendered and streamed with back-pressure, so memory stays bounded for 10,000 records.
import { PassThrough } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import { ValidationError } from '../../errors.ts'
import { checkBatchFormat, formatNamed } from '../../service/formats/index.ts'
import { newLabelId, type LabelArchive } from '../../archive/label-archive.ts'
import type { LabelWarning } from '../../model/label-data.ts'
import type { LabelRequest, LabelService } from '../../service/types.ts'
import { archivedOf } from './archived-label.ts'
import { BatchTrackingCodes } from './batch-duplicates.ts'
import { failedHeader, failureOf, noLabelsError, type FailedRecord } from './batch-failures.ts'
import { recordToLabel, type GenerateTrackingCode } from '../../request/generated-code.ts'
import { BATCH_DOCS } from './label-docs.ts'
import { mergeOptions, readBatchOptions, readQueryOptions, refuseFontDownloadOutsideZpl, zplTextMode, type LabelOptions } from '../../request/label-options.ts'
import { negotiate } from './negotiate.ts'

/** Options of the batch route. */
export interface BatchRoutesOptions {
  service: LabelService
  maxRecords: number
  /** Makes tracking codes for `generate_tracking_code`; absent when TRACKING_PREFIX is not set. */
  trackingCodes?: GenerateTrackingCode
  /** Where each label is kept; absent when LABEL_ARCHIVE is false. */
  archive?: LabelArchive
}

/** Label ids a raw answer lists in X-Label-Ids; the JSON envelope always lists every one. */
const HEADER_IDS = 100

/** Records checked between yields to the event loop, so a big batch does not stall other requests. */
const YIELD_EVERY = 200

const yieldToLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve))

function readBatchBody (body: unknown, maxRecords: number): { records: unknown[], options: LabelOptions } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationError([{ path: 'body', rule: 'type', message: 'must be a JSON object { "records": [ … ], "format": … }' }])
  }
  const fields = body as Record<string, unknown>
  const { records } = fields
  if (!Array.isArray(records)) throw new ValidationError([{ path: 'records', rule: 'type', message: 'must be an array of records' }])
  if (records.length === 0) throw new ValidationError([{ path: 'records', rule: 'min_items', message: 'must hold at least one record' }])
  if (records.length > maxRecords) {
    throw new ValidationError([{ path: 'records', rule: 'max_items', message: `holds ${records.length} records; at most ${maxRecords} per batch` }])
  }
  return { records, options: readBatchOptions(fields) }
}

/** Base64 of a byte stream written in pieces: carries the 0–2 bytes that do not complete a 3-byte group. */
function base64Writer (out: (text: string) => Promise<void>): { write: (chunk: Uint8Array) => Promise<void>, end: () => Promise<void> } {
  let carry = Buffer.alloc(0)
  return {
    async write (chunk) {
      const all = carry.length === 0 ? Buffer.from(chunk) : Buffer.concat([carry, chunk])
      const whole = all.length - (all.length % 3)
      carry = all.subarray(whole)
      if (whole > 0) await out(all.subarray(0, whole).toString('base64'))
    },
    async end () { if (carry.length > 0) await out(carry.toString('base64')) }
  }
}

/** Registers POST /v1/labels/batch. */
export async function batchRoutes (app: FastifyInstance, opts: BatchRoutesOptions): Promise<void> {
  const { service } = opts

  app.post('/v1/labels/batch', { config: { docs: BATCH_DOCS } }, async (request, reply) => {
    const fromQuery = readQueryOptions(request.query as Record<string, unknown>)
    const { records: sent, options: fromBody } = readBatchBody(request.body, opts.maxRecords)
    const options = mergeOptions(fromBody, fromQuery)
    // Each record gets its code once, before it is checked, so the check and the label carry the same one.
    const completed = sent.map((record) => recordToLabel(record, options, opts.trackingCodes))
    const records = completed.map((c) => c.record)
    const { format, raw } = negotiate(request.headers.accept, options.format)
    checkBatchFormat(format)
    refuseFontDownloadOutsideZpl(format, [[fromBody, ''], [fromQuery, 'query']])
    const text = zplTextMode(format, [[fromBody, ''], [fromQuery, 'query']])
    const base = { source: options.source, template: options.template, dpi: options.dpi, strict: options.strict, carrierRules: options.carrierRules }
    const requestOf = (record: unknown): LabelRequest => ({ ...base, record })

    const failed: FailedRecord[] = []
    const warnings: { index: number, warnings: LabelWarning[] }[] = []
    const good: number[] = []
    const kept: { index: number, label_id: string, warnings: LabelWarning[] }[] = []
    const keep = opts.archive !== undefined && options.store !== false
    const trackingCodes = new BatchTrackingCodes()
    let firstError: unknown
    for (let i = 0; i < records.length; i++) {
      if (i > 0 && i % YIELD_EVERY === 0) await yieldToLoop()
      try {
        const laid = service.layout(requestOf(records[i]))
        trackingCodes.check(laid, i)
        good.push(i)
        const generated = completed[i]?.generated
        if (generated !== undefined) laid.warnings.unshift(generated)
        if (laid.warnings.length > 0) warnings.push({ index: i, warnings: laid.warnings })
        if (keep) kept.push({ index: i, label_id: newLabelId(), warnings: laid.warnings })
      } catch (err) {
        firstError ??= err
        failed.push(failureOf(i, err, request))
      }
    }
    if (good.length === 0) throw noLabelsError(failed, firstError)

    const stream = new PassThrough()
    const push = async (chunk: Uint8Array | string): Promise<void> => {
      if (!stream.write(chunk)) await new Promise<void>((resolve) => stream.once('drain', resolve))
    }
    const b64 = base64Writer(push)
    const batch = service.openBatch({ format, includeFont: options.includeFont, text }, raw ? push : b64.write)
    const { contentType } = formatNamed(format)
    void reply.header('x-label-count', String(good.length)).header('x-failed-count', String(failed.length))
    if (raw) {
      const header = failedHeader(failed)
      void reply.header('x-failed-records', header.value).type(contentType)
      if (header.truncated) void reply.header('x-failed-records-truncated', 'true')
      if (kept.length > 0) void reply.header('x-label-ids', kept.slice(0, HEADER_IDS).map((k) => k.label_id).join(','))
      if (kept.length > HEADER_IDS) void reply.header('x-label-ids-truncated', 'true')
    } else {
      void reply.type('application/json; charset=utf-8')
    }

    const produce = async (): Promise<void> => {
      if (!raw) {
        const labels = kept.length === 0 ? undefined : kept.map(({ index, label_id: id }) => ({ index, label_id: id }))
        const head = { label_format: format, label_size: '4x6', print_density: `${options.dpi ?? service.defaults().dpi}dpi`, label_count: good.length, failed, warnings, labels }
        await push(JSON.stringify(head).slice(0, -1) + ',"label_string":"')
      }
      for (let n = 0; n < good.length; n++) {
        if (n > 0 && n % YIELD_EVERY === 0) await yieldToLoop()
        const laid = service.layout(requestOf(records[good[n] as number]))
        await batch.add(laid.label)
        const keeping = kept[n]
        if (keeping !== undefined) {
          const { label } = laid
          const facts = { trackingCode: label.trackingCode, source: laid.source, template: label.template, dpi: label.dpi, warnings: keeping.warnings,
            data: laid.data }
          ;(opts.archive as LabelArchive).put(archivedOf(keeping.label_id, facts, { template: label.template, format, dpi: label.dpi,
            text })).catch((err: unknown) => {
            request.log.error({ err, labelId: keeping.label_id }, 'a batch label was answered but could not be archived')
          })
        }
      }
      await batch.finish()
      if (!raw) {
        await b64.end()
        await push('"}')
      }
      stream.end()
    }
    produce().catch((err: unknown) => {
      request.log.error({ err }, 'batch output failed after the response started')
      stream.destroy(err instanceof Error ? err : new Error(String(err)))
    })
    return reply.send(stream)
  })
}
