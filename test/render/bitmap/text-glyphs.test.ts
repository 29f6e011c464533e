import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { labelGlyphFont, TextRasterizer, type PlacedMask } from '../../../src/render/bitmap/index.ts'
import { textElement } from '../zpl/labels.ts'

const RASTER = new TextRasterizer(labelGlyphFont(new Uint8Array(readFileSync(new URL('../../../fonts/RobotoCondensed-Bold.ttf', import.meta.url)))))
const copy = ({ mask, key, x, y, word }: PlacedMask): PlacedMask => ({ mask, key, x, y, word })

describe('TextRasterizer', () => {
  it('gives glyphs of equal keys in one cell equal dots, and numbers words by the spaces before them', () => {
    const placed = RASTER.place(textElement(0, 0, 'aa a  a', 30, 300)).map(copy)
    expect(placed.map((p) => p.word)).toEqual([0, 0, 1, 3])
    for (const p of placed) for (const q of placed) if (p.key === q.key) expect(p.mask).toBe(q.mask)
  })
})
