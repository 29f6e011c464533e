import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { Bitmap, type Mask } from '../../../src/render/bitmap/bitmap.ts'
import type { PlacedMask } from '../../../src/render/bitmap/text-glyphs.ts'
import type { TextElement } from '../../../src/model/label.ts'
import { cellKey } from '../../../src/render/bitmap/glyph-source.ts'
import { PieceGraphics, WordGraphics } from '../../../src/render/zpl/word-graphic.ts'
import { seededRandom } from '../../support/random.ts'
import { graphicModeOptions, textElement } from './labels.ts'

/** A one-row mask whose dots spell `key`'s low byte, so masks of different keys print differently. */
const maskOf = (key: number): Mask => ({ left: 0, top: 0, width: 8, height: 1, stride: 1, bits: new Uint8Array([(key & 0xff) | 1]) })
const glyph = (key: number, x = 0, y = 0): PlacedMask => ({ mask: maskOf(key), key, x, y, word: 0 })

describe('WordGraphics', () => {
  it('finds a word again by its cell, its glyph keys and their places relative to its first glyph', () => {
    const words = new WordGraphics()
    const first = words.of(5, [glyph(1, 10, 20), glyph(2, 19, 20)], 0, 2)
    // Kept from its second drawing on, equal to the first.
    const a = words.of(5, [glyph(1, 10, 20), glyph(2, 19, 20)], 0, 2)
    expect(a).toEqual(first)
    expect(words.of(5, [glyph(1, 300, 7), glyph(2, 309, 7)], 0, 2)).toBe(a)
    expect(words.of(5, [glyph(1, 300, 7), glyph(2, 310, 7)], 0, 2)).not.toBe(a)
    expect(words.of(6, [glyph(1, 10, 20), glyph(2, 19, 20)], 0, 2)).not.toBe(a)
    expect(words.of(5, [glyph(1, 10, 20), glyph(2 + 65536, 19, 20)], 0, 2)).not.toBe(a)
  })

  it('keeps no word drawn only once, so a stream of unique words leaves nothing behind', () => {
    const words = new WordGraphics()
    const unique = Array.from({ length: 200 }, (_, i) => words.of(5, [glyph(i + 1, 10, 20), glyph(i + 7, 19, 20)], 0, 2))
    unique.forEach((word, i) => {
      const again = words.of(5, [glyph(i + 1, 10, 20), glyph(i + 7, 19, 20)], 0, 2)
      expect(again).not.toBe(word)
      expect(again).toEqual(word)
    })
  })

  it('draws masks of every width at every bit phase as blitting them does', () => {
    const next = seededRandom(29)
    const pick = (n: number): number => Math.floor(next() * n)
    const randomMask = (): Mask => {
      const width = 1 + pick(40)
      const height = 1 + pick(6)
      const stride = (width + 7) >> 3
      const bits = new Uint8Array(stride * height)
      for (let r = 0; r < height; r++) {
        for (let x = 0; x < width; x++) if (next() < 0.5) bits[r * stride + (x >> 3)] = (bits[r * stride + (x >> 3)] as number) | (0x80 >> (x & 7))
      }
      return { left: 0, top: 0, width, height, stride, bits }
    }
    for (let round = 0; round < 300; round++) {
      const place = (i: number): PlacedMask => ({ mask: randomMask(), key: round * 8 + i, x: 20 + pick(60), y: 20 + pick(12), word: 0 })
      const placed = Array.from({ length: 1 + pick(5) }, (_, i) => place(i))
      const word = new WordGraphics().of(1, placed, 0, placed.length)
      const [, total, stride, data] = /^\^GFA,(\d+),\d+,(\d+),:Z64:([^:]+):/.exec(word.graphic) ?? []
      const dots = inflateSync(Buffer.from(data as string, 'base64'))
      const printed = new Bitmap(160, 64)
      const graphic = { left: 0, top: 0, width: Number(stride) * 8, height: Number(total) / Number(stride), stride: Number(stride), bits: dots }
      printed.blit(graphic, placed[0]!.x + word.ox, placed[0]!.y + word.oy)
      const blitted = new Bitmap(160, 64)
      for (const { mask, x, y } of placed) blitted.blit(mask, x, y)
      expect(Buffer.from(printed.data).equals(Buffer.from(blitted.data)), `round ${round}`).toBe(true)
    }
  })
})

describe('PieceGraphics', () => {
  const text = graphicModeOptions().glyphs
  /** Every piece of `el` as PieceGraphics places it: its place and graphic. */
  const piecesOf = (pieces: PieceGraphics, el: TextElement): unknown[] => {
    const out: unknown[] = []
    const cell = cellKey(el.fontHeight, el.fontWidth, el.rotation === 90 ? 90 : 0)
    const baseline = text.baselineOf(el)
    text.forEachPiece(el, (from, to, pen) => { out.push(pieces.of(el, cell, text, baseline, from, to, pen)) })
    return out
  }

  it('tells apart pieces whose codes share a hash, each drawn as itself however often they take turns', () => {
    const texts = ['Suite 400', 'Suite 401', 'Market Street 1200', '94110 San Francisco', 'SO-48213', 'SO-48214']
    const elements = texts.flatMap((t, i) => [textElement(10 + i, 30, t, 28, 600), textElement(11 + i, 30, t, 28, 600), textElement(10, 90, t, 40, 700, 90)])
    const reference = new PieceGraphics()
    const colliding = new PieceGraphics(() => 12345)
    const random = seededRandom(7)
    for (let round = 0; round < 6; round++) {
      for (const el of [...elements].sort(() => random() - 0.5)) {
        const expected = piecesOf(reference, el)
        expect(expected.some((p) => p !== undefined)).toBe(true)
        expect(piecesOf(colliding, el)).toEqual(expected)
      }
    }
  })
})
