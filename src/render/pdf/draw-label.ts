// Label → one page's content stream: each element drawn by its kind's PDF drawer (src/render/elements/).
// Single labels and batches draw pages through this one function.
import type { Label } from '../../model/label.ts'
import { dotsToPoints } from '../../units.ts'
import { KIND_OF } from '../elements/index.ts'
import { checkLabel } from './check-label.ts'
import { PageCanvas } from './page-canvas.ts'
import type { PdfFonts } from './pdf-fonts.ts'

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
  label.elements.forEach((el, i) => { KIND_OF[el.kind].pdf(el, canvas, `elements[${i}]`) })
  return {
    widthPt: dotsToPoints(label.widthDots, label.dpi),
    heightPt: canvas.heightPt,
    content: canvas.contentBytes()
  }
}
