// Where each glyph of a text element lands, in dots, with its mask: the one placement the PNG, the ZPL graphics
// and the parity tests share. Text in the label font alone is placed as the printer places `^A@` text (one glyph
// per character at its advance, unkerned); shaped text (other scripts, fallback fonts) comes placed from layout.
import type { TextElement } from '../../model/label.ts'
import { TEXT_BASELINE_RATIO } from '../zpl/text.ts'
import type { Mask } from './bitmap.ts'
import { GlyphMasks, glyphKey, SHIFT_STEPS, type CellMasks, type GlyphFont } from './glyph-source.ts'

/** The label font as the rasterizer needs it: outlines plus the glyph and advance of each character. */
export interface PrimaryGlyphFont extends GlyphFont {
  /** Glyph id drawing a code point (0 when the font has none: layout never lets such text through). */
  glyphId (codePoint: number): number
  /** Advance of a code point in font units. */
  advance (codePoint: number): number
}

/** A glyph mask at its place: (x, y) is where the mask's top-left dot goes. */
export interface PlacedMask {
  mask: Mask
  /** The mask's glyphKey in the text's cell: in one cell, equal keys mean equal dots. */
  key: number
  x: number
  y: number
  /**
   * Which piece of the text the glyph belongs to, numbered from 0, each piece one graphic of the ZPL label: the text
   * is cut at spaces, between digits and other characters, and after every third digit of a run (see DIGIT_GROUP).
   * Shaped text is one piece.
   */
  word: number
}

/**
 * Digits per piece of a run of digits. What is new on a label is mostly numbers (tracking codes, order numbers,
 * house numbers, phone numbers); cut into threes they are made of a thousand pieces per size, each compressed once
 * and then found again, where whole numbers would be drawn and compressed anew on almost every label.
 */
const DIGIT_GROUP = 3

/** The text fonts of a label: [0] the label font, then the fallback fonts shaped text may use. */
export class TextRasterizer {
  readonly masks: GlyphMasks
  readonly primary: PrimaryGlyphFont

  constructor (primary: PrimaryGlyphFont, fallbacks: readonly GlyphFont[] = []) {
    this.primary = primary
    this.masks = new GlyphMasks([primary, ...fallbacks])
  }

