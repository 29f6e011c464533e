import { LabelworksError, type FieldIssue } from '../../errors.ts'

/**
 * A positioned label the PDF renderer cannot draw faithfully (an element off the whole-dot grid or past the
 * label edge). Layout never produces one, so this is an internal fault (HTTP 500), not a user error.
 */
export class InvalidLabelError extends LabelworksError {
  readonly code = 'INVALID_LABEL'

  constructor (issues: FieldIssue[]) {
    const first = issues[0]
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''
    super(`cannot draw label: ${first === undefined ? 'invalid label' : `${first.path} ${first.message}`}${more}`, { issues })
  }
}

/** The label font bytes are not a TrueType font the PDF renderer can embed. */
export class PdfFontError extends LabelworksError {
  readonly code = 'INVALID_FONT'
}

/** A batch writer used out of order: a label added after finish, or finish called twice. */
export class PdfBatchStateError extends LabelworksError {
  readonly code = 'PDF_BATCH_CLOSED'
}
