// Reads fields out of an untyped record: type checks that name the record path and the rule, free-text clean-up,
// and the bookkeeping every adapter shares (issues, warnings, which record field fed which label field).
import type { FieldIssue } from '../errors.ts'
import type { LabelWarning } from '../model/label-data.ts'
import { FieldPaths } from './field-paths.ts'
import { cleanText } from './text.ts'

/** A JSON object as it arrived. */
export type Rec = Record<string, unknown>

/** True for a plain JSON object (not null, not an array). */
export function isRec (value: unknown): value is Rec {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

/** How a value reads in an error message: `a number`, `an array`… */
export function kindOf (value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  const kind = typeof value
  return kind === 'object' ? 'an object' : kind === 'number' ? 'a number' : kind === 'boolean' ? 'a boolean' : `a ${kind}`
}

/** True when the record has any of `keys` (a plain loop: `some` with a closure is a real cost in source detection). */
export function hasAnyKey (record: Rec, keys: readonly string[]): boolean {
  for (const key of keys) if (key in record) return true
  return false
}

/** Empty string, null and missing all mean "not given". */
export function isAbsent (value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
}

/** Collects what one adapter run found: problems (fatal), warnings (returned to the client) and field origins. */
export class RecordReader {
  readonly issues: FieldIssue[] = []
  readonly warnings: LabelWarning[] = []
  /** Label-data path (`recipient.name`) → record path (`record.dropoff_name`), joined only when read. */
  readonly paths = new FieldPaths()
  /** Issues for the fields the source does not have, noted by `unknownField`. */
  unknownFields: FieldIssue[] | undefined

  /** Records a problem that makes the record unusable. */
  issue (path: string, rule: string, message: string): void {
    this.issues.push({ path, rule, message })
  }

  /** Records a missing required field, unless that field already has a problem (e.g. the wrong type). */
  required (path: string, message: string): void {
    if (!this.issues.some((i) => i.path === path)) this.issue(path, 'required', message)
  }

  /** Records a non-fatal observation for the client. */
  warn (code: string, path: string, message: string): void {
    this.warnings.push({ code, path, message })
  }

  /**
   * A field the source does not have: a FIELD_NOT_PRINTED warning, and, when the record is refused, one more issue
   * (a misspelt `recipent` is the likely reason `recipient` is missing).
   */
  unknownField (path: string, message: string): void {
    this.warn('FIELD_NOT_PRINTED', path, `not printed: ${message}`)
    ;(this.unknownFields ??= []).push({ path, rule: 'unknown_field', message })
  }

  /** Notes that label field `labelPath` was read from `recordPath` (`recordPath.recordKey` when a key is given). */
  map (labelPath: string, recordPath: string, recordKey?: string | number): void {
    this.paths.add(labelPath, undefined, recordPath, recordKey)
  }

  /** `map` for a label field given as two halves: `labelBase.labelKey` (e.g. `recipient.address` and `city`). */
  mapAt (labelBase: string, labelKey: string | number, recordPath: string, recordKey?: string | number): void {
    this.paths.add(labelBase, labelKey, recordPath, recordKey)
  }

  /** Free text: cleaned; empty, null or missing → undefined; any non-string is an issue. */
  text (obj: Rec | undefined, key: string, base: string): string | undefined {
    return this.textValue(obj?.[key], base, key)
  }

  /**
   * `text` for a value the caller already read (`record.shipper` as a named property: a hot adapter reads the
   * fields of records of one shape faster that way than by a computed key); `base.key` names it in issues.
   */
  textValue (value: unknown, base: string, key: string): string | undefined {
    if (value === undefined || value === null) return undefined
    if (typeof value !== 'string') {
      this.issue(`${base}.${key}`, 'type', `must be a string, got ${kindOf(value)}`)
      return undefined
    }
    const text = cleanText(value)
    return text === '' ? undefined : text
  }

  /** An identifier: text, or a whole number (JSON keeps every digit of a safe integer). */
  code (obj: Rec | undefined, key: string, base: string): string | undefined {
    return this.codeValue(obj?.[key], base, key)
  }

  /** `code` for a value the caller already read (see textValue). */
  codeValue (value: unknown, base: string, key: string): string | undefined {
    if (typeof value === 'number') return this.integerText(value, `${base}.${key}`)
    return this.textValue(value, base, key)
  }

  /** A number, or a string holding one (spreadsheet exports); empty, null or missing → undefined. */
  number (obj: Rec | undefined, key: string, base: string): number | undefined {
    const value = obj?.[key]
    if (isAbsent(value)) return undefined
    const number = typeof value === 'string' ? Number(value.trim()) : value
    if (typeof number !== 'number' || !Number.isFinite(number)) {
      this.issue(`${base}.${key}`, 'type', `must be a number, got ${typeof value === 'string' ? JSON.stringify(value) : kindOf(value)}`)
      return undefined
    }
    if (number < 0) {
      this.issue(`${base}.${key}`, 'minimum', `must not be negative, got ${number}`)
      return undefined
    }
    return number
  }

  /** A nested object; empty string or null → undefined. */
  object (obj: Rec | undefined, key: string, base: string): Rec | undefined {
    return this.objectValue(obj?.[key], base, key)
  }

  /** `object` for a value the caller already read (see textValue). */
  objectValue (value: unknown, base: string, key: string): Rec | undefined {
    if (isAbsent(value)) return undefined
    if (isRec(value)) return value
    this.issue(`${base}.${key}`, 'type', `must be an object, got ${kindOf(value)}`)
    return undefined
  }

  /**
   * An array; null → undefined. A single object where the list belongs is taken as a list of one (some client
   * libraries and API answers send `manifest_items` so), with a FIELD_SHAPE_COERCED warning naming the field.
   */
  array (obj: Rec | undefined, key: string, base: string): unknown[] | undefined {
    return this.arrayValue(obj?.[key], base, key)
  }

  /** `array` for a value the caller already read (see textValue). */
  arrayValue (value: unknown, base: string, key: string): unknown[] | undefined {
    if (isAbsent(value)) return undefined
    if (Array.isArray(value)) return value
    if (isRec(value)) {
      this.warn('FIELD_SHAPE_COERCED', `${base}.${key}`, 'is one object where a list belongs; read as a list of that one item')
      return [value]
    }
    this.issue(`${base}.${key}`, 'type', `must be an array, got ${kindOf(value)}`)
    return undefined
  }

  /** A whole number as text; fractions and numbers too large for JSON to keep exactly are issues. */
  integerText (value: number, path: string): string | undefined {
    if (Number.isSafeInteger(value) && value >= 0) return String(value)
    const why = Number.isInteger(value) && value > 0 ? 'is too long to survive as a JSON number; send it as a string' : 'must be a string or a whole number'
    this.issue(path, 'type', `${why}, got ${value}`)
    return undefined
  }
}
