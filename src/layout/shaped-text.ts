// Text the label font cannot draw glyph by glyph (other scripts, right to left, combining marks) is measured by
// shaping it: the advance and the ink of the shaped line, at the size asked for. Lines break where the script
// allows (spaces, after hyphens, between CJK characters, between Thai words) and, as a last resort, between
// grapheme clusters; the fitting rules are the label font's: largest size on one line, then the fewest lines,
// then the smallest size with "…".
import type { HanStyle, LabelFont, ScriptFonts, ShapedLine } from '../fonts/index.ts'
import type { PlacedGlyph } from '../model/label.ts'
import { baselineOffset, linePitch } from './line-metrics.ts'
import { ELLIPSIS, type FittedText, type TextBox } from './text-fit.ts'
import { BoundedMap } from '../bounded-map.ts'

/**
 * Vertical extent of a shaped text, in ems from the baseline (y up): the highest and lowest ink of any of its
 * lines. Fallback fonts reach higher (Thai and Devanagari marks) and deeper (Arabic) than the label font.
 */
export interface InkRange { top: number, bottom: number }

/** How far a shaped line reaches above its baseline at `size`: its ink or its text box, the taller. */
export function shapedAbove (ink: InkRange, size: number): number {
  return Math.max(Math.ceil(ink.top * size), baselineOffset(size))
}

/** How far a shaped line reaches below its baseline at `size`. */
export function shapedBelow (ink: InkRange, size: number): number {
  return Math.max(Math.ceil(-ink.bottom * size), size - baselineOffset(size))
}

/** Distance between baselines of shaped lines: the template's pitch, or more, so that ink of two lines never meets. */
export function shapedPitch (ink: InkRange, size: number, lineSpacing: number): number {
  return Math.max(linePitch(size, lineSpacing), shapedAbove(ink, size) + shapedBelow(ink, size))
}

/** Height of `lines` shaped lines from the first line's highest ink to the last's lowest. */
export function shapedBlockHeight (ink: InkRange, size: number, lines: number, lineSpacing: number): number {
  return shapedAbove(ink, size) + (lines - 1) * shapedPitch(ink, size, lineSpacing) + shapedBelow(ink, size)
}

function largestSizeForShapedLines (ink: InkRange, room: number, lines: number, lineSpacing: number, maxSize: number): number {
  let size = maxSize
  while (size > 0 && shapedBlockHeight(ink, size, lines, lineSpacing) > room) size--
  return size
}

/** Shaped lines remembered while a label is laid out: fitting measures the same candidate lines at many sizes. */
const MAX_SHAPED = 512
const shapedLines = new BoundedMap<string, ShapedLine>(MAX_SHAPED)

/** Whether `text` needs shaping (and so this file's measures) rather than the label font's advance tables. */
export function needsShaping (font: LabelFont, text: string): boolean {
  return font.scripts !== undefined && !font.scripts.isSimple(text)
}

function scriptsOf (font: LabelFont): ScriptFonts {
  if (font.scripts === undefined) throw new Error('shaped text needs the script fonts')
  return font.scripts
}

/** `text` shaped as one line, with the Han forms of the whole field it came from. */
export function shapeLine (font: LabelFont, text: string, han: HanStyle): ShapedLine {
  const key = `${han}\u0000${text}`
  let line = shapedLines.get(key)
  if (line === undefined) {
    line = scriptsOf(font).shape(text, { han })
    shapedLines.set(key, line)
  }
  return line
}

/** Width in dots the shaped line takes at `size`, ink past its first and last glyph included (as lineDots). */
export function shapedDots (line: ShapedLine, size: number): number {
  return Math.ceil(line.advance * size) + Math.ceil(line.inkLeft * size) + Math.ceil(line.inkRight * size)
}

/** The shaped line's glyphs as the label model keeps them. */
export function placedGlyphs (line: ShapedLine): PlacedGlyph[] {
  return line.glyphs.map((g) => ({ font: g.font, id: g.id, x: g.x, y: g.y, cluster: g.cluster }))
}

/**
 * How a shaped text is fitted: like fitText (see text-fit.ts), measured by shaping, with the text's own ink in
 * place of the label font's (`ink`: the whole text shaped as one line; see shapedInk for the lines placed).
 */
