// A positioned label drawn as dots: boxes and bars as whole-dot rectangles (exactly as ^GB and ^BC print them),
// text as glyph masks. One drawer per element kind, as the ZPL and PDF renderers have.
import type { BarcodeElement, BoxElement, Label, TextElement } from '../../model/label.ts'
import { forEachBar } from '../bars.ts'
import { Bitmap } from './bitmap.ts'
import type { PlacedMask, TextRasterizer } from './text-glyphs.ts'

/** A box as ZPL ^GB draws it: solid when the border is as thick as the smaller side, else a frame. */
export function drawBox (el: BoxElement, bitmap: Bitmap): void {
  const { x, y, width, height, thickness } = el
  if (thickness >= Math.min(width, height)) {
    bitmap.fillRect(x, y, width, height)
    return
  }
  bitmap.fillRect(x, y, width, thickness)
  bitmap.fillRect(x, y + height - thickness, width, thickness)
  bitmap.fillRect(x, y + thickness, thickness, height - 2 * thickness)
  bitmap.fillRect(x + width - thickness, y + thickness, thickness, height - 2 * thickness)
}

/** The Code128 bars exactly as computed. */
export function drawBarcode (el: BarcodeElement, bitmap: Bitmap): void {
  forEachBar(el, (x, y, width, height) => { bitmap.fillRect(x, y, width, height) })
}

export function drawText (el: TextElement, bitmap: Bitmap, text: TextRasterizer, scratch: PlacedMask[] = []): void {
  scratch.length = 0
  for (const { mask, x, y } of text.place(el, scratch)) bitmap.blit(mask, x, y)
}

/** The whole label as a 1-bit picture of `widthDots × heightDots`. */
export function drawLabelBitmap (label: Label, text: TextRasterizer): Bitmap {
  const bitmap = new Bitmap(label.widthDots, label.heightDots)
  const scratch: PlacedMask[] = []
  for (const el of label.elements) {
    switch (el.kind) {
      case 'text': drawText(el, bitmap, text, scratch); break
      case 'box': drawBox(el, bitmap); break
      case 'barcode': drawBarcode(el, bitmap); break
    }
  }
  return bitmap
}
