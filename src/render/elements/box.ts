// Box elements: rules and frames, drawn exactly as ZPL ^GB draws them in every renderer.
import type { BoxElement } from '../../model/label.ts'
import type { Bitmap } from '../bitmap/bitmap.ts'
import type { PageCanvas } from '../pdf/page-canvas.ts'
import { defineElementKind } from './element-kind.ts'

/** ZPL of frozen boxes: a template's rules and frames are frozen elements shared by every label it lays out. */
const shared = new WeakMap<BoxElement, string>()

function boxZpl (el: BoxElement): string {
  return `^FO${el.x},${el.y}^GB${el.width},${el.height},${el.thickness}^FS`
}

/** A rectangle or rule: ^GB draws from its top-left corner, which ^FO sets. */
export function emitBox (el: BoxElement): string {
  // Only a frozen element can be remembered: any other could be changed after its ZPL was made.
  if (!Object.isFrozen(el)) return boxZpl(el)
  let zpl = shared.get(el)
  if (zpl === undefined) shared.set(el, zpl = boxZpl(el))
  return zpl
}

/** The rectangles ^GB fills: the whole box when the border is as thick as the smaller side, else four edges. */
function forEachEdge (el: BoxElement, fill: (x: number, y: number, width: number, height: number) => void): void {
  const { x, y, width, height, thickness } = el
  if (thickness >= Math.min(width, height)) {
    fill(x, y, width, height)
    return
  }
  fill(x, y, width, thickness)
  fill(x, y + height - thickness, width, thickness)
  fill(x, y + thickness, thickness, height - 2 * thickness)
  fill(x + width - thickness, y + thickness, thickness, height - 2 * thickness)
}

/** Filled rectangles, not a stroked path, whose edges would fall half a line width off the dot grid. */
export function drawPdfBox (el: BoxElement, canvas: PageCanvas): void {
  forEachEdge(el, (x, y, width, height) => { canvas.rect(x, y, width, height) })
  canvas.write('f\n')
}

export function drawBitmapBox (el: BoxElement, bitmap: Bitmap): void {
  forEachEdge(el, (x, y, width, height) => { bitmap.fillRect(x, y, width, height) })
}

export const boxKind = defineElementKind({
  kind: 'box',
  wholeDotSizes: ['thickness'],
  rotates: false,
  zpl: emitBox,
  pdf: drawPdfBox,
  bitmap: drawBitmapBox
})
