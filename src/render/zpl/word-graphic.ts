// One word of a text as one ^GFA graphic, a word being what text-glyphs.ts cuts a text into: words at spaces, and
// numbers in groups of up to three digits. Words, not whole fields, are the unit a label service sees again: a new
// recipient is made of new names and numbers between words every label has ("Street", "Suite", the city), and a new
// number of digit groups seen on earlier labels, so a word's graphic, compressed once, serves every field it appears
// in. A word is keyed by its cell and the keys of its glyph masks and their places relative to the first one, so
// equal keys always mean equal dots. Text in the label font is cut into pieces before any glyph is placed, and a piece
// is keyed by the same facts computed from its characters (PieceGraphics); shaped text comes placed (WordGraphics).
import type { TextElement } from '../../model/label.ts'
import type { PlacedMask, TextRasterizer } from '../bitmap/text-glyphs.ts'
import { BoundedMap } from '../../bounded-map.ts'
import { hashOfUnits, SeenBefore } from '../../seen-before.ts'
import { z64 } from './z64.ts'

/** A word's graphic and where its top-left dot lies relative to the word's first glyph. */
export interface WordGraphic {
  ox: number
  oy: number
  /** `^GFA,…^FS`, to follow a `^FO`. */
  graphic: string
}

/** Graphic text kept before the oldest words are let go (one byte a character: a few MB). */
const MAX_REMEMBERED_CHARS = 6 * 1024 * 1024
/** Relative places are stored as UTF-16 code units around this middle (fields are far smaller than 32,768 dots). */
const MIDDLE = 32768

/** Word graphics of one set of fonts (one TextRasterizer), bounded by their total length. */
export class WordGraphics {
  /** Weighed by key and graphic length. */
  readonly #byKey = new BoundedMap<string, WordGraphic>(MAX_REMEMBERED_CHARS)
  readonly #codes: number[] = []
  /** A word is kept from its second drawing on: most words a label sees once are never seen again. */
  readonly #seen = new SeenBefore()

  /** The graphic of placed[start..end), glyphs of the cell `cell` (a cellKey): remembered, or drawn and compressed now. */
  of (cell: number, placed: readonly PlacedMask[], start: number, end: number): WordGraphic {
    const key = this.#keyOf(cell, placed, start, end)
    let found = this.#byKey.get(key)
    if (found === undefined) {
      found = drawWord(placed, start, end)
      if (this.#seen.offer(key)) this.#byKey.set(key, found, key.length + found.graphic.length)
    }
    return found
  }

  #keyOf (cell: number, placed: readonly PlacedMask[], start: number, end: number): string {
    const codes = this.#codes
    codes.length = 0
    // A cell key has 25 bits and a glyph key 22: two 16-bit units each.
    codes.push(cell & 0xffff, cell >>> 16)
    const { x: x0, y: y0 } = placed[start] as PlacedMask
    for (let i = start; i < end; i++) {
      const { key, x, y } = placed[i] as PlacedMask
      codes.push(key & 0xffff, key >>> 16, x - x0 + MIDDLE, y - y0 + MIDDLE)
    }
    return String.fromCharCode.apply(null, codes)
  }
}

/**
 * `s` stored as one flat run of characters, for strings kept and copied into label after label. A string built by
 * concatenation is a tree of pieces, and a label's ZPL is a tree of such trees: when the answer is measured and sent,
 * V8 copies the label into one flat string, walking each kept tree anew every time (10 µs of a 15 KB label at 203
 * dpi). Converting a string to a number flattens it in place; the number is of no use.
 */
export function flattened (s: string): string {
  Number(s)
  return s
}

/**
 * A piece's graphic, its top-left dot relative to the piece's anchor (see TextRasterizer.pieceCodes), and the codes
 * it was drawn for: the memory finds a piece by their hash, and a piece whose codes differ is another piece.
 */
interface PieceGraphic {
  codes: readonly number[]
  dx: number
  dy: number
  /** null: a piece with no ink. */
  graphic: string | null
}

/** A piece's graphic at its place on the label. */
interface PlacedPiece {
  x: number
  y: number
  graphic: string
}

