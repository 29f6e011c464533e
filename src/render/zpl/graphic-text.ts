// Text as a graphic: each word's glyphs drawn into a 1-bit image and sent as ^GFA, so the label prints the same
// on any ZPL printer without a downloaded font and writes nothing to its memory. The text itself stays searchable
// in a ^FX comment before its graphics, escaped like field data, so it can never run as a command.
import type { TextElement } from '../../model/label.ts'
import type { PlacedMask, TextRasterizer } from '../bitmap/text-glyphs.ts'
import { BoundedMap } from '../../bounded-map.ts'
import { cellKey } from '../bitmap/glyph-source.ts'
import { escapeFieldData } from './field-data.ts'
import { WordGraphics, type WordGraphic } from './word-graphic.ts'

/** One word's graphic at its place on the label. */
interface PlacedGraphic {
  x: number
  y: number
  graphic: string
}

/** A text's commands for a text box at (x, y): `^FX text` and then `^FO x,y ^GFA…^FS` for each word. */
interface TextGraphic {
  x: number
  y: number
  comment: string
  words: PlacedGraphic[]
}

/**
 * Texts remembered by text and cell: the sender's name and address, the template's headings and most dates
 * repeat on label after label, and their graphics depend only on the text and its cell (boxes start on whole
 * dots), wherever the box is. Bounded so that a stream of unique names costs a fixed amount of memory; the
 * graphics themselves are shared with the word memory.
 */
const MAX_REMEMBERED = 4096

/** What is remembered for one set of fonts. */
interface Memory {
  texts: BoundedMap<string, TextGraphic | null>
  words: WordGraphics
}

const memories = new WeakMap<TextRasterizer, Memory>()
const scratch: PlacedMask[] = []

function memoryOf (text: TextRasterizer): Memory {
  let memory = memories.get(text)
  if (memory === undefined) memories.set(text, memory = { texts: new BoundedMap(MAX_REMEMBERED), words: new WordGraphics() })
  return memory
}

function drawText (el: TextElement, text: TextRasterizer, words: WordGraphics): TextGraphic | null {
  scratch.length = 0
  const placed = text.place(el, scratch)
  if (placed.length === 0) return null
  const graphics: PlacedGraphic[] = []
  const cell = cellKey(el.fontHeight, el.fontWidth, el.rotation === 90 ? 90 : 0)
  let start = 0
  for (let i = 1; i <= placed.length; i++) {
    if (i < placed.length && (placed[i] as PlacedMask).word === (placed[start] as PlacedMask).word) continue
    const first = placed[start] as PlacedMask
    const word: WordGraphic = words.of(cell, placed, start, i)
    graphics.push({ x: first.x + word.ox, y: first.y + word.oy, graphic: word.graphic })
    start = i
  }
  return { x: el.x, y: el.y, comment: `^FX${escapeFieldData(el.text)}`, words: graphics }
}

/** `^FX text` then `^FO x,y ^GFA…^FS` for each word of one text element; empty for text that leaves no ink. */
export function emitGraphicText (el: TextElement, text: TextRasterizer): string {
  const memory = memoryOf(text)
  if (!Number.isInteger(el.x) || !Number.isInteger(el.y)) return formatted(el, drawText(el, text, memory.words))
  const key = `${el.fontHeight},${el.fontWidth},${el.rotation},${el.text}`
  let found = memory.texts.get(key)
  if (found === undefined) {
    found = drawText(el, text, memory.words)
    memory.texts.set(key, found)
  }
  return formatted(el, found)
}

/** The commands of `g` moved to `el`'s box (a remembered text may have been drawn for a box elsewhere). */
function formatted (el: TextElement, g: TextGraphic | null): string {
  if (g === null) return ''
  const dx = el.x - g.x
  const dy = el.y - g.y
  let out = g.comment
  for (const w of g.words) out += `^FO${w.x + dx},${w.y + dy}${w.graphic}`
  return out
}
