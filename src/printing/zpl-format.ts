// Raw ZPL from a client goes to a shared printer, so it must be exactly one label format: one ^XA…^XZ and nothing
// the printer would act on outside it. Tilde commands act immediately wherever they appear (~JR resets the printer,
// ~DG stores graphics), and ^CC/^CT/^CD change the command characters so a second format could hide; all refused.
import { createHash } from 'node:crypto'
import { ValidationError, type FieldIssue } from '../errors.ts'

/** Most copies one print job may ask for (`^PQ`). */
export const MAX_COPIES = 1000

function issue (path: string, rule: string, message: string): ValidationError {
  return new ValidationError([{ path, rule, message }])
}

/** Checks that `zpl` is a single label format; throws ValidationError naming `path` and the rule it breaks. */
export function checkSingleFormat (zpl: string, path = 'label'): void {
  const text = zpl.trim()
  const issues: FieldIssue[] = []
  if (!/^\^XA/i.test(text)) issues.push({ path, rule: 'zpl_format', message: 'must start with ^XA' })
  if (!/\^XZ$/i.test(text)) issues.push({ path, rule: 'zpl_format', message: 'must end with ^XZ' })
  const starts = text.match(/\^XA/gi)?.length ?? 0
  const ends = text.match(/\^XZ/gi)?.length ?? 0
  if (starts > 1 || ends > 1) issues.push({ path, rule: 'single_format', message: `must hold exactly one ^XA…^XZ format, found ${starts} ^XA and ${ends} ^XZ` })
  if (text.includes('~')) issues.push({ path, rule: 'no_control_commands', message: 'must not contain "~" (control commands act outside the format); write a literal tilde as _7E with ^FH' })
  if (/\^C[CDT]/i.test(text)) issues.push({ path, rule: 'no_prefix_change', message: 'must not change the command characters (^CC, ^CD, ^CT)' })
  const control = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.exec(text)
  if (control !== null) issues.push({ path, rule: 'no_control_characters', message: `must not contain control character 0x${control[0].charCodeAt(0).toString(16).padStart(2, '0')}` })
  if (issues.length > 0) throw new ValidationError(issues)
}

/** The format with `^PQ<copies>` before its ^XZ; unchanged for one copy. */
export function withCopies (zpl: string, copies: number, path = 'copies'): string {
  if (!Number.isInteger(copies) || copies < 1 || copies > MAX_COPIES) throw issue(path, 'range', `must be a whole number from 1 to ${MAX_COPIES}`)
  if (copies === 1) return zpl
  if (/\^PQ/i.test(zpl)) throw issue(path, 'conflict', 'the label already sets a quantity with ^PQ; leave copies out')
  const end = zpl.toUpperCase().lastIndexOf('^XZ')
  if (end < 0) throw issue('label', 'zpl_format', 'must end with ^XZ')
  return `${zpl.slice(0, end)}^PQ${copies}${zpl.slice(end)}`
}

function canonical (value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0)
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** Hash of a print request (key order ignored), to tell a repeat from a different request under one idempotency key. */
export function requestHash (request: unknown): string {
  return createHash('sha256').update(canonical(request)).digest('hex')
}
