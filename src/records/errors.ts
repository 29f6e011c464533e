// Errors a record adapter raises on purpose. Shape problems of a known source are plain ValidationErrors (400);
// these are the record-level refusals (422): no tracking code, carrier rules broken, shape not recognised.
import { LabelworksError, type FieldIssue } from '../errors.ts'

/** The record has no value that can go into the barcode; `issues` lists every field looked at, in order. */
export class MissingTrackingCodeError extends LabelworksError {
  readonly code = 'MISSING_TRACKING_CODE'
  /** Where the delivery is in what was sent: `record`, or inside an envelope (`record.data`). */
  root = 'record'

  constructor (readonly source: string, lookedAt: FieldIssue[]) {
    const fields = lookedAt.map((i) => i.path).join(', ')
    super(`no usable tracking code in the ${source} record; looked at ${fields}; send the code the carrier scans in ${lookedAt[0]?.path ?? 'the record'}`, { issues: lookedAt })
  }
}

/** The record breaks DashLink carrier rules while they are enforced (dashlink template or strict: true). */
export class CarrierRuleError extends LabelworksError {
  readonly code = 'CARRIER_RULE_VIOLATION'

  constructor (issues: FieldIssue[]) {
    const first = issues[0]
    const summary = first === undefined ? 'carrier rules broken' : `${first.path}: ${first.message}`
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''
    super(`record breaks DashLink carrier rules: ${summary}${more}`, { issues })
  }
}

/** `source: auto` and no adapter recognises the record; `issues` say what each source was missing. */
export class RecordShapeUnknownError extends LabelworksError {
  readonly code = 'RECORD_SHAPE_UNKNOWN'

  constructor (issues: FieldIssue[], sources: readonly string[]) {
    super(`the record matches no known source shape; name the source (${sources.join(', ')}) or add the missing fields`, { issues })
  }
}

/** `source: auto` and more than one adapter fits equally well; `issues` name the candidates and what each lacked. */
export class RecordShapeAmbiguousError extends LabelworksError {
  readonly code = 'RECORD_SHAPE_AMBIGUOUS'

  constructor (readonly candidates: string[], issues: FieldIssue[]) {
    super(`the record could be ${candidates.join(' or ')}; say which with source=${candidates.join('|')}`, { issues })
  }
}
