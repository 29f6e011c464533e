// The label font (a TrueType file's bytes) as the rasterizer reads it, parsed once per font through the same
// cache the PDF writer uses.
import type { Font } from '@pdf-lib/fontkit'
import { fontFaceFor } from '../pdf/font-face.ts'
import type { OutlineCommand } from './glyph-mask.ts'
import type { GlyphFont } from './glyph-source.ts'
import type { LabelFont } from '../../fonts/index.ts'
import { TextRasterizer, type PrimaryGlyphFont } from './text-glyphs.ts'

const byBytes = new WeakMap<Uint8Array, PrimaryGlyphFont>()

/** fontkit keeps a glyph's outline as `path.commands`, which its type declarations leave out. */
export function outlineOf (font: Font, id: number): readonly OutlineCommand[] {
  return (font.getGlyph(id).path as unknown as { commands: OutlineCommand[] }).commands
}

/** Outlines, glyph ids and advances of a TrueType font, scaled 1:1 (it is the label font). */
export function labelGlyphFont (bytes: Uint8Array): PrimaryGlyphFont {
  const known = byBytes.get(bytes)
  if (known !== undefined) return known
  const { font } = fontFaceFor(bytes)
  // Code points of the Basic Multilingual Plane answer from a table; -1 is "not looked up yet".
  const ids = new Int32Array(0x10000).fill(-1)
  const advances = new Int32Array(0x10000)
  const lookUp = (cp: number): number => {
    if (cp < 0x10000) {
      const id = ids[cp] as number
      if (id !== -1) return id
    }
    const glyph = font.hasGlyphForCodePoint(cp) ? font.glyphForCodePoint(cp) : font.getGlyph(0)
    if (cp < 0x10000) {
      ids[cp] = glyph.id
      advances[cp] = glyph.advanceWidth
    }
    return glyph.id
  }
  const primary: PrimaryGlyphFont = {
    unitsPerEm: font.unitsPerEm,
    scale: 1,
    outline: (id) => outlineOf(font, id),
    glyphId: lookUp,
    advance: (cp) => {
      if (cp >= 0x10000) return font.getGlyph(lookUp(cp)).advanceWidth
      lookUp(cp)
      return advances[cp] as number
    }
  }
  byBytes.set(bytes, primary)
  return primary
}

/** A fallback font from its TrueType bytes, its em scaled by `scale`. */
export function fallbackGlyphFont (bytes: Uint8Array, scale: number): GlyphFont {
  const { font } = fontFaceFor(bytes)
  return { unitsPerEm: font.unitsPerEm, scale, outline: (id) => outlineOf(font, id) }
}

/** The rasterizer of the label font and of its script fallbacks, in the order shaped text names them. */
export function textRasterizerFor (font: LabelFont): TextRasterizer {
  const fallbacks = (font.scripts?.fonts ?? []).slice(1).map((f): GlyphFont => {
    // A fallback's bytes are read when a label first draws one of its glyphs, not at start-up.
    let parsed: GlyphFont | undefined
    return { unitsPerEm: f.unitsPerEm, scale: f.scale, outline: (id) => (parsed ??= fallbackGlyphFont(f.bytes, f.scale)).outline(id) }
  })
  return new TextRasterizer(labelGlyphFont(font.bytes), fallbacks)
}
