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

/** Characters a barcode scanner in keyboard-wedge mode types the same on every keyboard layout. */
const WEDGE_SAFE = /^[A-Za-z0-9._-]$/
const WEDGE_SAFE_CODE = /^[A-Za-z0-9._-]*$/

/** Why `char` does not survive a keyboard wedge, or undefined when it does. */
function wedgeProblem (char: string): string | undefined {
  if (WEDGE_SAFE.test(char)) return undefined
  if (/^\s$/u.test(char)) return 'a space; a scanner types it into the field, and many systems trim or split on it'
  if (/^\p{C}$/u.test(char)) return 'a control character; a scanner sends it as a key (Tab, Enter) that moves the cursor or submits the form'
  if (char > '\u007e') return 'not ASCII; a scanner cannot type it as a key'
  return 'a symbol that sits on another key, or behind a dead key, on non-US keyboard layouts, so a scanner types something else there'
}

/**
 * A warning when the tracking code holds a character that a scanner in keyboard-wedge mode mangles (a space, a
 * control character, anything but letters, digits and `- . _`); undefined when every character is safe. The
 * dashlink template refuses such codes through DashLink's own character rule.
 */
export function scannerUnsafe (code: string, path: string): LabelWarning | undefined {
  // Nearly every code is safe: one test of the whole code, and a character-by-character look only when it fails.
  if (WEDGE_SAFE_CODE.test(code)) return undefined
  for (const char of code) {
    const problem = wedgeProblem(char)
    if (problem === undefined) continue
    const shown = /^[\p{C}\p{Z}]$/u.test(char) ? `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}` : `"${char}"`
    return { code: 'TRACKING_CODE_SCANNER_UNSAFE', path, message: `tracking code "${code}" contains ${shown}: ${problem}` }
  }
  return undefined
}