export function fitShapedText (font: LabelFont, text: string, box: TextBox, han: HanStyle, ink: InkRange): FittedText {
  const scripts = scriptsOf(font)
  const whole = shapeLine(font, text, han)
  const single = Math.min(largestSingleLineSize(whole, box), largestSizeForShapedLines(ink, box.cross, 1, box.lineSpacing, box.maxSize))
  if (single >= box.minSize) return { size: single, lines: [text], dropped: '', droppedAt: text.length }
  const breaks = scripts.breakOpportunities(text)
  const graphemes = scripts.graphemeBoundaries(text)
  const fits = (line: string, size: number): boolean => shapedDots(shapeLine(font, line, han), size) <= box.run
  const wrap = (size: number, maxLines: number, breakWords: boolean, out?: string[]): number =>
    wrapShaped(text, breaks, graphemes, (line) => fits(line, size), maxLines, breakWords, out)
  const breakWords = segments(text, breaks).some((s) => !fits(s, box.minSize))
  for (let lines = 2; lines <= box.maxLines; lines++) {
    const high = largestSizeForShapedLines(ink, box.cross, lines, box.lineSpacing, box.maxSize)
    if (high < box.minSize) break
    if (wrap(box.minSize, lines, breakWords) !== text.length) continue
    let lo = box.minSize
    let hi = high
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1
      if (wrap(mid, lines, breakWords) === text.length) lo = mid
      else hi = mid - 1
    }
    const out: string[] = []
    wrap(lo, lines, breakWords, out)
    return { size: lo, lines: out, dropped: '', droppedAt: text.length }
  }
  // Last resort: the smallest size, as many lines as fit, the last one cut at a grapheme and ended with "…".
  const size = box.minSize
  let capacity = 1
  while (capacity < box.maxLines && largestSizeForShapedLines(ink, box.cross, capacity + 1, box.lineSpacing, size) >= size) capacity++
  const out: string[] = []
  const rest = wrap(size, capacity - 1, true, out)
  if (rest === text.length) return { size, lines: out, dropped: '', droppedAt: text.length }
  let keep = rest
  for (const g of graphemes) {
    if (g <= rest) continue
    if (!fits(text.slice(rest, g).trimEnd() + ELLIPSIS, size)) break
    keep = g
  }
  const kept = text.slice(rest, keep).trimEnd()
  out.push(kept + ELLIPSIS)
  const droppedAt = rest + kept.length
  return { size, lines: out, dropped: text.slice(droppedAt).trim(), droppedAt }
}

/** The ink range of a text shaped whole and of each of its lines (a break can change joining forms). */
export function shapedInk (font: LabelFont, han: HanStyle, texts: readonly string[]): InkRange {
  let top = 0
  let bottom = 0
  for (const t of texts) {
    const line = shapeLine(font, t, han)
    top = Math.max(top, line.inkTop)
    bottom = Math.min(bottom, line.inkBottom)
  }
  return { top, bottom }
}

function largestSingleLineSize (line: ShapedLine, box: TextBox): number {
  const perSize = line.advance + line.inkLeft + line.inkRight
  let size = perSize <= 0 ? box.maxSize : Math.min(box.maxSize, Math.floor(box.run / perSize))
  while (size > 0 && shapedDots(line, size) > box.run) size--
  return size
}

/** The text between consecutive break opportunities, trailing spaces dropped. */
function segments (text: string, breaks: number[]): string[] {
  const out: string[] = []
  let from = 0
  for (const b of [...breaks, text.length]) {
    if (b <= from) continue
    const s = text.slice(from, b).trimEnd()
    if (s.length > 0) out.push(s)
    from = b
  }
  return out
}

/**
 * Greedy breaking of `text` into at most `maxLines` lines that `fits`, at break opportunities (and between
 * graphemes when `breakWords` and a segment alone is too wide). Lines go to `out`; returns the index of the first
 * character not placed (`text.length` when everything fits).
 */
function wrapShaped (
  text: string, breaks: number[], graphemes: number[], fits: (line: string) => boolean, maxLines: number, breakWords: boolean, out?: string[]
): number {
  const n = text.length
  let i = 0
  while (i < n && text.charCodeAt(i) === 0x20) i++
  let lines = 0
  while (i < n) {
    if (lines === maxLines) return i
    let end = i
    for (const b of [...breaks, n]) {
      if (b <= i) continue
      if (!fits(text.slice(i, b).trimEnd())) break
      end = b
    }
    if (end === i) {
      if (!breakWords) return i
      for (const g of graphemes) {
        if (g <= i) continue
        if (!fits(text.slice(i, g))) break
        end = g
      }
      if (end === i) return i
    }
    out?.push(text.slice(i, end).trimEnd())
    lines++
    i = end
    while (i < n && text.charCodeAt(i) === 0x20) i++
  }
  return n
}
