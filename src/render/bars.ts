import type { BarcodeElement } from '../model/label.ts'

/**
 * Each bar of a Code128 element as a whole-dot rectangle `(x, y, width, height)`, in order: `width × moduleWidth`
 * dots wide, as tall as the bars; rotated 90° (ZPL R) the symbol reads top to bottom, first bar at the top.
 */
export function forEachBar (el: BarcodeElement, bar: (x: number, y: number, width: number, height: number) => void): void {
  const { pattern } = el.symbol
  const rotated = el.rotation === 90
  let at = rotated ? el.y : el.x
  for (let i = 0; i < pattern.length; i++) {
    const size = (pattern[i] as number) * el.moduleWidth
    if (i % 2 === 0) {
      if (rotated) bar(el.x, at, el.barHeight, size)
      else bar(at, el.y, size, el.barHeight)
    }
    at += size
  }
}
