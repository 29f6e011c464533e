// The growing font subset: glyph codes in first-use order, atomic failure on a missing character, a stable tag;
// the face cache; the ToUnicode map.
import { describe, expect, it } from 'vitest'
import { UnsupportedCharacterError } from '../../../src/errors.ts'
import { fontFaceFor } from '../../../src/render/pdf/font-face.ts'
import { FontSubset } from '../../../src/render/pdf/font-subset.ts'
import { toUnicodeCMap } from '../../../src/render/pdf/to-unicode.ts'
import { FONT_BYTES } from './labels.ts'

describe('FontSubset', () => {
  it('numbers glyphs from 1 in first-use order, one 2-byte code per character', () => {
    const subset = new FontSubset(fontFaceFor(FONT_BYTES))
    expect(subset.encode('abca', 'f')).toBe('0001000200030001')
    expect(subset.encode('dą', 'f')).toBe('00040005')
    expect(subset.usedCodePoints()).toEqual([...'abcdą'].map((c) => c.codePointAt(0)))
  })

  it('adds no glyph when a character is missing, and names the field', () => {
    const subset = new FontSubset(fontFaceFor(FONT_BYTES))
    expect(() => subset.encode('xyz\u2603', 'recipient.name')).toThrow(UnsupportedCharacterError)
    expect(() => subset.encode('tab\there', 'notes')).toThrow(expect.objectContaining({ path: 'notes', character: '\t' }))
    expect(subset.usedGlyphs()).toHaveLength(0)
  })

  it('tags a subset by its glyphs: six capitals, equal for equal glyph sets', () => {
    const tagOf = (text: string): string => {
      const subset = new FontSubset(fontFaceFor(FONT_BYTES))
      subset.encode(text, 'f')
      return subset.tag()
    }
    expect(tagOf('Łódź')).toMatch(/^[A-Z]{6}$/)
    expect(tagOf('Łódź')).toBe(tagOf('Łódź'))
    expect(tagOf('Łódź')).not.toBe(tagOf('Lodz'))
  })
})

describe('fontFaceFor', () => {
  it('parses a font once, whether given the same bytes or a copy of them', () => {
    const face = fontFaceFor(FONT_BYTES)
    expect(fontFaceFor(FONT_BYTES)).toBe(face)
    expect(fontFaceFor(new Uint8Array(FONT_BYTES))).toBe(face)
    expect(face.postscriptName).toBe('RobotoCondensed-Bold')
    expect(face.glyphFor(0x4e2d)).toBeUndefined()
    expect(face.glyphFor(0x41)?.advance).toBeGreaterThan(400)
  })
})

describe('toUnicodeCMap', () => {
  it('maps codes to UTF-16, surrogate pairs beyond the BMP, at most 100 entries per block', () => {
    const cmap = toUnicodeCMap([0x41, 0x1f600, ...Array.from({ length: 150 }, (_, i) => 0x400 + i)])
    expect(cmap).toContain('<0001> <0041>')
    expect(cmap).toContain('<0002> <d83dde00>')
    expect(cmap.match(/(\d+) beginbfchar/g)).toEqual(['100 beginbfchar', '52 beginbfchar'])
  })
})
