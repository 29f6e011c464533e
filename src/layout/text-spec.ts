// A printed text as the region kinds that print text (text regions, column items) share it: compiled from the
// template in inches, resolved to dots at one density, and checked against the load-time rules.
import { InvalidTemplateError, type FieldIssue } from '../errors.ts'
import type { LabelFont } from '../fonts/index.ts'
import type { Rotation } from '../model/label.ts'
import { inchesToDots, type Dpi } from '../units.ts'
import { baselineOffset, blockHeight, largestSizeForLines, lineAbove, MIN_FONT_SIZE_INCHES } from './line-metrics.ts'
import { compileText, literalUnits, type CompiledText, type LiteralUnits } from './placeholders.ts'
import type { TextBox } from './text-fit.ts'

/**
 * One line of the label font from its highest accent to its lowest descender, in ems (Roboto Condensed:
 * 1.03 above the baseline, 0.26 below). Used to check templates without the font; layout re-checks in dots
 * with the font's real metrics.
 */
export const NOMINAL_LINE_EM = 1.3
export const DEFAULT_LINE_SPACING = 1.15
/** A line of text must be at least this many ems long, so any single glyph fits (the widest is ≈ 1.05 em). */
export const MIN_RUN_EM = 2
/** Inches closer than this are equal: the template's decimals are not exact in binary. */
export const EPSILON = 1e-9

/** Inches rounded for messages. */
export function round (inches: number): number {
  return Math.round(inches * 1000) / 1000
}

/** How a text is sized and aligned. */
export interface CompiledTypography {
  fontSize: number
  minFontSize: number
  maxLines: number
  align: 'left' | 'center' | 'right'
  truncate: boolean
}

/** A text that is printed: where it comes from and how. */
export interface CompiledTextSpec extends CompiledTypography {
  /** Name in warnings and TextElement.field: the region's id, else its first placeholder's path. */
  id: string
  /** JSON path in the template file, for template errors. */
  path: string
  text: CompiledText
}

/** A text as the template file writes it (a text region, a column item). */
export interface TextSource {
  id?: string
  text: string
  default?: string
  fontSize: number
  minFontSize: number
  maxLines?: number
  align?: 'left' | 'center' | 'right'
  truncate?: boolean
}

/** Compiles texts, each path once (both arrangements share it), collecting placeholder problems in `issues`. */
export function textCompiler (issues: FieldIssue[]): (source: TextSource, path: string) => CompiledTextSpec {
  const texts = new Map<string, CompiledText>()
  return (source, path) => {
    let text = texts.get(path)
    if (text === undefined) {
      const compiled = compileText(source.text, source.default, `${path}.text`)
      if (Array.isArray(compiled)) {
        issues.push(...compiled)
        text = { source: source.text, leading: source.text, placeholders: [], fallback: undefined }
      } else text = compiled
      texts.set(path, text)
    }
    return {
      id: source.id ?? text.placeholders[0]?.path ?? path,
      path,
      text,
      fontSize: source.fontSize,
      minFontSize: source.minFontSize,
      maxLines: source.maxLines ?? 1,
      align: source.align ?? 'left',
      truncate: source.truncate ?? true
    }
  }
}

/** The typography the load-time rules check. */
interface Typography { fontSize: number, minFontSize: number, maxLines?: number }

