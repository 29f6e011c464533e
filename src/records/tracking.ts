// Chooses the tracking code from the fields a source may hold it in, and checks DashLink's tracking-code rules.
import type { FieldIssue } from '../errors.ts'
import type { LabelWarning } from '../model/label-data.ts'
import { kindOf, type RecordReader } from './reader.ts'
import type { TrackingCandidate } from './types.ts'

/** The chosen code and its field, or every field looked at with why it was not usable. */
export type TrackingPick = { code: string, path: string, fallback?: string } | { lookedAt: FieldIssue[] }

/** The first candidate holding usable text (or a whole number); type errors go to `r` as issues. */
export function pickTrackingCode (r: RecordReader, candidates: TrackingCandidate[]): TrackingPick {
  const lookedAt: FieldIssue[] = []
  for (const { path, value, skip, fallback } of candidates) {
    if (skip !== undefined) {
      lookedAt.push({ path, rule: 'barcode_type', message: skip })
      continue
    }
    let code: string | undefined
    // An identifier, scanned and looked up as sent: only the ends are trimmed (a CSV cell's padding). Free text folds
    // inner whitespace and control characters into spaces; here that would print and encode another code, so they
    // stay and the barcode refuses them, naming the character.
    if (typeof value === 'string') code = value.trim()
    else if (typeof value === 'number') code = r.integerText(value, path)
    else if (value !== undefined && value !== null) r.issue(path, 'type', `must be a string, got ${kindOf(value)}`)
    if (code !== undefined && code !== '') return fallback === undefined ? { code, path } : { code, path, fallback }
    const what = value === undefined ? 'missing' : value === null ? 'null' : typeof value === 'string' ? 'empty' : 'not usable'
    lookedAt.push({ path, rule: 'required', message: `${what}` })
  }
  return { lookedAt }
}

const DASHLINK_CHARSET = /^[A-Za-z0-9._~-]+$/

/** DashLink's tracking-code rules: length and characters are carrier rules; leading zero and prefix are advice. */
export function dashlinkTrackingRules (code: string, path: string): { violations: FieldIssue[], warnings: LabelWarning[] } {
  const violations: FieldIssue[] = []
  const warnings: LabelWarning[] = []
  if (code.length < 15 || code.length > 35) {
    violations.push({ path, rule: 'tracking_code_length', message: `tracking code "${code}" has ${code.length} characters; DashLink needs 15 to 35` })
  }
  if (!DASHLINK_CHARSET.test(code)) {
    const bad = [...code].find((c) => !DASHLINK_CHARSET.test(c)) ?? ''
    violations.push({ path, rule: 'tracking_code_charset', message: `tracking code "${code}" contains "${bad}"; DashLink allows only A-Z a-z 0-9 - . _ ~` })
  }
  if (code.startsWith('0')) {
    warnings.push({ code: 'TRACKING_CODE_LEADING_ZERO', path, message: `tracking code "${code}" starts with 0; DashLink recommends no leading zeros` })
  }
  if (!/^[A-Za-z]{3}/.test(code)) {
    warnings.push({ code: 'TRACKING_CODE_NO_PREFIX', path, message: `tracking code "${code}" does not start with a 3-letter shipper prefix (e.g. DLK…); DashLink recommends one` })
  }
  return { violations, warnings }
}
