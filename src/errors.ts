import { basename } from 'node:path'

/** One problem found in the input: where it is, which rule it broke, and what to do about it. */
export interface FieldIssue {
  /** JSON-pointer-like path into what the user sent, e.g. `record.recipient.address.postal_code`. */
  path: string
  /** Stable name of the rule, e.g. `required`, `max_length`, `pattern`, `unsupported_character`. */
  rule: string
  message: string
}

/** Base class of every error this service raises on purpose; `code` is stable and mapped to HTTP in one place. */
export abstract class LabelworksError extends Error {
  abstract readonly code: string
  /** Field-level problems, when the error is about input. */
  readonly issues: FieldIssue[]

  constructor (message: string, options: { cause?: unknown, issues?: FieldIssue[] } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.name = new.target.name
    this.issues = options.issues ?? []
  }
}

/** The request or record breaks one or more rules; every broken rule is listed. */
export class ValidationError extends LabelworksError {
  readonly code = 'VALIDATION_FAILED'

  constructor (issues: FieldIssue[], cause?: unknown) {
    const first = issues[0]
    const summary = first === undefined ? 'invalid input' : `${first.path}: ${first.message}`
    const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : ''
    super(`${summary}${more}`, { cause, issues })
  }
}

/** A character that the label font cannot draw; printing it would leave a box or a gap. */
export class UnsupportedCharacterError extends LabelworksError {
  readonly code = 'UNSUPPORTED_CHARACTER'

  constructor (readonly path: string, readonly character: string) {
    const cp = character.codePointAt(0) ?? 0
    const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`
    // An invisible character (a control, a format mark) quoted as itself shows nothing, or moves a terminal's cursor.
    const shown = /^[\p{C}\p{Z}]$/u.test(character) ? hex : `"${character}" (${hex})`
    super(`${path}: character ${shown} cannot be printed with the label font`, {
      issues: [{ path, rule: 'unsupported_character', message: `character ${shown} is not in the label font` }]
    })
  }
}

/** A template name that is not installed. */
export class UnknownTemplateError extends LabelworksError {
  readonly code = 'UNKNOWN_TEMPLATE'

  constructor (readonly template: string, known: string[]) {
    super(`unknown template "${template}"; installed templates: ${known.join(', ')}`, {
      issues: [{ path: 'template', rule: 'enum', message: `must be one of ${known.join(', ')}` }]
    })
  }
}

/** A template file that does not follow the template schema; raised at start-up. */
export class InvalidTemplateError extends LabelworksError {
  readonly code = 'INVALID_TEMPLATE'

  constructor (readonly file: string, issues: FieldIssue[], cause?: unknown) {
    super(`template ${file} is invalid: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, { cause, issues })
  }

  /** Several bad files in `dir` as one error, each issue's path led by its file's name, so one start-up shows them all. */
  static several (dir: string, errors: readonly InvalidTemplateError[]): InvalidTemplateError {
    const issues = errors.flatMap((e) => e.issues.map((i) => ({ ...i, path: `${basename(e.file)} ${i.path}` })))
    const error = new InvalidTemplateError(dir, issues, errors[0])
    error.message = `${errors.length} templates in ${dir} are invalid: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`
    return error
  }
}

/** Content that cannot be placed on a 4x6 label without breaking a print-quality rule. */
export class LayoutError extends LabelworksError {
  readonly code: 'BARCODE_TOO_LONG' | 'LAYOUT_OVERFLOW'

  constructor (code: 'BARCODE_TOO_LONG' | 'LAYOUT_OVERFLOW', message: string, issues: FieldIssue[] = []) {
    super(message, { issues })
    this.code = code
  }
}

/** A configuration value (environment or file) that is missing or malformed; raised at start-up. */
export class ConfigError extends LabelworksError {
  readonly code = 'INVALID_CONFIG'
}
