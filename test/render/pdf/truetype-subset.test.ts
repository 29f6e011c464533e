// The font program cut from the label font: the glyphs asked for, byte for byte, plus the components of composite
// glyphs, with valid checksums; the label font itself is never touched.
import fontkit from '@pdf-lib/fontkit'
import { describe, expect, it } from 'vitest'
import { PdfFontError } from '../../../src/render/pdf/errors.ts'
import { readTrueType, subsetTrueType } from '../../../src/render/pdf/truetype-subset.ts'
import { FONT_BYTES } from './labels.ts'

const full = fontkit.create(FONT_BYTES)
const glyphIdOf = (ch: string): number => full.glyphForCodePoint(ch.codePointAt(0) as number).id

/** The sum of a font file's big-endian 32-bit words, the last one zero-padded. */
function checksum (bytes: Uint8Array): number {
  let sum = 0
  for (let i = 0; i < bytes.length; i += 4) {
    const word = ((bytes[i] ?? 0) << 24) | ((bytes[i + 1] ?? 0) << 16) | ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0)
    sum = (sum + (word >>> 0)) >>> 0
  }
  return sum
}

describe('subsetTrueType', () => {
  // `:` and `À` are composite glyphs in Roboto Condensed (built from other glyphs); `A`, `b`, `1` are simple.
  const chars = ['A', 'b', ':', 'À', '1']
  const ids = [0, ...chars.map(glyphIdOf)]

  it('holds .notdef and the glyphs asked for in that order, then their components, each drawn as in the full font', () => {
    const subset = fontkit.create(Buffer.from(subsetTrueType(readTrueType(FONT_BYTES), ids)))
    expect(subset.numGlyphs).toBeGreaterThan(ids.length)
    expect(subset.numGlyphs).toBeLessThan(ids.length + 6)
    ids.forEach((id, subsetId) => {
      const original = full.getGlyph(id)
      const copy = subset.getGlyph(subsetId)
      expect(copy.path.toSVG()).toBe(original.path.toSVG())
      expect(copy.advanceWidth).toBe(original.advanceWidth)
    })
    expect(subset.unitsPerEm).toBe(full.unitsPerEm)
    expect(subset.ascent).toBe(full.ascent)
  })

  it('draws every glyph the font maps a character to as the full font does, all in one subset', () => {
    const all = [0, ...new Set(full.characterSet.map((cp) => full.glyphForCodePoint(cp).id).filter((id) => id !== 0))]
    const subset = fontkit.create(Buffer.from(subsetTrueType(readTrueType(FONT_BYTES), all)))
    expect(all.length).toBeGreaterThan(900)
    const differing = all.filter((id, subsetId) => {
      const original = full.getGlyph(id)
      const copy = subset.getGlyph(subsetId)
      return copy.path.toSVG() !== original.path.toSVG() || copy.advanceWidth !== original.advanceWidth
    })
    expect(differing).toEqual([])
  })

  it('writes the table checksums and the head checksum adjustment a font validator checks', () => {
    const program = subsetTrueType(readTrueType(FONT_BYTES), ids)
    const view = new DataView(program.buffer, program.byteOffset, program.byteLength)
    const tags: string[] = []
    for (let i = 0; i < view.getUint16(4); i++) {
      const record = 12 + i * 16
      const tag = String.fromCharCode(...program.subarray(record, record + 4))
      tags.push(tag)
      const offset = view.getUint32(record + 8)
      const table = new Uint8Array(program.subarray(offset, offset + view.getUint32(record + 12)))
      if (tag === 'head') table.fill(0, 8, 12)
      expect(view.getUint32(record + 4), tag).toBe(checksum(table))
    }
    expect(tags).toEqual(['cvt ', 'fpgm', 'glyf', 'head', 'hhea', 'hmtx', 'loca', 'maxp', 'prep'])
    expect(checksum(program)).toBe(0xb1b0afba)
  })

  it('leaves the label font bytes as they were, also when they are a Buffer', () => {
    const before = Buffer.from(FONT_BYTES)
    subsetTrueType(readTrueType(FONT_BYTES), ids)
    subsetTrueType(readTrueType(FONT_BYTES), [0, glyphIdOf('Å'), glyphIdOf('é')])
    expect(Buffer.compare(before, FONT_BYTES)).toBe(0)
  })

  it('gives the same bytes for the same glyphs', () => {
    expect(Buffer.from(subsetTrueType(readTrueType(FONT_BYTES), ids))).toEqual(Buffer.from(subsetTrueType(readTrueType(FONT_BYTES), ids)))
  })

  it('refuses a subset without .notdef first, or a glyph the font does not have', () => {
    const source = readTrueType(FONT_BYTES)
    expect(() => subsetTrueType(source, [glyphIdOf('A')])).toThrow(PdfFontError)
    expect(() => subsetTrueType(source, [0, source.numGlyphs])).toThrow(/not in the label font/)
  })
})

describe('readTrueType', () => {
  it('refuses what is not an uncompressed TrueType font, or lacks a table a subset needs', () => {
    expect(() => readTrueType(new TextEncoder().encode('wOFF and then some more bytes'))).toThrow(/not an uncompressed TrueType/)
    const noHhea = new Uint8Array(FONT_BYTES)
    const view = new DataView(noHhea.buffer)
    for (let i = 0; i < view.getUint16(4); i++) {
      const record = 12 + i * 16
      if (String.fromCharCode(...noHhea.subarray(record, record + 4)) === 'hhea') noHhea.set([0x78, 0x78, 0x78, 0x78], record)
    }
    expect(() => readTrueType(noHhea)).toThrow(/table hhea is missing/)
  })
})
