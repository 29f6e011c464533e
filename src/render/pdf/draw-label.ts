// Label → one page's content stream: one drawer per element kind, looked up in a table (as the ZPL renderer
// has one emitter per kind). Single labels and batches draw pages through this one function.
import type { Label, LabelElement } from '../../model/label.ts'
import { dotsToPoints } from '../../units.ts'
import { checkLabel } from './check-label.ts'
import { drawBarcode } from './draw-barcode.ts'
import { drawBox } from './draw-box.ts'
import { drawText } from './draw-text.ts'
import { PageCanvas } from './page-canvas.ts'
import type { PdfFonts } from './pdf-fonts.ts'

type Drawer<K extends LabelElement['kind']> = (el: Extract<LabelElement, { kind: K }>, canvas: PageCanvas, path: string) => void

const DRAWERS: { [K in LabelElement['kind']]: Drawer<K> } = {
  text: (el, canvas, path) => { drawText(el, canvas, el.field !== '' ? el.field : `${path}.text`) },
  box: drawBox,
  barcode: drawBarcode
}

/** A drawn page: its size in points and its (uncompressed) content stream. */
export interface DrawnPage {
  widthPt: number
  heightPt: number
  content: Uint8Array
}

/** Draws a label as a page the size of the label; glyphs it uses are added to the subsets of `fonts`. */
export function drawLabel (label: Label, fonts: PdfFonts): DrawnPage {
  checkLabel(label)
  const canvas = new PageCanvas(label.dpi, label.heightDots, fonts)
  // Black fill for bars, boxes and text, stated rather than assumed from the viewer's defaults.
  canvas.write('0 g\n')
  label.elements.forEach((el, i) => {
    const draw = DRAWERS[el.kind] as (el: LabelElement, canvas: PageCanvas, path: string) => void
    draw(el, canvas, `elements[${i}]`)
  })
  return {
    widthPt: dotsToPoints(label.widthDots, label.dpi),
    heightPt: canvas.heightPt,
    content: canvas.contentBytes()
  }
}
