// The glyphs one PDF uses, numbered in first-use order: content streams can be written page by page with
// final glyph numbers, and the font program holding exactly these glyphs is written once at the end.
import { createHash } from 'node:crypto'
import { UnsupportedCharacterError } from '../../errors.ts'
import type { FaceGlyph, FontFace } from './font-face.ts'

const TAG_LETTERS = 6
const LETTER_A = 65

/** A growing subset of the label font; glyph codes in content streams are 2-byte subset glyph ids (Identity-H). */
export class FontSubset {
  readonly face: FontFace
  private readonly idsByGlyph = new Map<number, number>()
  /** Subset glyphs in id order (index = subset id - 1). */
  private readonly glyphs: FaceGlyph[] = []
  /** The code point each subset glyph was first used for (for ToUnicode). */
  private readonly codePoints: number[] = []
  private readonly hexById: string[] = []

  constructor (face: FontFace) {
    this.face = face
  }

  /**
   * Hex glyph codes drawing `text`, one glyph per code point (as a printer maps a TrueType font, no shaping).
   * A character the font lacks fails with UnsupportedCharacterError naming `path`, before any glyph is added.
   */
  encode (text: string, path: string): string {
    const found: FaceGlyph[] = []
    const points: number[] = []
    for (const ch of text) {
      const cp = ch.codePointAt(0) as number
      const glyph = this.face.glyphFor(cp)
      if (glyph === undefined) throw new UnsupportedCharacterError(path, ch)
      found.push(glyph)
      points.push(cp)
    }
    let hex = ''
    for (let i = 0; i < found.length; i++) hex += this.hexOf(found[i] as FaceGlyph, points[i] as number)
    return hex
  }

  private hexOf (glyph: FaceGlyph, codePoint: number): string {
    let id = this.idsByGlyph.get(glyph.id)
    if (id === undefined) {
      // Subset id 0 is the font's .notdef glyph.
      id = this.glyphs.length + 1
      this.idsByGlyph.set(glyph.id, id)
      this.glyphs[id - 1] = glyph
      this.codePoints[id - 1] = codePoint
      this.hexById[id] = id.toString(16).padStart(4, '0')
    }
    return this.hexById[id] as string
  }

  /** Glyphs used so far, in subset id order starting at 1. */
  usedGlyphs (): readonly FaceGlyph[] {
    return this.glyphs
  }

  /** Code points of the used glyphs, in the same order. */
  usedCodePoints (): readonly number[] {
    return this.codePoints
  }

  /** The font's glyph ids by subset id: .notdef, then the used glyphs (see subsetTrueType). */
  fontGlyphIds (): number[] {
    return [0, ...this.glyphs.map((g) => g.id)]
  }

  /**
   * The six-letter subset tag (`ABCDEF+Name`), derived from the glyphs used: the same glyphs give the same
   * tag in any process, different subsets of one font get different names.
   */
  tag (): string {
    const ids = Buffer.alloc(this.glyphs.length * 2)
    this.glyphs.forEach((g, i) => ids.writeUInt16BE(g.id, i * 2))
    const digest = createHash('sha256').update(ids).digest()
    let tag = ''
    for (let i = 0; i < TAG_LETTERS; i++) tag += String.fromCharCode(LETTER_A + ((digest[i] as number) % 26))
    return tag
  }
}
