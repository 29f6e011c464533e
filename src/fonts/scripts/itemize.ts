// Splits a line into runs that HarfBuzz shapes one at a time: a run has one font and one bidi embedding level.
// The font is chosen per cluster (a base character with its marks and joiners), so a mark never lands in a
// different font from its base; the runs are then put in visual order (Unicode bidi rule L2).
import bidiModule, { type Bidi } from 'bidi-js'
import { isJoiner, isVariationSelector, lowestBit, type Coverage } from './coverage.ts'
import { HANGUL, KANA } from './fallback-fonts.ts'
import type { HanStyle } from './types.ts'

/** A stretch of the logical text [start, end) in one font at one embedding level (odd = right to left). */
export interface Run { start: number, end: number, font: number, level: number }

/** The CJK fonts' chain indexes, for Han unification. */
export type CjkFonts = Record<HanStyle, number>

const SPACE = 0x20

// bidi-js is CommonJS whose types declare an ES default export: at run time the default import is the factory.
const bidi = (bidiModule as unknown as () => Bidi)()
/** Hebrew, Arabic, Syriac, Thaana, NKo… and their presentation forms: only such text needs the bidi algorithm. */
const RIGHT_TO_LEFT = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]|[\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u

/** Chooses the font of each cluster; -1 where no font prints the cluster. */
export class FontChooser {
  private readonly cjkMask: number
  constructor (private readonly coverage: Coverage, private readonly cjk: CjkFonts) {
    this.cjkMask = (1 << cjk.japanese) | (1 << cjk.korean) | (1 << cjk.chinese)
  }

  /** The CJK font Han characters take in this text: Japanese beside kana, Korean beside Hangul, else Chinese. */
  preferredCjk (text: string, han: HanStyle = hanStyle(text)): number {
    return this.cjk[han]
  }

  /** End (exclusive) of the cluster starting at `start`. */
  clusterEnd (text: string, start: number): number {
    let i = start + ((text.codePointAt(start) as number) > 0xffff ? 2 : 1)
    while (i < text.length) {
      const cp = text.codePointAt(i) as number
      if (!this.coverage.extendsCluster(cp)) break
      i += cp > 0xffff ? 2 : 1
    }
    return i
  }

  /** Fonts that print every visible character of text[start, end), as written or composed (NFC). */
  fontsFor (text: string, start: number, end: number): number {
    let mask = 0xffff
    for (let i = start; i < end;) {
      const cp = text.codePointAt(i) as number
      i += cp > 0xffff ? 2 : 1
      if (!isJoiner(cp) && !isVariationSelector(cp)) mask &= this.coverage.mask(cp)
    }
    // A decomposed cluster ("ễ" as e + ̂ + ̃) prints in a font that has its composed form (HarfBuzz composes):
    // the label font, when it has the base letter, rather than a later font that happens to have the marks.
    const baseInLabelFont = (this.coverage.mask(text.codePointAt(start) as number) & 1) !== 0
    if (end - start > 1 && (mask & 1) === 0 && (mask === 0 || baseInLabelFont)) {
      const composed = text.slice(start, end).normalize('NFC')
      if (composed.length < end - start) mask |= this.fontsFor(composed, 0, composed.length)
    }
    return mask
  }

  choose (mask: number, preferredCjk: number): number {
    if ((mask & this.cjkMask) !== 0 && (mask & 1) === 0 && (mask & (1 << preferredCjk)) !== 0) return preferredCjk
    return lowestBit(mask)
  }
}

/** How Han characters are drawn for this text: Japanese beside kana, Korean beside Hangul, else Chinese. */
export function hanStyle (text: string): HanStyle {
  if (KANA.test(text)) return 'japanese'
  if (HANGUL.test(text)) return 'korean'
  return 'chinese'
}

/** The runs of one line in visual order, left to right. */
export function itemize (text: string, chooser: FontChooser, han?: HanStyle): Run[] {
  const levels = RIGHT_TO_LEFT.test(text) ? bidi.getEmbeddingLevels(text).levels : undefined
  const preferredCjk = chooser.preferredCjk(text, han)
  const runs: Run[] = []
  let current: Run | undefined
  for (let start = 0; start < text.length;) {
    const end = chooser.clusterEnd(text, start)
    // Unprintable clusters go to the label font, which draws its missing glyph (callers check firstUnsupported).
    const mask = chooser.fontsFor(text, start, end)
    const level = levels === undefined ? 0 : levels[start] as number
    // A space between words of a fallback script stays in their run (one HarfBuzz call per phrase, not per word),
    // drawn by their font at its size.
    const keepsRun = current !== undefined && current.level === level && text.charCodeAt(start) === SPACE && end === start + 1 &&
      (mask & (1 << current.font)) !== 0
    const font = keepsRun ? (current as Run).font : Math.max(0, chooser.choose(mask, preferredCjk))
    if (current !== undefined && current.font === font && current.level === level) current.end = end
    else {
      current = { start, end, font, level }
      runs.push(current)
    }
    start = end
  }
  return levels === undefined ? runs : visualOrder(runs)
}

/** Rule L2: from the highest level down to the lowest odd one, reverse every sequence of runs at that level or above. */
function visualOrder (runs: Run[]): Run[] {
  let highest = 0
  let lowestOdd = Number.MAX_SAFE_INTEGER
  for (const run of runs) {
    highest = Math.max(highest, run.level)
    if (run.level % 2 === 1) lowestOdd = Math.min(lowestOdd, run.level)
  }
  const order = runs.slice()
  for (let level = highest; level >= lowestOdd; level--) {
    for (let i = 0; i < order.length;) {
      if ((order[i] as Run).level < level) { i++; continue }
      let j = i
      while (j < order.length && (order[j] as Run).level >= level) j++
      const reversed = order.slice(i, j).reverse()
      order.splice(i, j - i, ...reversed)
      i = j
    }
  }
  return order
}
