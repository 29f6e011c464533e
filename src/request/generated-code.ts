// `generate_tracking_code` on the label routes: the record gets a generated code before the label is made, and
// the answer says so (TRACKING_CODE_GENERATED names the field the code was written to).
import { ValidationError } from '../errors.ts'
import type { LabelWarning } from '../model/label-data.ts'
import { completeTrackingCode } from '../records/complete-code.ts'
import type { SourceOption } from '../service/types.ts'
import type { LabelOptions } from './label-options.ts'

/** Makes a new tracking code; absent when TRACKING_PREFIX is not set. */
export type GenerateTrackingCode = () => string

/** The record to label, and the warning to add when a code was generated for it. */
export function recordToLabel (record: unknown, options: LabelOptions, generate: GenerateTrackingCode | undefined): { record: unknown,
  generated?: LabelWarning } {
  if (options.generateTrackingCode !== true) return { record }
  if (generate === undefined) {
    throw new ValidationError([{ path: 'generate_tracking_code', rule: 'not_configured', message: 'this service has no tracking code prefix; start it with TRACKING_PREFIX set (e.g. TRACKING_PREFIX=LWX) to have codes generated' }])
  }
  const completed = completeTrackingCode(record, options.source ?? ('auto' satisfies SourceOption), generate)
  if (completed.code === undefined || completed.path === undefined) return { record }
  const message = `generated tracking code "${completed.code}"; send it on as ${completed.path} so the carrier scans the code printed here`
  return { record: completed.record, generated: { code: 'TRACKING_CODE_GENERATED', path: completed.path, message } }
}
