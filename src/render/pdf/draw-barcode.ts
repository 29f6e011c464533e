import type { BarcodeElement } from '../../model/label.ts'
import type { PageCanvas } from './page-canvas.ts'

/**
 * The Code128 bars exactly as computed: each bar a filled rectangle `width × moduleWidth` dots wide, so every
 * edge is on the dot grid. Rotated 90° (ZPL R) the symbol reads top to bottom, first bar at the top.
 */
export function drawBarcode (el: BarcodeElement, canvas: PageCanvas): void {
  const { pattern } = el.symbol
  const rotated = el.rotation === 90
  let at = rotated ? el.y : el.x
  for (let i = 0; i < pattern.length; i++) {
    const size = (pattern[i] as number) * el.moduleWidth
    if (i % 2 === 0) {
      if (rotated) canvas.rect(el.x, at, el.barHeight, size)
      else canvas.rect(at, el.y, size, el.barHeight)
    }
    at += size
  }
  canvas.write('f\n')
}