function sameUnits (a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/**
 * Graphics of the pieces of text in the label font, keyed by what their dots depend on (TextRasterizer.pieceCodes)
 * instead of by their placed glyph masks: a piece found here costs no mask lookups and no placing, which were most of
 * a new text's time, and its codes are computed by the same arithmetic that places the glyphs. Pieces are kept by the
 * hash of their codes, a small integer, rather than under a key string built from them: building, hashing and
 * comparing that string for each of a label's thirty pieces, against a memory of tens of thousands, cost more than
 * finding the pieces. Two pieces with one hash take turns in its place.
 */
export class PieceGraphics {
  /** Weighed by codes and graphic length. */
  readonly #byHash = new BoundedMap<number, PieceGraphic>(MAX_REMEMBERED_CHARS)
  readonly #codes: number[] = []
  readonly #placed: PlacedMask[] = []
  /** A piece is kept from its second drawing on, as words are. */
  readonly #seen = new SeenBefore()

  /** `hash` is the codes' hash; tests give one that makes every piece collide. */
  constructor (private readonly hash: (codes: readonly number[]) => number = hashOfUnits) {}

  /**
   * The graphic of el.text[from..to) (a piece; see TextRasterizer.forEachPiece) and its place on the label, if it has
   * ink; `baseline` is TextRasterizer.baselineOf(el), the same for every piece of a text.
   */
  of (el: TextElement, cell: number, text: TextRasterizer, baseline: number, from: number, to: number, pen: number): PlacedPiece | undefined {
    const codes = this.#codes
    codes.length = 0
    codes.push(cell & 0xffff, cell >>> 16)
    const anchor = text.pieceCodes(el, from, to, pen, codes)
    const hash = this.hash(codes)
    let found = this.#byHash.get(hash)
    if (found === undefined || !sameUnits(found.codes, codes)) {
      found = this.#draw(el, text, from, to, pen, anchor, baseline)
      if (this.#seen.offerHash(hash)) this.#byHash.set(hash, found, codes.length + (found.graphic?.length ?? 0))
    }
    const { graphic } = found
    if (graphic === null) return undefined
    return el.rotation === 90
      ? { x: baseline + found.dx, y: anchor + found.dy, graphic }
      : { x: anchor + found.dx, y: baseline + found.dy, graphic }
  }

  #draw (el: TextElement, text: TextRasterizer, from: number, to: number, pen: number, anchor: number, baseline: number): PieceGraphic {
    const codes = this.#codes.slice()
    const placed = this.#placed
    placed.length = 0
    text.placePiece(el, from, to, pen, placed)
    if (placed.length === 0) return { codes, dx: 0, dy: 0, graphic: null }
    const word = drawWord(placed, 0, placed.length)
    const first = placed[0] as PlacedMask
    const x = first.x + word.ox
    const y = first.y + word.oy
    return el.rotation === 90
      ? { codes, dx: x - baseline, dy: y - anchor, graphic: word.graphic }
      : { codes, dx: x - anchor, dy: y - baseline, graphic: word.graphic }
  }
}

/** One canvas reused for every word: a new typed array per word costs more than drawing the word. */
let canvas = new Uint8Array(16384)
/** orMask writes a row's spill byte whether or not it has ink: for a word's last row, the byte after the word. */
const SLACK = 1

function drawWord (placed: readonly PlacedMask[], start: number, end: number): WordGraphic {
  let left = Infinity
  let top = Infinity
  let right = -Infinity
  let bottom = -Infinity
  for (let i = start; i < end; i++) {
    const { mask, x, y } = placed[i] as PlacedMask
    if (x < left) left = x
    if (y < top) top = y
    if (x + mask.width > right) right = x + mask.width
    if (y + mask.height > bottom) bottom = y + mask.height
  }
  const stride = (right - left + 7) >> 3
  const size = stride * (bottom - top)
  if (canvas.length < size + SLACK) canvas = new Uint8Array(Math.max(size + SLACK, canvas.length * 2))
  canvas.fill(0, 0, size + SLACK)
  for (let i = start; i < end; i++) {
    const { mask, x, y } = placed[i] as PlacedMask
    orMask(canvas, stride, mask.bits, mask.stride, mask.height, x - left, y - top)
  }
  const first = placed[start] as PlacedMask
  return { ox: left - first.x, oy: top - first.y, graphic: flattened(`^GFA,${size},${size},${stride},${z64(canvas.subarray(0, size), stride)}^FS`) }
}

/**
 * ORs a mask's rows into `dots` with its top-left at (x, y). The canvas is the word's ink box, so no dot falls
 * outside it and no bound needs checking. Masks two or three bytes wide (most glyphs at 203 and 300 dpi) are
 * shifted a whole row at a time, as one integer written out in three or four bytes without a test per byte.
 */
function orMask (dots: Uint8Array, stride: number, bits: Uint8Array, maskStride: number, rows: number, x: number, y: number): void {
  const up = 8 - (x & 7)
  let at = y * stride + (x >> 3)
  let from = 0
  if (maskStride === 2) {
    for (let r = 0; r < rows; r++, at += stride, from += 2) {
      const v = (((bits[from] as number) << 8) | (bits[from + 1] as number)) << up
      dots[at] = (dots[at] as number) | (v >> 16)
      dots[at + 1] = (dots[at + 1] as number) | ((v >> 8) & 0xff)
      dots[at + 2] = (dots[at + 2] as number) | (v & 0xff)
    }
  } else if (maskStride === 3) {
    for (let r = 0; r < rows; r++, at += stride, from += 3) {
      const v = (((bits[from] as number) << 16) | ((bits[from + 1] as number) << 8) | (bits[from + 2] as number)) << up
      dots[at] = (dots[at] as number) | (v >>> 24)
      dots[at + 1] = (dots[at + 1] as number) | ((v >> 16) & 0xff)
      dots[at + 2] = (dots[at + 2] as number) | ((v >> 8) & 0xff)
      dots[at + 3] = (dots[at + 3] as number) | (v & 0xff)
    }
  } else {
    for (let r = 0; r < rows; r++, at += stride, from += maskStride) {
      let carry = 0
      for (let i = 0; i < maskStride; i++) {
        const v = (bits[from + i] as number) << up
        dots[at + i] = (dots[at + i] as number) | carry | (v >> 8)
        carry = v & 0xff
      }
      dots[at + maskStride] = (dots[at + maskStride] as number) | carry
    }
  }
}
