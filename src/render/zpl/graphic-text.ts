// Text as a graphic: each word's glyphs drawn into a 1-bit image and sent as ^GFA, so the label prints the same
// on any ZPL printer without a downloaded font and writes nothing to its memory. The text itself stays searchable
// in a ^FX comment before its graphics, escaped like field data, so it can never run as a command.
import type { TextElement } from '../../model/label.ts'
import type { PlacedMask, TextRasterizer } from '../bitmap/text-glyphs.ts'
import { BoundedMap } from '../../bounded-map.ts'
import { SeenBefore } from '../../seen-before.ts'
import { cellKey } from '../bitmap/glyph-source.ts'
import { escapeFieldData } from './field-data.ts'
import { flattened, PieceGraphics, WordGraphics, type WordGraphic } from './word-graphic.ts'

/** One word's graphic at its place on the label. */
interface PlacedGraphic {
  x: number
  y: number
  graphic: string
}

/** A text's commands for a text box at (x, y): `^FX text` and then `^FO x,y ^GFA…^FS` for each word (none: no ink). */
interface TextGraphic {
  /** The cellKey of the text's font cell. */
  cell: number
  /** The same text drawn in another cell, remembered under the same text. */
  other: TextGraphic | undefined
  x: number
  y: number
  comment: string
  words: PlacedGraphic[]
  /**
   * The commands for the box the text was drawn for, where most texts are asked for again (template headings),
   * kept once the text is asked for a second time: a text seen once would only give the collector more to copy.
   */
  here: string | undefined
}

/**
 * Texts remembered by text and cell: the sender's name and address, the template's headings and most dates
 * repeat on label after label, and their graphics depend only on the text and its cell (boxes start on whole
 * dots), wherever the box is. Bounded so that a stream of unique names costs a fixed amount of memory; the
 * graphics themselves are shared with the word memory.
 */
const MAX_REMEMBERED = 4096

/**
 * What is remembered for one set of fonts. Texts are keyed by the text alone, each holding its cells in a short
 * chain, so finding one builds no key string of cell and text, which every text of every label would cost.
 */
interface Memory {
  texts: BoundedMap<string, TextGraphic>
  /** A text is kept from its second drawing on (see seen-before.ts): a recipient's name is drawn once. */
  seen: SeenBefore
  /** Pieces of text in the label font. */
  pieces: PieceGraphics
  /** Words of shaped text (other scripts, fallback fonts), whose glyphs come placed from layout. */
  words: WordGraphics
}

const memories = new WeakMap<TextRasterizer, Memory>()
const scratch: PlacedMask[] = []

function memoryOf (text: TextRasterizer): Memory {
  let memory = memories.get(text)
  if (memory === undefined) {
    memory = { texts: new BoundedMap(MAX_REMEMBERED), seen: new SeenBefore(), pieces: new PieceGraphics(), words: new WordGraphics() }
    memories.set(text, memory)
  }
  return memory
}

function drawText (el: TextElement, cell: number, text: TextRasterizer, memory: Memory): TextGraphic {
  const graphics = el.glyphs === undefined
    ? drawPieces(el, cell, text, memory.pieces)
    : drawShaped(el, cell, text, memory.words)
  const comment = graphics.length === 0 ? '' : `^FX${escapeFieldData(el.text)}`
  return { cell, other: undefined, x: el.x, y: el.y, comment, words: graphics, here: undefined }
}

function drawPieces (el: TextElement, cell: number, text: TextRasterizer, pieces: PieceGraphics): PlacedGraphic[] {
  const graphics: PlacedGraphic[] = []
  const baseline = text.baselineOf(el)
  text.forEachPiece(el, (from, to, pen) => {
    const placed = pieces.of(el, cell, text, baseline, from, to, pen)
    if (placed !== undefined) graphics.push(placed)
  })
  return graphics
}

function drawShaped (el: TextElement, cell: number, text: TextRasterizer, words: WordGraphics): PlacedGraphic[] {
  scratch.length = 0
  const placed = text.place(el, scratch)
  const graphics: PlacedGraphic[] = []
  let start = 0
  for (let i = 1; i <= placed.length; i++) {
    if (i < placed.length && (placed[i] as PlacedMask).word === (placed[start] as PlacedMask).word) continue
    const first = placed[start] as PlacedMask
    const word: WordGraphic = words.of(cell, placed, start, i)
    graphics.push({ x: first.x + word.ox, y: first.y + word.oy, graphic: word.graphic })
    start = i
  }
  return graphics
}

/** `^FX text` then `^FO x,y ^GFA…^FS` for each word of one text element; empty for text that leaves no ink. */
export function emitGraphicText (el: TextElement, text: TextRasterizer): string {
  const memory = memoryOf(text)
  const cell = cellKey(el.fontHeight, el.fontWidth, el.rotation === 90 ? 90 : 0)
  if (!Number.isInteger(el.x) || !Number.isInteger(el.y)) return formatted(el, drawText(el, cell, text, memory))
  const first = memory.texts.get(el.text)
  let found = first
  let cells = 0
  for (; found !== undefined && found.cell !== cell; found = found.other) cells++
  if (found === undefined) {
    found = drawText(el, cell, text, memory)
    if (memory.seen.offer(el.text)) {
      found.other = first
      memory.texts.set(el.text, found, cells + 1)
    }
    return commands(found, 0, 0)
  }
  return formatted(el, found)
}

/** The commands of `g` moved to `el`'s box (a remembered text may have been drawn for a box elsewhere). */
function formatted (el: TextElement, g: TextGraphic): string {
  const dx = el.x - g.x
  const dy = el.y - g.y
  if (dx === 0 && dy === 0) return g.here ??= flattened(commands(g, 0, 0))
  return commands(g, dx, dy)
}

function commands (g: TextGraphic, dx: number, dy: number): string {
  let out = g.comment
  for (const w of g.words) out += `^FO${w.x + dx},${w.y + dy}${w.graphic}`
  return out
}
