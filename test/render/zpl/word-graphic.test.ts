import { describe, expect, it } from 'vitest'
import type { Mask } from '../../../src/render/bitmap/bitmap.ts'
import type { PlacedMask } from '../../../src/render/bitmap/text-glyphs.ts'
import { WordGraphics } from '../../../src/render/zpl/word-graphic.ts'

/** A one-row mask whose dots spell `key`'s low byte, so masks of different keys print differently. */
const maskOf = (key: number): Mask => ({ left: 0, top: 0, width: 8, height: 1, stride: 1, bits: new Uint8Array([(key & 0xff) | 1]) })
const glyph = (key: number, x = 0, y = 0): PlacedMask => ({ mask: maskOf(key), key, x, y, word: 0 })

describe('WordGraphics', () => {
  it('finds a word again by its cell, its glyph keys and their places relative to its first glyph', () => {
    const words = new WordGraphics()
    const a = words.of(5, [glyph(1, 10, 20), glyph(2, 19, 20)], 0, 2)
    expect(words.of(5, [glyph(1, 300, 7), glyph(2, 309, 7)], 0, 2)).toBe(a)
    expect(words.of(5, [glyph(1, 300, 7), glyph(2, 310, 7)], 0, 2)).not.toBe(a)
    expect(words.of(6, [glyph(1, 10, 20), glyph(2, 19, 20)], 0, 2)).not.toBe(a)
    expect(words.of(5, [glyph(1, 10, 20), glyph(2 + 65536, 19, 20)], 0, 2)).not.toBe(a)
  })
})
