import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { fallbackGlyphFont, labelGlyphFont } from '../../../src/render/bitmap/index.ts'
import type { Mask } from '../../../src/render/bitmap/bitmap.ts'
import { rasterizeGlyph, type OutlineCommand } from '../../../src/render/bitmap/glyph-mask.ts'
import { cellKey, glyphKey, GlyphMasks, SHIFT_STEPS, type GlyphFont } from '../../../src/render/bitmap/glyph-source.ts'
import { seededRandom } from '../../support/random.ts'

const bytes = (file: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../../../fonts/${file}`, import.meta.url)))
const LABEL = labelGlyphFont(bytes('RobotoCondensed-Bold.ttf'))
const HEBREW = fallbackGlyphFont(bytes('noto/NotoSansHebrew-Bold.ttf'), 0.9)

/** The mask as drawn straight from the outline, with no memory in between. */
function drawn (font: GlyphFont, id: number, height: number, width: number, rotation: 0 | 90, step: number): Mask {
  const perUnit = font.scale / font.unitsPerEm
  return rasterizeGlyph(font.outline(id), { scaleRun: width * perUnit, scaleUp: height * perUnit, rotation, shift: step / SHIFT_STEPS })
}

/** A font of squares: glyph `id` is a square `id % 50 + 1` units wide, so masks are cheap and each id its own. */
const SQUARES: GlyphFont = {
  unitsPerEm: 100,
  scale: 1,
  outline: (id): OutlineCommand[] => {
    const side = (id % 50) + 1
    return [
      { command: 'moveTo', args: [0, 0] }, { command: 'lineTo', args: [side, 0] }, { command: 'lineTo', args: [side, side] },
      { command: 'lineTo', args: [0, side] }, { command: 'closePath', args: [] }
    ]
  }
}

describe('GlyphMasks', () => {
  it('gives the mask drawn straight from the outline, for random fonts, glyphs, cells, rotations and steps', () => {
    const masks = new GlyphMasks([LABEL, HEBREW])
    const next = seededRandom(47)
    const pick = (n: number): number => Math.floor(next() * n)
    for (let i = 0; i < 400; i++) {
      const font = pick(2)
      const id = font === 0 ? pick(1200) : pick(90)
      const height = 8 + pick(120)
      const width = next() < 0.5 ? height : 8 + pick(120)
      const rotation = next() < 0.3 ? 90 : 0
      const step = pick(SHIFT_STEPS)
      const source = font === 0 ? LABEL : HEBREW
      // Twice: the second answer comes from memory.
      for (let round = 0; round < 2; round++) {
        const fromCell = masks.cell(height, width, rotation).mask(glyphKey(font, id, step))
        expect(fromCell, `font ${font} glyph ${id} ${height}x${width} r${rotation} step ${step}`).toEqual(drawn(source, id, height, width, rotation, step))
        expect(masks.cell(height, width, rotation).mask(glyphKey(font, id, step))).toBe(fromCell)
      }
    }
  })

  it('keys cells and glyphs by small integers, distinct across the whole range', () => {
    expect(cellKey(4095, 4095, 90)).toBeLessThan(2 ** 30)
    expect(glyphKey(15, 65535, 3)).toBeLessThan(2 ** 30)
    expect(new Set([cellKey(10, 20, 0), cellKey(20, 10, 0), cellKey(10, 20, 90), cellKey(10, 21, 0)]).size).toBe(4)
    expect(new Set([glyphKey(0, 1, 0), glyphKey(1, 1, 0), glyphKey(0, 2, 0), glyphKey(0, 1, 3), glyphKey(0, 65535, 3), glyphKey(1, 0, 0)]).size).toBe(6)
  })

  it('draws masks again, the same, once more were drawn than it keeps', () => {
    const masks = new GlyphMasks([SQUARES])
    const maskOf = (id: number, height: number, width: number, step: number): Mask => masks.cell(height, width, 0).mask(glyphKey(0, id, step))
    const first = maskOf(7, 40, 40, 1)
    for (let i = 0; i < 41_000; i++) maskOf(i, 10 + (i % 30), 12, i % SHIFT_STEPS)
    const again = maskOf(7, 40, 40, 1)
    expect(again).not.toBe(first)
    expect(again).toEqual(first)
  })
})
