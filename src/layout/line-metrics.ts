// Vertical geometry of text lines in whole dots. A line's text box (the model's TextElement) is `size` dots
// tall with the baseline BASELINE_RATIO down it; the font's ink reaches higher (accents over capitals) and a
// little lower than that box, so a region must hold the ink, not only the box.
import type { LabelFont } from '../fonts/index.ts'

/**
 * Where renderers put the baseline in a text box, as a fraction of the font size. Must equal
 * TEXT_BASELINE_RATIO of src/render/zpl (a test checks); kept here because layout may not import renderers.
 */
export const BASELINE_RATIO = 0.75

/** Smallest font size layout accepts, in inches (≈ 6 pt): smaller text does not print legibly at 203 dpi. */
export const MIN_FONT_SIZE_INCHES = 0.08

/** Distance from the text box's top to the baseline, in dots. */
export function baselineOffset (size: number): number {
  return Math.round(size * BASELINE_RATIO)
}

/** How far a line reaches above its baseline: the taller of the font's ink and the text box. */
export function lineAbove (font: LabelFont, size: number): number {
  return Math.max(Math.ceil((size * font.ascent) / font.unitsPerEm), baselineOffset(size))
}

/** How far a line reaches below its baseline: the deeper of the font's ink and the text box. */
export function lineBelow (font: LabelFont, size: number): number {
  return Math.max(Math.ceil((size * -font.descent) / font.unitsPerEm), size - baselineOffset(size))
}

/** Distance between baselines of wrapped lines; never less than the box, so boxes never overlap. */
export function linePitch (size: number, lineSpacing: number): number {
  return Math.max(size, Math.round(size * lineSpacing))
}

/** Height of `lines` lines of text from the top of the first line's ink to the bottom of the last's. */
export function blockHeight (font: LabelFont, size: number, lines: number, lineSpacing: number): number {
  return lineAbove(font, size) + (lines - 1) * linePitch(size, lineSpacing) + lineBelow(font, size)
}

/** Largest whole-dot size ≤ `maxSize` at which `lines` lines fit in `room` dots; 0 when none does. */
export function largestSizeForLines (font: LabelFont, room: number, lines: number, lineSpacing: number, maxSize: number): number {
  const perSize = (font.ascent - font.descent) / font.unitsPerEm + (lines - 1) * lineSpacing
  let size = Math.min(maxSize, Math.floor(room / perSize) + 1)
  while (size > 0 && blockHeight(font, size, lines, lineSpacing) > room) size--
  return size
}
