// A positioned label drawn as dots: each element by its kind's bitmap drawer (src/render/elements/), boxes and bars
// as whole-dot rectangles exactly as ^GB and ^BC print them, text as glyph masks.
import type { Label } from '../../model/label.ts'
import { KIND_OF, type BitmapContext } from '../elements/index.ts'
import { Bitmap } from './bitmap.ts'
import type { TextRasterizer } from './text-glyphs.ts'

/** The whole label as a 1-bit picture of `widthDots × heightDots`. */
export function drawLabelBitmap (label: Label, text: TextRasterizer): Bitmap {
  const bitmap = new Bitmap(label.widthDots, label.heightDots)
  const context: BitmapContext = { text, scratch: [] }
  for (const el of label.elements) KIND_OF[el.kind].bitmap(el, bitmap, context)
  return bitmap
}
