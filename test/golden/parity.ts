// One label, three outputs: the ZPL as a printer draws it (zebrash, nothing installed), the PNG the service draws
// itself and the PDF as pdfjs rasterises it must show the same label. Measured as the share of inked pixels
// (ink in either image) that only one image has; the barcode region must be identical dot for dot between the
// ZPL and the PNG, whose bars are both whole-dot rectangles.
import type { Label } from '../../src/model/label.ts'
import type { GrayImage } from '../support/zpl-render.ts'
import { elementRect } from './elements.ts'

/** Largest share of inked pixels two outputs of one label may disagree on. */
export const MAX_INK_DIFFERENCE = 0.02

const isInk = (v: number | undefined): boolean => v !== undefined && v < 128

/** Pixels inked in only one image, over pixels inked in either. */
export function inkDifference (a: GrayImage, b: GrayImage): number {
  if (a.width !== b.width || a.height !== b.height) return 1
  let either = 0
  let one = 0
  for (let i = 0; i < a.data.length; i++) {
    const p = isInk(a.data[i])
    const q = isInk(b.data[i])
    if (p || q) either++
    if (p !== q) one++
  }
  return either === 0 ? 0 : one / either
}

/** Pixels of the barcode's box (quiet zones included) that differ between two images. */
export function barcodeDifferences (label: Label, a: GrayImage, b: GrayImage): number {
  let differing = 0
  for (const el of label.elements) {
    if (el.kind !== 'barcode') continue
    const r = elementRect(el)
    const quiet = el.quietZoneModules * el.moduleWidth
    const [left, right] = el.rotation === 90 ? [r.left, r.right] : [r.left - quiet, r.right + quiet]
    const [top, bottom] = el.rotation === 90 ? [r.top - quiet, r.bottom + quiet] : [r.top, r.bottom]
    for (let y = Math.max(0, top); y < Math.min(a.height, bottom); y++) {
      for (let x = Math.max(0, left); x < Math.min(a.width, right); x++) {
        if (isInk(a.data[y * a.width + x]) !== isInk(b.data[y * b.width + x])) differing++
      }
    }
  }
  return differing
}

/** Problems with the three outputs of one label, as messages (empty: they agree). */
export function parityProblems (label: Label, images: { zpl: GrayImage, png: GrayImage, pdf: GrayImage }): string[] {
  const problems: string[] = []
  const pairs = [['ZPL', 'PNG', images.zpl, images.png], ['ZPL', 'PDF', images.zpl, images.pdf], ['PNG', 'PDF', images.png, images.pdf]] as const
  for (const [an, bn, a, b] of pairs) {
    const d = inkDifference(a, b)
    if (d > MAX_INK_DIFFERENCE) problems.push(`${an} and ${bn} differ in ${(100 * d).toFixed(2)} % of inked pixels (at most ${100 * MAX_INK_DIFFERENCE} %)`)
  }
  const bars = barcodeDifferences(label, images.zpl, images.png)
  if (bars > 0) problems.push(`the barcode differs in ${bars} dots between ZPL and PNG`)
  return problems
}
