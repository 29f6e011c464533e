// POST /v1/labels with an Idempotency-Key: the first request with a key makes the label; every later one with the
// same key and the same request gets that label again (same id, same bytes: drawn from the archived data, so never
// a second label with another date), and one with another request is refused. The key and the label are kept in
// one transaction, so two requests racing with one key, here or on another instance, still make one label.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { LabelIdempotencyConflictError } from '../../archive/errors.ts'
import { newLabelId, type LabelArchive } from '../../archive/label-archive.ts'
import { ValidationError } from '../../errors.ts'
import { requestHash } from '../../printing/zpl-format.ts'
import { checkRecordLimits } from '../../records/limits.ts'
import type { LabelService, OutputFormat } from '../../service/types.ts'
import { jsonOf } from '../json-body.ts'
import { archivedFacts, archivedOf, drawArchived } from './archived-label.ts'
import { sendLabel, type MadeLabel } from './label-answer.ts'

/** Longest Idempotency-Key taken, as for print jobs. */
const MAX_KEY_LENGTH = 255

/** The request's Idempotency-Key; undefined without one. */
export function idempotencyKeyOf (request: FastifyRequest): string | undefined {
  const key = request.headers['idempotency-key']
  if (key === undefined) return undefined
  if (typeof key !== 'string' || key === '' || key.length > MAX_KEY_LENGTH) {
    throw new ValidationError([{ path: 'header.idempotency-key', rule: 'length', message: `must be one header of 1 to ${MAX_KEY_LENGTH} characters` }])
  }
  return key
}

/** One keyed request, as read. */
export interface KeyedRequest {
  request: FastifyRequest
  reply: FastifyReply
  key: string
  /** The label may be archived (LABEL_ARCHIVE on, no `store: false`). */
  keep: boolean
  format: OutputFormat
  raw: boolean
}

/** What answering a keyed request needs. */
export interface KeyedParts {
  service: Pick<LabelService, 'renderData'>
  archive: LabelArchive | undefined
  fontDownload: string
  make: () => Promise<MadeLabel>
}

/** Answers with the label a key made earlier, drawn again from the archive exactly as it was first answered. */
async function replay (parts: KeyedParts, keyed: KeyedRequest, labelId: string): Promise<void> {
  const label = await (parts.archive as LabelArchive).get(labelId)
  // Pruned with its key in one statement each: a key found without its label was pruned between the two reads.
  if (label === undefined) throw new Error(`label ${labelId} of idempotency key ${keyed.key} is missing from the archive`)
  const body = await drawArchived(parts.service, parts.fontDownload, label, label.options)
  void keyed.reply.header('idempotent-replayed', 'true')
  sendLabel(keyed.reply, archivedFacts(label, label.options), keyed.raw, body, labelId)
}

/** Answers a request that carries an Idempotency-Key. */
export async function idempotentLabel (keyed: KeyedRequest, parts: KeyedParts): Promise<void> {
  const { archive } = parts
  if (archive === undefined || !keyed.keep) {
    const why = archive === undefined ? 'this service keeps no labels (LABEL_ARCHIVE=false)' : 'the request says store: false'
    throw new ValidationError([{ path: 'header.idempotency-key', rule: 'needs_archive', message: `needs the label kept in the archive, but ${why}` }])
  }
  const body = jsonOf(keyed.request.body)
  // Before hashing: the hash walks the body recursively, and one nested thousands deep would overflow it.
  checkRecordLimits(body, 'body')
  const hash = requestHash({ body, query: keyed.request.query, format: keyed.format, raw: keyed.raw })
  const earlier = await archive.byKey(keyed.key)
  if (earlier !== undefined) {
    if (earlier.requestHash !== hash) throw new LabelIdempotencyConflictError(keyed.key, earlier.labelId)
    return await replay(parts, keyed, earlier.labelId)
  }
  const made = await parts.make()
  const labelId = newLabelId()
  const kept = await archive.put(archivedOf(labelId, made.facts, made.options), { key: keyed.key, requestHash: hash })
  if (!kept.stored) {
    if (kept.requestHash !== hash) throw new LabelIdempotencyConflictError(keyed.key, kept.labelId)
    return await replay(parts, keyed, kept.labelId)
  }
  sendLabel(keyed.reply, made.facts, made.raw, made.body, labelId)
}
