// Where glyph outlines come from, and the masks made of them at each size, kept for the life of the process:
// a label service prints the same few hundred glyphs at a handful of sizes all day.
import type { Mask } from './bitmap.ts'
import { rasterizeGlyph, type OutlineCommand } from './glyph-mask.ts'

/** One font as the rasterizer needs it. */
export interface GlyphFont {
  unitsPerEm: number
  /** Multiplier on the em (≤ 1 for fallback fonts whose ink would otherwise leave the label font's envelope). */
  scale: number
  /** The glyph's outline in font units, y up. */
  outline (glyphId: number): readonly OutlineCommand[]
}

/** Sub-dot positions a glyph origin is rounded to along the text: quarter dots. */
export const SHIFT_STEPS = 4
/** Masks kept before the cache starts over (a few MB; enough for many templates and scripts at both densities). */
const MAX_MASKS = 40_000

/**
 * The one number that names a glyph mask: two masks with the same key have the same dots. Fonts < 16, glyph
 * ids < 2^16, cell sides < 2^12, 1 bit rotation, 2 bits step: 47 bits, exact in a double.
 */
export function glyphMaskKey (font: number, id: number, height: number, width: number, rotation: 0 | 90, step: number): number {
  return ((((font * 65536 + id) * 4096 + height) * 4096 + width) * 2 + (rotation === 90 ? 1 : 0)) * SHIFT_STEPS + step
}

/** Masks of glyphs at given sizes, drawn once and reused. */
export class GlyphMasks {
  readonly fonts: readonly GlyphFont[]
  readonly #masks = new Map<number, Mask>()

  constructor (fonts: readonly GlyphFont[]) {
    this.fonts = fonts
  }

  /**
   * The mask of glyph `id` of font `font` for a `^A@` cell of `height` × `width` dots, rotated, with the origin
   * `step` quarter dots past a whole dot along the text.
   */
  mask (font: number, id: number, height: number, width: number, rotation: 0 | 90, step: number): Mask {
    const key = glyphMaskKey(font, id, height, width, rotation, step)
    let mask = this.#masks.get(key)
    if (mask === undefined) {
      const source = this.fonts[font] as GlyphFont
      const perUnit = source.scale / source.unitsPerEm
      mask = rasterizeGlyph(source.outline(id), { scaleRun: width * perUnit, scaleUp: height * perUnit, rotation, shift: step / SHIFT_STEPS })
      if (this.#masks.size >= MAX_MASKS) this.#masks.clear()
      this.#masks.set(key, mask)
    }
    return mask
  }
}
