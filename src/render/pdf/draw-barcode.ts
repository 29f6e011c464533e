import type { BarcodeElement } from '../../model/label.ts'
import { forEachBar } from '../bars.ts'
import type { PageCanvas } from './page-canvas.ts'

/** The Code128 bars exactly as computed, each a filled rectangle on the dot grid. */
export function drawBarcode (el: BarcodeElement, canvas: PageCanvas): void {
  forEachBar(el, (x, y, width, height) => { canvas.rect(x, y, width, height) })
  canvas.write('f\n')
}