  /**
   * Every glyph of `el` with its mask and where its top-left dot goes on the label, appended to `out`. The placed
   * objects are reused by the next call: a label places hundreds of glyphs, and new objects for each were a tenth
   * of a self-contained ZPL label's garbage.
   */
  place (el: TextElement, out: PlacedMask[] = []): PlacedMask[] {
    this.#used = 0
    this.#start(el, true)
    if (el.glyphs !== undefined) {
      for (const g of el.glyphs) this.#put(out, el, g.font, g.id, g.x * el.fontWidth, g.y * el.fontHeight, 0)
      return out
    }
    let word = 0
    this.forEachPiece(el, (from, to, pen) => { this.#putPiece(out, el, from, to, pen, word++) })
    return out
  }

  /** The glyphs of one piece of `el`'s text (see forEachPiece), appended to `out` as place() places them. */
  placePiece (el: TextElement, from: number, to: number, pen: number, out: PlacedMask[]): PlacedMask[] {
    this.#used = 0
    this.#start(el, true)
    this.#putPiece(out, el, from, to, pen, 0)
    return out
  }

  /**
   * What one piece's dots depend on, without drawing it: for each glyph its glyphKey (two 16-bit codes) and its whole
   * dot along the text less the first glyph's, appended to `codes`. Two pieces of one cell with equal codes have the
   * same dots at the same place relative to their anchor: along the text the first glyph's whole dot, which is
   * returned, and across it the baseline (see baselineOf). Both take a glyph's place from #quartersAt, so the two
   * never disagree.
   */
  pieceCodes (el: TextElement, from: number, to: number, pen: number, codes: number[]): number {
    this.#start(el, false)
    const { text } = el
    let anchor = 0
    for (let i = from; i < to; i++) {
      const cp = text.codePointAt(i) as number
      if (cp > 0xffff) i++
      const quarters = this.#quartersAt(pen * this.#perUnit)
      const whole = Math.floor(quarters / SHIFT_STEPS)
      if (i === from) anchor = whole
      const key = glyphKey(0, this.primary.glyphId(cp), quarters - whole * SHIFT_STEPS)
      codes.push(key & 0xffff, key >>> 16, whole - anchor)
      pen += this.primary.advance(cp)
    }
    return anchor
  }

  /** Where `el`'s baseline lies across the text: a y of a horizontal text, an x of a rotated one. */
  baselineOf (el: TextElement): number {
    this.#start(el, false)
    return this.#across
  }

  readonly #pool: PlacedMask[] = []
  #used = 0
  /** The masks of the cell of the text being placed. */
  #cell: CellMasks | undefined
  /** The pen's start on the baseline, along the text (x, or y when rotated) and across it. */
  #along0 = 0
  #across = 0
  /** Dots along the text per font unit of the label font. */
  #perUnit = 0

  /** Where `el`'s pen starts; with `masks`, also the masks of its cell, which only placing glyphs needs. */
  #start (el: TextElement, masks: boolean): void {
    if (masks) this.#cell = this.masks.cell(el.fontHeight, el.fontWidth, el.rotation === 90 ? 90 : 0)
    const baseline = Math.round(el.fontHeight * TEXT_BASELINE_RATIO)
    const rotated = el.rotation === 90
    this.#along0 = rotated ? el.y : el.x
    this.#across = rotated ? el.x + el.fontHeight - baseline : el.y + baseline
    this.#perUnit = el.fontWidth / this.primary.unitsPerEm
  }

  /**
   * Each piece of `el`'s text in the label font (`el.glyphs` undefined; see PlacedMask.word), cut at spaces, where
   * digits meet other characters, and after every DIGIT_GROUP digits of a run: `visit(from, to, pen)` for
   * text[from..to), beginning `pen` font units of the label font along from the text's start.
   */
  forEachPiece (el: TextElement, visit: (from: number, to: number, pen: number) => void): void {
    const { text } = el
    let from = -1
    let penAtFrom = 0
    let pen = 0
    // Digits of the current run in the current piece: 0 after any other character, -1 where a piece begins.
    let run = -1
    for (let i = 0; i < text.length; i++) {
      const at = i
      const cp = text.codePointAt(i) as number
      if (cp > 0xffff) i++
      if (cp === 0x20) {
        if (from >= 0) visit(from, at, penAtFrom)
        from = -1
        run = -1
      } else {
        const digit = cp >= 0x30 && cp <= 0x39
        if (from >= 0 && (digit ? run === 0 || run === DIGIT_GROUP : run > 0)) {
          visit(from, at, penAtFrom)
          from = -1
        }
        if (from < 0) {
          from = at
          penAtFrom = pen
        }
        run = !digit ? 0 : run > 0 && run < DIGIT_GROUP ? run + 1 : 1
      }
      pen += this.primary.advance(cp)
    }
    if (from >= 0) visit(from, text.length, penAtFrom)
  }

  /**
   * The quarter dot a glyph's origin `alongDots` past the pen's start falls on (whole dot × SHIFT_STEPS + step): the one
   * rounding that both placing a glyph and a piece's codes use, so equal codes always mean equal places.
   */
  #quartersAt (alongDots: number): number {
    return Math.round((this.#along0 + alongDots) * SHIFT_STEPS)
  }

  #putPiece (out: PlacedMask[], el: TextElement, from: number, to: number, pen: number, word: number): void {
    const { text } = el
    for (let i = from; i < to; i++) {
      const cp = text.codePointAt(i) as number
      if (cp > 0xffff) i++
      this.#put(out, el, 0, this.primary.glyphId(cp), pen * this.#perUnit, 0, word)
      pen += this.primary.advance(cp)
    }
  }

  /** Places glyph `id` of font `font` `alongDots` past the pen's start and `upDots` above the baseline. */
  #put (out: PlacedMask[], el: TextElement, font: number, id: number, alongDots: number, upDots: number, word: number): void {
    const rotation = el.rotation === 90 ? 90 : 0
    const quarters = this.#quartersAt(alongDots)
    const whole = Math.floor(quarters / SHIFT_STEPS)
    const step = quarters - whole * SHIFT_STEPS
    const key = glyphKey(font, id, step)
    const mask = (this.#cell as CellMasks).mask(key)
    if (mask.width === 0) return
    const up = Math.round(upDots)
    let placed = this.#pool[this.#used]
    if (placed === undefined) this.#pool.push(placed = { mask, key: 0, x: 0, y: 0, word: 0 })
    this.#used++
    placed.mask = mask
    placed.key = key
    const across = this.#across
    placed.x = rotation === 90 ? across + up + mask.left : whole + mask.left
    placed.y = rotation === 90 ? whole + mask.top : across - up + mask.top
    placed.word = word
    out.push(placed)
  }
}
