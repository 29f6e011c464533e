import type { BarcodeElement } from '../../model/label.ts'

/**
 * The Code128 symbol from its precomputed mode-N data, so the printer draws exactly `symbol.pattern`.
 * No interpretation line: the human-readable text is its own text element, the same in ZPL and PDF.
 * ^FO is the top-left of the first bar for N and of the rotated symbol for R.
 */
export function emitBarcode (el: BarcodeElement): string {
  const o = el.rotation === 90 ? 'R' : 'N'
  return `^FO${el.x},${el.y}^BY${el.moduleWidth}^BC${o},${el.barHeight},N,N,N,N^FD${el.symbol.zplData}^FS`
}
