// Code128 elements: the bars exactly as computed (forEachBar), as ^BC prints them.
import type { FieldIssue } from '../../errors.ts'
import type { BarcodeElement } from '../../model/label.ts'
import { forEachBar } from '../bars.ts'
import type { Bitmap } from '../bitmap/bitmap.ts'
import type { PageCanvas } from '../pdf/page-canvas.ts'
import { defineElementKind } from './element-kind.ts'

/**
 * The Code128 symbol from its precomputed mode-N data, so the printer draws exactly `symbol.pattern`.
 * No interpretation line: the human-readable text is its own text element, the same in ZPL and PDF.
 * ^FO is the top-left of the first bar for N and of the rotated symbol for R.
 */
export function emitBarcode (el: BarcodeElement): string {
  const o = el.rotation === 90 ? 'R' : 'N'
  return `^FO${el.x},${el.y}^BY${el.moduleWidth}^BC${o},${el.barHeight},N,N,N,N^FD${el.symbol.zplData}^FS`
}

/** Each bar a filled rectangle on the dot grid. */
export function drawPdfBarcode (el: BarcodeElement, canvas: PageCanvas): void {
  forEachBar(el, (x, y, width, height) => { canvas.rect(x, y, width, height) })
  canvas.write('f\n')
}

export function drawBitmapBarcode (el: BarcodeElement, bitmap: Bitmap): void {
  forEachBar(el, (x, y, width, height) => { bitmap.fillRect(x, y, width, height) })
}

/** The bars must be whole modules and fill the element's box exactly. */
function checkBars (el: BarcodeElement, path: string, issues: FieldIssue[]): void {
  const pattern = el.symbol?.pattern
  if (!Array.isArray(pattern) || pattern.length % 2 === 0 || !pattern.every((w) => Number.isInteger(w) && w >= 1)) {
    issues.push({ path: `${path}.symbol.pattern`, rule: 'bar_pattern', message: 'must be positive module counts, bar first and last' })
    return
  }
  const modules = pattern.reduce((sum, w) => sum + w, 0)
  const [along, across] = el.rotation === 90 ? [el.height, el.width] : [el.width, el.height]
  if (modules * el.moduleWidth !== along || el.barHeight !== across) {
    issues.push({ path, rule: 'barcode_box', message: `bars (${modules} modules × ${el.moduleWidth} dots, ${el.barHeight} high) do not fill the ${el.width}×${el.height} box` })
  }
}

export const barcodeKind = defineElementKind({
  kind: 'barcode',
  wholeDotSizes: ['moduleWidth', 'barHeight'],
  rotates: true,
  check: checkBars,
  zpl: emitBarcode,
  pdf: drawPdfBarcode,
  bitmap: drawBitmapBarcode
})
