// What a batch says about the records that made no label: by index, in full in the JSON envelope, as a capped
// header list beside raw output, and, when not one record made a label, as the error that answers the request.
import type { FastifyRequest } from 'fastify'
import { LabelworksError, type FieldIssue } from '../../errors.ts'
import { describeError } from '../error-handler.ts'

/** A record that produced no label, by its index in `records`. */
export interface FailedRecord { index: number, code: string, message: string, issues: FieldIssue[] }

/** Header budget for the failure list of a raw response; the JSON envelope always carries all of them. */
const FAILED_HEADER_BYTES = 8 * 1024

/** The failure of record `index`; an unexpected error is logged and reported without its internals. */
export function failureOf (index: number, err: unknown, request: Pick<FastifyRequest, 'id' | 'log'>): FailedRecord {
  if (err instanceof LabelworksError) return { index, code: err.code, message: err.message, issues: err.issues }
  const { body } = describeError(err, `request ${request.id}, record ${index}`)
  request.log.error({ err, index }, 'batch record failed')
  return { index, ...body.error }
}

function asciiJson (value: unknown): string {
  return JSON.stringify(value).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
}

/** The failures as the X-Failed-Records header: ASCII JSON, cut at FAILED_HEADER_BYTES. */
export function failedHeader (failed: FailedRecord[]): { value: string, truncated: boolean } {
  const items: string[] = []
  let size = 2
  for (const f of failed) {
    // Header values must be ASCII: names such as "Ωμέγα 王" travel as JSON \u escapes.
    const item = asciiJson({ index: f.index, code: f.code, message: f.message })
    if (size + item.length + 1 > FAILED_HEADER_BYTES) return { value: `[${items.join(',')}]`, truncated: true }
    items.push(item)
    size += item.length + 1
  }
  return { value: `[${items.join(',')}]`, truncated: false }
}

const isRecordPath = (path: string): boolean => path === 'record' || path.startsWith('record.')

/** A failure's issues with record paths rooted at its place in the batch (`record.recipient.name` → `records.3.recipient.name`). */
function issuesInBatch (f: FailedRecord): FieldIssue[] {
  if (f.issues.length === 0) return [{ path: `records.${f.index}`, rule: f.code.toLowerCase(), message: f.message }]
  return f.issues.map((issue) => isRecordPath(issue.path) ? { ...issue, path: `records.${f.index}${issue.path.slice('record'.length)}` } : issue)
}

/** Not one record of the batch made a label: there is nothing to stream, so the failures are the answer. */
export class NoLabelsError extends LabelworksError {
  readonly code = 'BATCH_NO_LABELS'

  constructor (failed: FailedRecord[]) {
    const issues: FieldIssue[] = []
    const seen = new Set<string>()
    for (const issue of failed.flatMap(issuesInBatch)) {
      const key = JSON.stringify([issue.path, issue.rule, issue.message])
      if (!seen.has(key)) issues.push(issue)
      seen.add(key)
    }
    const first = failed[0]
    const none = failed.length === 1 ? 'the one record made no label' : `none of the ${failed.length} records made a label`
    super(`${none}${first === undefined ? '' : `; record ${first.index}: ${first.message}`}`, { issues })
  }
}

/**
 * What answers a batch in which no record made a label. When every record failed on the request itself (an
 * unknown template, a density), that error, as for one label; otherwise every record's failure, as issues.
 */
export function noLabelsError (failed: FailedRecord[], firstError: unknown): LabelworksError {
  const code = failed[0]?.code
  const aboutRequest = firstError instanceof LabelworksError && firstError.issues.length > 0 &&
    firstError.issues.every((issue) => !isRecordPath(issue.path)) && failed.every((f) => f.code === code)
  return aboutRequest ? firstError : new NoLabelsError(failed)
}
