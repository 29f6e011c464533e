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
  private readonly idsByShaped = new Map<string, number>()
  /** Subset glyphs in id order (index = subset id - 1). */
  private readonly glyphs: FaceGlyph[] = []
  /** The text each subset glyph was first used for (for ToUnicode): a character, or a shaped cluster. */
  private readonly texts: string[] = []
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
    for (let i = 0; i < found.length; i++) hex += this.hexOf(found[i] as FaceGlyph, String.fromCodePoint(points[i] as number))
    return hex
  }

  /**
   * The hex glyph code of the font's glyph `id` (from shaping) drawing `text`, '' for a glyph that only completes its
   * cluster (dots, marks). Shaped fonts use one glyph in clusters of different characters (the dots of ي and ت), so
   * each glyph gets a code per text it stands for, and ToUnicode gives every code its own text.
   */
  encodeGlyph (id: number, text: string): string {
    const key = `${id}\u0000${text}`
    let code = this.idsByShaped.get(key)
    if (code === undefined) {
      code = this.add(this.face.glyphById(id), text)
      this.idsByShaped.set(key, code)
    }
    return this.hexById[code] as string
  }

  private hexOf (glyph: FaceGlyph, text: string): string {
    let id = this.idsByGlyph.get(glyph.id)
    if (id === undefined) {
      id = this.add(glyph, text)
      this.idsByGlyph.set(glyph.id, id)
    }
    return this.hexById[id] as string
  }

  /** A new subset code for `glyph`. */
  private add (glyph: FaceGlyph, text: string): number {
    // Subset id 0 is the font's .notdef glyph.
    const id = this.glyphs.length + 1
    this.glyphs[id - 1] = glyph
    this.texts[id - 1] = text
    this.hexById[id] = id.toString(16).padStart(4, '0')
    return id
  }

  /** Glyphs used so far, in subset id order starting at 1. */
  usedGlyphs (): readonly FaceGlyph[] {
    return this.glyphs
  }

  /** Code points of the used glyphs (the first of each glyph's text), in the same order. */
  usedCodePoints (): readonly number[] {
    return this.texts.map((t) => t.codePointAt(0) ?? 0)
  }

  /** The text each used glyph draws, in the same order. */
  usedTexts (): readonly string[] {
    return this.texts
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
