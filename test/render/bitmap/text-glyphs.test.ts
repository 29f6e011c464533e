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

  it('cuts digit runs from other characters and into threes, so a new number is made of pieces seen before', () => {
    const pieces = (text: string): string[] => {
      const placed = RASTER.place(textElement(0, 0, text, 30, 600)).map(copy)
      const glyphs = [...text].filter((c) => c !== ' ')
      const byPiece = new Map<number, string>()
      placed.forEach((p, i) => byPiece.set(p.word, (byPiece.get(p.word) ?? '') + (glyphs[i] as string)))
      return [...byPiece.values()]
    }
    expect(pieces('LWX100200458780500')).toEqual(['LWX', '100', '200', '458', '780', '500'])
    expect(pieces('Lindqvist-20000 #20000')).toEqual(['Lindqvist-', '200', '00', '#', '200', '00'])
    expect(pieces('SO-68213 Suite 12 A1B2')).toEqual(['SO-', '682', '13', 'Suite', '12', 'A', '1', 'B', '2'])
    expect(pieces('11/24/2026')).toEqual(['11', '/', '24', '/', '202', '6'])
    expect(pieces('Market Street')).toEqual(['Market', 'Street'])
  })
})
