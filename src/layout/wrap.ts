// Greedy line breaking at spaces, measured in whole dots at one font size (ZPL places glyphs unkerned, so a
// line's width is the sum of its advances). A word wider than a line is broken only as the caller allows: after
// a hyphen (`BestClothingBrand-` / `CA-1`), or else also between characters.
import type { LabelFont } from '../fonts/index.ts'

const SPACE = 0x20
/** Hyphen-minus, hyphen, en dash, em dash: a word may be broken after them (not after the no-break hyphen). */
const HYPHENS = new Set([0x2d, 0x2010, 0x2013, 0x2014])

/** How a word wider than a line may be broken: not at all, after a hyphen, or after a hyphen else anywhere. */
export type WordBreak = 'none' | 'hyphens' | 'anywhere'

/** Width in dots a line of `units` advance needs at `size`, including ink reaching past its first/last glyph. */
export function lineDots (font: LabelFont, units: number, firstCp: number, lastCp: number, size: number): number {
  const upm = font.unitsPerEm
  return Math.ceil((units * size) / upm) +
    Math.ceil((font.leftOverhangUnits(firstCp) * size) / upm) +
    Math.ceil((font.rightOverhangUnits(lastCp) * size) / upm)
}

/** The widest of `text`'s pieces between spaces (with `hyphens`, also after hyphens) at `size`, in dots. */
export function widestPieceDots (font: LabelFont, text: string, size: number, hyphens: boolean): number {
  let widest = 0
  let start = 0
  for (let k = 0; k <= text.length; k++) {
    const cp = k < text.length ? text.charCodeAt(k) : SPACE
    const afterHyphen = hyphens && HYPHENS.has(cp) && k > start && k + 1 < text.length
    if (cp !== SPACE && !afterHyphen) continue
    const end = afterHyphen ? k + 1 : k
    if (end > start) widest = Math.max(widest, textDots(font, text.slice(start, end), size))
    start = end + (afterHyphen ? 0 : 1)
  }
  return widest
}

/** Width in dots of `text` on one line at `size` (see lineDots). */
export function textDots (font: LabelFont, text: string, size: number): number {
  if (text.length === 0) return 0
  return lineDots(font, font.advanceUnits(text), text.charCodeAt(0), text.charCodeAt(text.length - 1), size)
}

/**
 * Breaks `text` into at most `maxLines` lines no wider than `width` dots at `size`, pushing them to `out`
 * (when given). Returns the index of the first character not placed: `text.length` when everything fits.
 * A word that cannot fit a line by itself is broken as `breakWords` allows, or else stops the wrap there.
 */
export function wrapText (
  font: LabelFont, text: string, size: number, width: number, maxLines: number, breakWords: WordBreak, out?: string[]
): number {
  const n = text.length
  const spaceUnits = font.charAdvanceUnits(SPACE)
  let i = 0
  while (i < n && text.charCodeAt(i) === SPACE) i++
  let lines = 0
  while (i < n) {
    if (lines === maxLines) return i
    const first = text.charCodeAt(i)
    let end = i // end of the words accepted on this line
    let units = 0
    let next = i // start of the next word to try
    while (next < n) {
      let k = next
      let wordUnits = 0
      while (k < n && text.charCodeAt(k) !== SPACE) wordUnits += font.charAdvanceUnits(text.charCodeAt(k++))
      const candidate = end === i ? wordUnits : units + (next - end) * spaceUnits + wordUnits
      if (lineDots(font, candidate, first, text.charCodeAt(k - 1), size) <= width) {
        units = candidate
        end = k
        next = k
        while (next < n && text.charCodeAt(next) === SPACE) next++
        continue
      }
      if (end === i) {
        // The word alone is too wide for a line: after its last hyphen that fits, else inside it.
        const hyphen = breakWords === 'none' ? 0 : afterHyphen(font, text, i, k, size, width)
        const count = hyphen > 0 || breakWords !== 'anywhere' ? hyphen : fittingPrefix(font, text, i, k, size, width)
        if (count === 0) return i
        end = i + count
        next = end
      }
      break
    }
    out?.push(text.slice(i, end))
    lines++
    i = next
  }
  return n
}

/** How many characters of text[from, to) up to and including a hyphen fit on one line, the most such; 0 for none. */
function afterHyphen (font: LabelFont, text: string, from: number, to: number, size: number, width: number): number {
  const first = text.charCodeAt(from)
  let units = 0
  let count = 0
  // A hyphen at the word's end breaks nothing; one at its start would leave the line holding only the hyphen.
  for (let k = from; k < to - 1; k++) {
    const cp = text.charCodeAt(k)
    units += font.charAdvanceUnits(cp)
    if (lineDots(font, units, first, cp, size) > width) break
    if (HYPHENS.has(cp) && k > from) count = k + 1 - from
  }
  return count
}

/** How many characters of text[from, to) fit on one line. */
function fittingPrefix (font: LabelFont, text: string, from: number, to: number, size: number, width: number): number {
  const first = text.charCodeAt(from)
  let units = 0
  let count = 0
  for (let k = from; k < to; k++) {
    const cp = text.charCodeAt(k)
    units += font.charAdvanceUnits(cp)
    if (lineDots(font, units, first, cp, size) > width) break
    count++
  }
  return count
}

/** The longest start of `text` that fits `width` dots at `size` with `suffix` after it (trailing spaces dropped). */
export function cutToFit (font: LabelFont, text: string, suffix: string, size: number, width: number): string {
  const suffixUnits = font.advanceUnits(suffix)
  const lastCp = suffix.length > 0 ? suffix.charCodeAt(suffix.length - 1) : 0
  let units = suffixUnits
  let keep = 0
  for (let k = 0; k < text.length; k++) {
    units += font.charAdvanceUnits(text.charCodeAt(k))
    if (lineDots(font, units, text.charCodeAt(0), lastCp, size) > width) break
    keep = k + 1
  }
  return text.slice(0, keep).trimEnd()
}
