// ZPL and PDF of one label at one density must print the same thing: the barcode bar for bar (every edge
// within 1 dot), every text element's ink within 3 dots and, between our two renderers, about as much of it.
// Positions come from the label's elements.
import type { Label, TextElement } from '../../src/model/label.ts'
import type { GrayImage } from '../support/zpl-render.ts'
import { formatRect, inkBox, inkCount, type Rect } from './bitmap.ts'
import type { BarcodeMeasurement } from './barcode-measure.ts'
import { elementRect, grow, textElements } from './elements.ts'

/** Bar edges of the two renders may differ by this many dots (PDF bars sit on whole-dot boundaries). */
export const BAR_EDGE_TOLERANCE_DOTS = 1
/** Text ink boxes may differ by this many dots per side (two different TrueType rasterisers). */
export const TEXT_INK_TOLERANCE_DOTS = 3
/**
 * Zebrash and pdfjs, neither of which hints glyphs, ink each text element within this fraction of each other: 4.0 %
 * at worst over the goldens. A glyph whose overlapping contours one of them leaves unfilled costs more (the label
 * font before fonts/remove-overlaps.py: 50 of 380 elements beyond 6 %, down to −9.2 %).
 */
export const TEXT_INK_AMOUNT_TOLERANCE = 0.06
/** Ink may stray this far outside a text element's box and still belong to it (glyph overhang). */
const TEXT_SLACK_DOTS = 3

/** Every bar/space edge whose position differs by more than the tolerance, as messages (empty: agreement). */
export function barEdgeDisagreements (zpl: BarcodeMeasurement, pdf: BarcodeMeasurement): string[] {
  if (zpl.runs.length !== pdf.runs.length) {
    return [`ZPL has ${zpl.runs.length} bars and spaces, PDF has ${pdf.runs.length}`]
  }
  const problems: string[] = []
  zpl.runs.forEach((z, i) => {
    const p = pdf.runs[i]
    if (p === undefined) return
    const startDelta = Math.abs(z.start - p.start)
    const endDelta = Math.abs(z.start + z.length - (p.start + p.length))
    if (startDelta > BAR_EDGE_TOLERANCE_DOTS || endDelta > BAR_EDGE_TOLERANCE_DOTS) {
      problems.push(`${z.dark ? 'bar' : 'space'} ${i}: ZPL ${z.start}–${z.start + z.length}, PDF ${p.start}–${p.start + p.length}`)
    }
  })
  return problems
}

function inside (r: Rect, x: number, y: number): boolean {
  return x >= r.left && x < r.right && y >= r.top && y < r.bottom
}

/** Where a text element's ink is looked for: its box grown by a little, less other elements' boxes there. */
function textArea (label: Label, text: TextElement): { area: Rect, ignore: (x: number, y: number) => boolean } {
  const own = elementRect(text)
  // Ink in the slack margin that lies in or next to another element's box is that element's (a rule, a neighbour):
  // CJK ideographs and stacked marks reach up to a quarter of the size past their own box, towards the line above.
  const reach = (el: Label['elements'][number]): number => (el.kind === 'text' ? Math.max(TEXT_SLACK_DOTS, Math.ceil(el.fontHeight / 4)) : TEXT_SLACK_DOTS)
  const others = label.elements.filter((el) => el !== text).map((el) => grow(elementRect(el), reach(el)))
  return { area: grow(own, TEXT_SLACK_DOTS), ignore: (x, y) => !inside(own, x, y) && others.some((r) => inside(r, x, y)) }
}

/** Ink box of each text element, found inside its box grown by a little, ignoring other elements' ink. */
export function textInkBoxes (image: GrayImage, label: Label): Map<TextElement, Rect | undefined> {
  const boxes = new Map<TextElement, Rect | undefined>()
  for (const text of textElements(label)) {
    const { area, ignore } = textArea(label, text)
    boxes.set(text, inkBox(image, area, ignore))
  }
  return boxes
}

/** Text elements whose amounts of ink in the two renders differ by more than TEXT_INK_AMOUNT_TOLERANCE, as messages. */
export function textInkAmountDisagreements (label: Label, zpl: GrayImage, pdf: GrayImage): string[] {
  const problems: string[] = []
  for (const text of textElements(label)) {
    const { area, ignore } = textArea(label, text)
    const z = inkCount(zpl, area, ignore)
    const p = inkCount(pdf, area, ignore)
    const off = Math.abs(z - p) / Math.max(1, p)
    if (off > TEXT_INK_AMOUNT_TOLERANCE) {
      problems.push(`${text.field} "${text.text}": ${z} dots of ink in ZPL, ${p} in PDF (${(100 * off).toFixed(1)} % apart)`)
    }
  }
  return problems
}

/** Text elements whose ink boxes in the two renders differ by more than the tolerance, as messages. */
export function textInkDisagreements (label: Label, zpl: GrayImage, pdf: GrayImage): string[] {
  const zplBoxes = textInkBoxes(zpl, label)
  const pdfBoxes = textInkBoxes(pdf, label)
  const problems: string[] = []
  for (const text of textElements(label)) {
    const z = zplBoxes.get(text)
    const p = pdfBoxes.get(text)
    const name = `${text.field} "${text.text}"`
    if (z === undefined || p === undefined) {
      if (z !== p) problems.push(`${name}: ink only in the ${z === undefined ? 'PDF' : 'ZPL'} render`)
      continue
    }
    const worst = Math.max(
      Math.abs(z.left - p.left), Math.abs(z.top - p.top), Math.abs(z.right - p.right), Math.abs(z.bottom - p.bottom)
    )
    if (worst > TEXT_INK_TOLERANCE_DOTS) {
      problems.push(`${name}: ink ZPL ${formatRect(z)}, PDF ${formatRect(p)} (off by ${worst} dots)`)
    }
  }
  return problems
}
