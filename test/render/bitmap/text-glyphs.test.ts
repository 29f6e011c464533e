import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { labelGlyphFont, TextRasterizer, type PlacedMask } from '../../../src/render/bitmap/index.ts'
import type { Rotation } from '../../../src/model/label.ts'
import { seededRandom } from '../../support/random.ts'
import { textElement } from '../zpl/labels.ts'

const RASTER = new TextRasterizer(labelGlyphFont(new Uint8Array(readFileSync(new URL('../../../fonts/RobotoCondensed-Bold.ttf', import.meta.url)))))
const copy = ({ mask, key, x, y, word }: PlacedMask): PlacedMask => ({ mask, key, x, y, word })

describe('TextRasterizer', () => {
  it('gives glyphs of equal keys in one cell equal dots, and numbers the pieces between spaces in order', () => {
    const placed = RASTER.place(textElement(0, 0, 'aa a  a', 30, 300)).map(copy)
    expect(placed.map((p) => p.word)).toEqual([0, 0, 1, 2])
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

  it('places a text piece by piece as forEachPiece cuts it, and equal piece codes mean equal dots at equal places', () => {
    const next = seededRandom(7)
    const words = ['Suite', '12', 'Ave', 'Lindqvist-', '200', 'j.', 'WAW', 'Ωmega', '#']
    /** Each piece's glyphs relative to its anchor and baseline, by the piece's codes. */
    const seen = new Map<string, string>()
    let agreements = 0
    for (let round = 0; round < 300; round++) {
      const size = 18 + Math.floor(next() * 30)
      const rotation: Rotation = next() < 0.3 ? 90 : 0
      const text = Array.from({ length: 1 + Math.floor(next() * 4) }, () => words[Math.floor(next() * words.length)]).join(' ')
      const el = textElement(Math.floor(next() * 400), Math.floor(next() * 400), text, size, 900, rotation)
      const whole = RASTER.place(el).map(copy)
      const byPieces: PlacedMask[] = []
      RASTER.forEachPiece(el, (from, to, pen) => {
        const placed = RASTER.placePiece(el, from, to, pen, []).map(copy)
        byPieces.push(...placed)
        const codes: number[] = []
        const anchor = RASTER.pieceCodes(el, from, to, pen, codes)
        const baseline = RASTER.baselineOf(el)
        const relativeOf = (p: PlacedMask): number[] => rotation === 90 ? [p.key, p.y - anchor, p.x - baseline] : [p.key, p.x - anchor, p.y - baseline]
        const relative = JSON.stringify(placed.map(relativeOf))
        const key = `${size} ${rotation} ${codes.join(',')}`
        const before = seen.get(key)
        if (before !== undefined) {
          expect(relative, `${text} at ${el.x},${el.y}`).toBe(before)
          agreements++
        }
        seen.set(key, relative)
      })
      // place() numbers pieces its own way; the glyphs and their places are the same.
      expect(byPieces.map((p) => [p.key, p.x, p.y]), text).toEqual(whole.map((p) => [p.key, p.x, p.y]))
    }
    expect(agreements).toBeGreaterThan(100)
  })
})