/** The rules of one text in a `run` × `cross` inch area: fonts that print and fit. */
export function checkText (t: Typography, path: string, run: number, cross: number, spacing: number, issues: FieldIssue[]): void {
  if (t.minFontSize > t.fontSize + EPSILON) {
    issues.push({ path: `${path}.minFontSize`, rule: 'min_font_size', message: `minFontSize ${t.minFontSize} in is larger than fontSize ${t.fontSize} in` })
  }
  if (t.minFontSize < MIN_FONT_SIZE_INCHES - EPSILON) {
    issues.push({ path: `${path}.minFontSize`, rule: 'font_too_small', message: `minFontSize ${t.minFontSize} in is below ${MIN_FONT_SIZE_INCHES} in, which does not print legibly` })
  }
  if (t.fontSize * NOMINAL_LINE_EM > cross + EPSILON) {
    issues.push({ path, rule: 'too_short', message: `one line at fontSize ${t.fontSize} in needs ${round(t.fontSize * NOMINAL_LINE_EM)} in of height; the region has ${round(cross)} in` })
  }
  const lines = t.maxLines ?? 1
  const linesHeight = t.minFontSize * (NOMINAL_LINE_EM + (lines - 1) * spacing)
  if (lines > 1 && linesHeight > cross + EPSILON) {
    issues.push({ path: `${path}.maxLines`, rule: 'max_lines', message: `${lines} lines at minFontSize ${t.minFontSize} in need ${round(linesHeight)} in of height; the region has ${round(cross)} in` })
  }
  if (run < t.fontSize * MIN_RUN_EM - EPSILON) {
    issues.push({ path, rule: 'too_narrow', message: `a line is ${round(run)} in long; at fontSize ${t.fontSize} in it must be at least ${round(t.fontSize * MIN_RUN_EM)} in` })
  }
}

/** A rectangle in dots. */
export interface DotRect { x: number, y: number, width: number, height: number }

/** Where a text goes: the left, top and width of its region in dots, and its direction. */
export interface TextPlacement {
  x: number
  y: number
  width: number
  rotation: Rotation
}

/** A text ready to fit: its compiled text and its box in dots. */
export interface ResolvedTextSpec extends CompiledTextSpec {
  box: TextBox
  /** By font size up to box.maxSize: offset of the first line's box below the region's top, so its ink starts there. */
  firstLineOffset: Int16Array
  /** By font size up to box.maxSize: dots one line's ink takes across the run (blockHeight of one line). */
  oneLineHeight: Int16Array
  /** Advances of the text's literals (separators, captions) in the font. */
  literals: LiteralUnits
}

/** What resolving a text needs of its template and the density. */
export interface TextResolution {
  /** The template's file, named in errors. */
  file: string
  lineSpacing: number
  font: LabelFont
  dpi: Dpi
}

/** A text in dots for a `run` × `cross` dot area. Throws InvalidTemplateError when the font cannot serve it. */
export function resolveText (spec: CompiledTextSpec, run: number, cross: number, { file, lineSpacing, font, dpi }: TextResolution): ResolvedTextSpec {
  const t = spec.text
  for (const literal of [t.leading, t.fallback ?? '', ...t.placeholders.map((p) => p.after)]) {
    const bad = font.firstUnsupported(literal)
    if (bad !== undefined) {
      throw new InvalidTemplateError(file, [{ path: `${spec.path}.text`, rule: 'unsupported_character', message: `"${bad}" is not in the label font ${font.name}` }])
    }
  }
  const minSize = inchesToDots(spec.minFontSize, dpi)
  // Checked in inches with nominal metrics at load; in dots with the real font one line may need a dot less.
  const maxSize = largestSizeForLines(font, cross, 1, lineSpacing, inchesToDots(spec.fontSize, dpi))
  if (maxSize < minSize) {
    throw new InvalidTemplateError(file, [{ path: spec.path, rule: 'too_short', message: `one line at minFontSize ${spec.minFontSize} in does not fit the region's ${cross} dots at ${dpi} dpi with font ${font.name}` }])
  }
  // One literal, not a spread of the compiled spec: every resolved spec then shares one hidden class, and layout's
  // reads of spec fields stay monomorphic (spreads of text and column specs gave seven shapes).
  return {
    id: spec.id,
    path: spec.path,
    text: spec.text,
    fontSize: spec.fontSize,
    minFontSize: spec.minFontSize,
    maxLines: spec.maxLines,
    align: spec.align,
    truncate: spec.truncate,
    box: { run, cross, maxSize, minSize, maxLines: spec.maxLines, lineSpacing },
    // Per-size line geometry, worked out here once instead of for every text of every label.
    firstLineOffset: Int16Array.from({ length: maxSize + 1 }, (_, size) => lineAbove(font, size) - baselineOffset(size)),
    oneLineHeight: Int16Array.from({ length: maxSize + 1 }, (_, size) => blockHeight(font, size, 1, lineSpacing)),
    literals: literalUnits(t, font)
  }
}
