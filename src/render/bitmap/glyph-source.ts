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
 * The number that names a `^A@` cell of `height` × `width` dots (sides < 2^12) and its rotation: 25 bits, so it
 * stays a small integer, which V8 hashes and compares without a heap number.
 */
export function cellKey (height: number, width: number, rotation: 0 | 90): number {
  return (height * 4096 + width) * 2 + (rotation === 90 ? 1 : 0)
}

/**
 * The number that names a glyph mask within its cell: two masks of one cell with the same key have the same dots.
 * Fonts < 16, glyph ids < 2^16, 2 bits of step: 22 bits, a small integer too.
 */
export function glyphKey (font: number, id: number, step: number): number {
  return (font * 65536 + id) * SHIFT_STEPS + step
}

/** The masks of every font at one cell and rotation, by glyphKey. */
export class CellMasks {
  readonly #byGlyph = new Map<number, Mask>()

  constructor (readonly owner: GlyphMasks, readonly height: number, readonly width: number, readonly rotation: 0 | 90) {}

  /** The mask a glyphKey names in this cell. */
  mask (key: number): Mask {
    return this.#byGlyph.get(key) ?? this.#draw(key)
  }

  #draw (key: number): Mask {
    const step = key % SHIFT_STEPS
    const glyph = (key - step) / SHIFT_STEPS
    const source = this.owner.fonts[Math.floor(glyph / 65536)] as GlyphFont
    const perUnit = source.scale / source.unitsPerEm
    const placement = { scaleRun: this.width * perUnit, scaleUp: this.height * perUnit, rotation: this.rotation, shift: step / SHIFT_STEPS }
    const mask = rasterizeGlyph(source.outline(glyph % 65536), placement)
    this.owner.counted()
    this.#byGlyph.set(key, mask)
    return mask
  }
}

/** Masks of glyphs at given sizes, drawn once and reused. */
export class GlyphMasks {
  readonly fonts: readonly GlyphFont[]
  // Two levels with small-integer keys: a text looks its cell up once, then each glyph by a key V8 keeps unboxed.
  #cells = new Map<number, CellMasks>()
  #count = 0

  constructor (fonts: readonly GlyphFont[]) {
    this.fonts = fonts
  }

  /** The masks of a `^A@` cell of `height` × `width` dots, rotated. */
  cell (height: number, width: number, rotation: 0 | 90): CellMasks {
    const key = cellKey(height, width, rotation)
    let cell = this.#cells.get(key)
    if (cell === undefined) this.#cells.set(key, cell = new CellMasks(this, height, width, rotation))
    return cell
  }

  /** Notes one more mask drawn; past the bound every cell starts over (a cell held by a caller stays usable). */
  counted (): void {
    if (++this.#count <= MAX_MASKS) return
    this.#cells = new Map()
    this.#count = 1
  }
}
