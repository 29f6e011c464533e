// How a text is fitted into its box: first the largest whole-dot size (down to the floor) on one line; then
// the fewest lines (up to the box's limit) at the largest size that holds them, breaking a word only when it
// alone is wider than a line at the floor size: after a hyphen if its pieces then fit, else inside it too; and
// only as a last resort, the floor size with the last line cut and ended with "…".
import type { LabelFont } from '../fonts/index.ts'
import { largestSizeForLines } from './line-metrics.ts'
import { cutToFit, lineDots, widestPieceDots, wrapText, type WordBreak } from './wrap.ts'

/** The room a text has, in dots, and its size limits. */
export interface TextBox {
  /** Length available along the text's direction. */
  run: number
  /** Room across it, for the stacked lines. */
  cross: number
  maxSize: number
  minSize: number
  maxLines: number
  lineSpacing: number
}

/** The fitted text: its size, its lines, and what was cut off (empty when nothing was). */
export interface FittedText {
  size: number
  lines: string[]
  dropped: string
  /** Index in the text where the dropped part starts (text.length when nothing was dropped). */
  droppedAt: number
}

export const ELLIPSIS = '…'

/** Fits `text` into `box` (see the file comment); never returns lines wider than box.run at `size`. */
export function fitText (font: LabelFont, text: string, box: TextBox): FittedText {
  const single = singleLineSize(font, text, font.advanceUnits(text), box)
  if (single >= box.minSize) return { size: single, lines: [text], dropped: '', droppedAt: text.length }

  const breakWords = wordBreakFor(font, text, box)
  for (let lines = 2; lines <= box.maxLines; lines++) {
    const high = largestSizeForLines(font, box.cross, lines, box.lineSpacing, box.maxSize)
    if (high < box.minSize) break
    const size = largestWrappingSize(font, text, box, lines, high, breakWords)
    if (size === 0) continue
    const out: string[] = []
    wrapText(font, text, size, box.run, lines, breakWords, out)
    return { size, lines: out, dropped: '', droppedAt: text.length }
  }
  return truncated(font, text, box, breakWords)
}

/**
 * Largest size ≤ maxSize at which the text, whose advance is `units`, fits one line (0 when it would need less
 * than 1 dot). Most label texts fit at their largest size, so layout tries this before fitText.
 */
export function singleLineSize (font: LabelFont, text: string, units: number, box: TextBox): number {
  if (units === 0) return box.maxSize
  let size = Math.min(box.maxSize, Math.floor((box.run * font.unitsPerEm) / units))
  // Ink past the first and last glyph, and rounding each part up, can cost a dot or two more.
  const first = text.charCodeAt(0)
  const last = text.charCodeAt(text.length - 1)
  while (size > 0 && lineDots(font, units, first, last, size) > box.run) size--
  return size
}

/** Words are broken only when one is wider than a line at the floor size, and then after hyphens where that does. */
function wordBreakFor (font: LabelFont, text: string, box: TextBox): WordBreak {
  if (widestPieceDots(font, text, box.minSize, false) <= box.run) return 'none'
  return widestPieceDots(font, text, box.minSize, true) <= box.run ? 'hyphens' : 'anywhere'
}

/**
 * Largest size in [minSize, high] at which the text wraps into `lines` lines; 0 when none. Greedy wrapping never
 * needs more lines at a larger size, so bisect.
 */
function largestWrappingSize (font: LabelFont, text: string, box: TextBox, lines: number, high: number, breakWords: WordBreak): number {
  const fits = (size: number): boolean => wrapText(font, text, size, box.run, lines, breakWords) === text.length
  if (!fits(box.minSize)) return 0
  let lo = box.minSize
  let hi = high
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (fits(mid)) lo = mid
    else hi = mid - 1
  }
  return lo
}

function truncated (font: LabelFont, text: string, box: TextBox, breakWords: WordBreak): FittedText {
  const size = box.minSize
  const maxLines = Math.min(box.maxLines, lineCapacity(font, box, size))
  const out: string[] = []
  const rest = wrapText(font, text, size, box.run, maxLines - 1, breakWords, out)
  if (rest === text.length) return { size, lines: out, dropped: '', droppedAt: text.length }
  const tail = text.slice(rest)
  const kept = cutToFit(font, tail, ELLIPSIS, size, box.run)
  out.push(kept + ELLIPSIS)
  const droppedAt = rest + kept.length
  return { size, lines: out, dropped: text.slice(droppedAt).trim(), droppedAt }
}

function lineCapacity (font: LabelFont, box: TextBox, size: number): number {
  let lines = 1
  while (lines < box.maxLines && largestSizeForLines(font, box.cross, lines + 1, box.lineSpacing, size) >= size) lines++
  return lines
}
