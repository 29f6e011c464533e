// One word of a text as one ^GFA graphic. Words, not whole fields, are the unit a label service sees again: a new
// recipient is made of new numbers and names between words every label has ("Street", "Suite", the city), so
// a word's graphic, compressed once, serves every field it appears in. A word is keyed by its cell and the keys of
// its glyph masks and their places relative to the first one, so equal keys always mean equal dots.
import type { PlacedMask } from '../bitmap/text-glyphs.ts'
import { BoundedMap } from '../../bounded-map.ts'
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

  /** The graphic of placed[start..end), glyphs of the cell `cell` (a cellKey): remembered, or drawn and compressed now. */
  of (cell: number, placed: readonly PlacedMask[], start: number, end: number): WordGraphic {
    const key = this.#keyOf(cell, placed, start, end)
    let found = this.#byKey.get(key)
    if (found === undefined) {
      found = drawWord(placed, start, end)
      this.#byKey.set(key, found, key.length + found.graphic.length)
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

let canvas = new Uint8Array(16384)

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
  // One canvas reused for every word: a new typed array per word costs more than drawing the word.
  if (canvas.length < size) canvas = new Uint8Array(Math.max(size, canvas.length * 2))
  const dots = canvas.subarray(0, size)
  dots.fill(0)
  for (let i = start; i < end; i++) {
    const { mask, x, y } = placed[i] as PlacedMask
    orMask(dots, stride, mask.bits, mask.stride, mask.height, x - left, y - top)
  }
  const first = placed[start] as PlacedMask
  return { ox: left - first.x, oy: top - first.y, graphic: `^GFA,${size},${size},${stride},${z64(dots, stride)}^FS` }
}

/**
 * ORs a mask's rows into `dots` with its top-left at (x, y). The canvas is the word's ink box, so no dot falls
 * outside it and no bound needs checking; a byte's spill into the next byte is written only when it has ink.
 */
function orMask (dots: Uint8Array, stride: number, bits: Uint8Array, maskStride: number, rows: number, x: number, y: number): void {
  const shift = x & 7
  const back = 8 - shift
  let at = y * stride + (x >> 3)
  let from = 0
  for (let r = 0; r < rows; r++, at += stride, from += maskStride) {
    for (let i = 0; i < maskStride; i++) {
      const b = bits[from + i] as number
      if (b === 0) continue
      dots[at + i] = (dots[at + i] as number) | (b >> shift)
      if (shift !== 0) {
        const spill = (b << back) & 0xff
        if (spill !== 0) dots[at + i + 1] = (dots[at + i + 1] as number) | spill
      }
    }
  }
}
