// Text as a graphic: the field's glyphs drawn into a 1-bit image and sent as ^GFA, so the label prints the same
// on any ZPL printer without a downloaded font and writes nothing to its memory. The text itself stays searchable
// in a ^FX comment before the graphic, escaped like field data, so it can never run as a command.
import type { TextElement } from '../../model/label.ts'
import { Bitmap } from '../bitmap/bitmap.ts'
import type { PlacedMask, TextRasterizer } from '../bitmap/text-glyphs.ts'
import { escapeFieldData } from './field-data.ts'
import { z64 } from './z64.ts'

/** A text's graphic, independent of where it goes: its offset from the text box's corner and its commands. */
interface TextGraphic {
  dx: number
  dy: number
  comment: string
  graphic: string
}

/**
 * Graphics remembered by text and cell: the sender's name and address, the template's headings and most dates
 * repeat on label after label, and their graphic depends only on the text and its cell (boxes start on whole
 * dots). Bounded so that a stream of unique names costs a fixed amount of memory (≈ 2 KB an entry).
 */
const MAX_REMEMBERED = 4096
const rememberedBy = new WeakMap<TextRasterizer, Map<string, TextGraphic | null>>()
const scratch: PlacedMask[] = []

function drawGraphic (el: TextElement, text: TextRasterizer): TextGraphic | null {
  scratch.length = 0
  const placed = text.place(el, scratch)
  if (placed.length === 0) return null
  let left = Infinity
  let top = Infinity
  let right = -Infinity
  let bottom = -Infinity
  for (const { mask, x, y } of placed) {
    left = Math.min(left, x)
    top = Math.min(top, y)
    right = Math.max(right, x + mask.width)
    bottom = Math.max(bottom, y + mask.height)
  }
  const bitmap = new Bitmap(right - left, bottom - top)
  for (const { mask, x, y } of placed) bitmap.blit(mask, x - left, y - top)
  const total = bitmap.data.length
  return {
    dx: left - el.x,
    dy: top - el.y,
    comment: `^FX${escapeFieldData(el.text)}`,
    graphic: `^GFA,${total},${total},${bitmap.stride},${z64(bitmap.data, bitmap.stride)}^FS`
  }
}

/** `^FX text ^FO x,y ^GFA…^FS` of one text element; empty for text that leaves no ink. */
export function emitGraphicText (el: TextElement, text: TextRasterizer): string {
  if (!Number.isInteger(el.x) || !Number.isInteger(el.y)) return formatted(el, drawGraphic(el, text))
  let remembered = rememberedBy.get(text)
  if (remembered === undefined) rememberedBy.set(text, remembered = new Map())
  const key = `${el.fontHeight},${el.fontWidth},${el.rotation},${el.text}`
  let found = remembered.get(key)
  if (found === undefined) {
    found = drawGraphic(el, text)
    if (remembered.size >= MAX_REMEMBERED) remembered.delete(remembered.keys().next().value as string)
    remembered.set(key, found)
  }
  return formatted(el, found)
}

function formatted (el: TextElement, g: TextGraphic | null): string {
  return g === null ? '' : `${g.comment}^FO${el.x + g.dx},${el.y + g.dy}${g.graphic}`
}
