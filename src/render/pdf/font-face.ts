// The label font parsed once per process: fontkit parsing costs more than drawing a whole label, so faces are
// cached by the identity of the bytes (the service passes the same array every time) and, failing that, by content.
import { createHash } from 'node:crypto'
import fontkit from '@pdf-lib/fontkit'
import type { Font, Glyph } from '@pdf-lib/fontkit'
import { PdfFontError } from './errors.ts'
import { readTrueType, type TrueTypeSource } from './truetype-subset.ts'
import { BoundedMap } from '../../bounded-map.ts'

/** PDF font metrics are in thousandths of the em. */
const PDF_GLYPH_UNITS = 1000
/** Distinct font files kept parsed when callers pass fresh copies of the bytes (tests, tools). */
const MAX_FACES_BY_CONTENT = 4

/** A glyph as the PDF writer needs it: its id in the font and its advance in PDF glyph units. */
export interface FaceGlyph {
  glyph: Glyph
  id: number
  advance: number
}

/** A parsed TrueType font with cached code point lookups. */
export interface FontFace {
  font: Font
  /** The font file's tables, for cutting subsets from. */
  trueType: TrueTypeSource
  postscriptName: string
  /** Multiplier from font units to PDF glyph units (1000 per em). */
  scale: number
  /** The glyph drawing a code point, or undefined when the font has none (it would print as a box). */
  glyphFor (codePoint: number): FaceGlyph | undefined
  /** The glyph with this id (shaped text names glyphs, not characters). */
  glyphById (id: number): FaceGlyph
}

const byIdentity = new WeakMap<Uint8Array, FontFace>()
const byContent = new BoundedMap<string, FontFace>(MAX_FACES_BY_CONTENT)

function parse (bytes: Uint8Array): FontFace {
  let font: Font
  try {
    font = fontkit.create(bytes)
  } catch (err) {
    throw new PdfFontError(`label font: not a TrueType/OpenType font (${err instanceof Error ? err.message : String(err)})`, { cause: err })
  }
  // Refuses CFF outlines, WOFF and collections: subsets are cut from a plain TrueType file.
  const trueType = readTrueType(bytes)
  const scale = PDF_GLYPH_UNITS / font.unitsPerEm
  const glyphs = new Map<number, FaceGlyph | undefined>()
  const byId = new Map<number, FaceGlyph>()
  return {
    font,
    trueType,
    postscriptName: (font.postscriptName ?? 'LabelFont').replace(/[^!-~]|[()<>[\]{}/%#]/g, ''),
    scale,
    glyphFor (codePoint) {
      if (glyphs.has(codePoint)) return glyphs.get(codePoint)
      const glyph = font.hasGlyphForCodePoint(codePoint) ? font.glyphForCodePoint(codePoint) : undefined
      const found = glyph === undefined || glyph.id === 0 ? undefined : { glyph, id: glyph.id, advance: glyph.advanceWidth * scale }
      glyphs.set(codePoint, found)
      return found
    },
    glyphById (id) {
      let found = byId.get(id)
      if (found === undefined) {
        const glyph = font.getGlyph(id)
        byId.set(id, found = { glyph, id, advance: glyph.advanceWidth * scale })
      }
      return found
    }
  }
}

/** The parsed face for these font bytes, parsed at most once per distinct font. */
export function fontFaceFor (bytes: Uint8Array): FontFace {
  const known = byIdentity.get(bytes)
  if (known !== undefined) return known
  const digest = createHash('sha256').update(bytes).digest('hex')
  let face = byContent.get(digest)
  if (face === undefined) {
    face = parse(bytes)
    byContent.set(digest, face)
  }
  byIdentity.set(bytes, face)
  return face
}
