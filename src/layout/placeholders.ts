// Region text with placeholders, parsed once when a template loads: "{recipient.address.city}, {…region} …".
// Text between two placeholders is a separator, printed only when values on both sides are printed (the
// separator after a value wins); text before the first placeholder (a caption such as "Ref# ") is printed
// when any value is; text after the last placeholder only when the last value is.
import { UnsupportedCharacterError, type FieldIssue } from '../errors.ts'
import type { LabelFont } from '../fonts/index.ts'
import type { LabelData } from '../model/label-data.ts'
import { FIELDS, FORMATTERS, type FieldGetter, type Formatter } from './fields.ts'

/** One `{path|formatter…}` in a region's text. */
export interface Placeholder {
  /** Label-data path, e.g. `recipient.address.city`; used in errors and warnings. */
  path: string
  get: FieldGetter
  formatters: Formatter[]
  /** Literal text that follows this placeholder up to the next one (or the end). */
  after: string
}

/** A region's text, ready to fill. */
export interface CompiledText {
  source: string
  /** Literal text before the first placeholder (all of it when there is none). */
  leading: string
  placeholders: Placeholder[]
  /** Printed when every placeholder is empty. */
  fallback: string | undefined
}

/** Parses `text`; returns the problems instead when a placeholder is malformed or unknown. */
export function compileText (text: string, fallback: string | undefined, path: string): CompiledText | FieldIssue[] {
  const issues: FieldIssue[] = []
  const placeholders: Placeholder[] = []
  let leading = ''
  let literal = ''
  let i = 0
  while (i < text.length) {
    const c = text[i] as string
    if (c === '}') {
      issues.push({ path, rule: 'placeholder_syntax', message: `"}" at position ${i + 1} closes no placeholder` })
      i++
      continue
    }
    if (c !== '{') { literal += c; i++; continue }
    const end = text.indexOf('}', i + 1)
    const nested = text.indexOf('{', i + 1)
    if (end < 0 || (nested >= 0 && nested < end)) {
      issues.push({ path, rule: 'placeholder_syntax', message: `"{" at position ${i + 1} is not closed by "}"` })
      break
    }
    const [fieldPath = '', ...names] = text.slice(i + 1, end).split('|').map((s) => s.trim())
    const get = FIELDS.get(fieldPath)
    if (get === undefined) {
      issues.push({ path, rule: 'unknown_placeholder', message: `{${fieldPath}} is not a label-data field; known fields: ${[...FIELDS.keys()].join(', ')}` })
    }
    const formatters: Formatter[] = []
    for (const name of names) {
      const f = FORMATTERS.get(name)
      if (f === undefined) {
        issues.push({ path, rule: 'unknown_formatter', message: `formatter "${name}" in {${fieldPath}} is not one of ${[...FORMATTERS.keys()].join(', ')}` })
      } else formatters.push(f)
    }
    const previous = placeholders[placeholders.length - 1]
    if (previous === undefined) leading = literal
    else previous.after = literal
    literal = ''
    if (get !== undefined) placeholders.push({ path: fieldPath, get, formatters, after: '' })
    i = end + 1
  }
  const last = placeholders[placeholders.length - 1]
  if (last === undefined) leading += literal
  else last.after = literal
  return issues.length > 0 ? issues : { source: text, leading, placeholders, fallback }
}

function valueOf (p: Placeholder, data: LabelData): string {
  let v = p.get(data)
  for (let k = 0; k < p.formatters.length; k++) v = (p.formatters[k] as Formatter)(v)
  return v
}

/** Where fillText leaves the advance of the text it returns, so layout does not measure it again. */
export interface Measured {
  units: number
}

/** Advances of a text's literals in one font, in font units: worked out once per template, font and density. */
export interface LiteralUnits {
  leading: number
  fallback: number
  /** By placeholder: the advance of the literal after it. */
  after: Int32Array
}

/** The advances of `t`'s literals in `font`. */
export function literalUnits (t: CompiledText, font: LabelFont): LiteralUnits {
  return {
    leading: font.advanceUnits(t.leading),
    fallback: font.advanceUnits(t.fallback ?? ''),
    after: Int32Array.from(t.placeholders, (p) => font.advanceUnits(p.after))
  }
}

/**
 * A value the label font alone cannot print: measured by the script fonts when they print it (the line is measured
 * again, shaped as a whole, before it is placed), else refused naming its field and the first character no font has.
 */
function fallbackUnits (font: LabelFont, value: string, path: string): number {
  const bad = font.firstUnsupported(value)
  if (bad !== undefined || font.scripts === undefined) throw new UnsupportedCharacterError(path, bad ?? value)
  return Math.round(font.scripts.shape(value).advance * font.unitsPerEm)
}

/**
 * The text a region prints for `data`, or '' when it prints nothing; its advance in font units goes to
 * `measured` (`literals` are `t`'s literal advances in `font`). Every value is checked against the font first,
 * so an unprintable character fails the label naming the field it came from.
 */
export function fillText (t: CompiledText, literals: LiteralUnits, data: LabelData, font: LabelFont, measured: Measured): string {
  const n = t.placeholders.length
  if (n === 0) {
    measured.units = literals.leading
    return t.leading
  }
  let out = ''
  let units = 0
  let lastPrinted = -1
  for (let k = 0; k < n; k++) {
    const p = t.placeholders[k] as Placeholder
    const v = valueOf(p, data)
    if (v.length === 0) continue
    let valueUnits = font.printableUnits(v)
    if (valueUnits < 0) valueUnits = fallbackUnits(font, v, p.path)
    if (lastPrinted < 0) {
      out = t.leading + v
      units = literals.leading + valueUnits
    } else {
      out = out + (t.placeholders[lastPrinted] as Placeholder).after + v
      units += (literals.after[lastPrinted] as number) + valueUnits
    }
    lastPrinted = k
  }
  if (lastPrinted < 0) {
    measured.units = literals.fallback
    return t.fallback ?? ''
  }
  if (lastPrinted < n - 1) {
    measured.units = units
    return out
  }
  measured.units = units + (literals.after[lastPrinted] as number)
  return out + (t.placeholders[lastPrinted] as Placeholder).after
}

/**
 * The label-data path whose value covers character `index` of the filled text (or the next value after it),
 * for truncation warnings; the region's own name when the text is literal.
 */
export function pathAt (t: CompiledText, data: LabelData, index: number, literalPath: string): string {
  let pos = 0
  let lastPrinted = -1
  let candidate = literalPath
  for (let k = 0; k < t.placeholders.length; k++) {
    const p = t.placeholders[k] as Placeholder
    const v = valueOf(p, data)
    if (v.length === 0) continue
    pos += lastPrinted < 0 ? t.leading.length : (t.placeholders[lastPrinted] as Placeholder).after.length
    candidate = p.path
    if (index < pos + v.length) return p.path
    pos += v.length
    lastPrinted = k
  }
  return candidate
}
