// What of the label lies where: turns a region of an image back into the label elements drawn there,
// so a failure says "recipient.name" rather than only coordinates.
import type { BarcodeElement, Label, LabelElement, TextElement } from '../../src/model/label.ts'
import type { Rect } from './bitmap.ts'

/** The element's box on the label (for a barcode: the bars, without quiet zones). */
export function elementRect (el: LabelElement): Rect {
  return { left: el.x, top: el.y, right: el.x + el.width, bottom: el.y + el.height }
}

/** Whether two rectangles share at least one dot. */
export function intersects (a: Rect, b: Rect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom
}

/** A rectangle grown by `by` dots on every side. */
export function grow (r: Rect, by: number): Rect {
  return { left: r.left - by, top: r.top - by, right: r.right + by, bottom: r.bottom + by }
}

/** A short human name of an element: `text recipient.name "Jordan…"`, `barcode LWX…`, `box 10,20 5×300`. */
export function describeElement (el: LabelElement): string {
  if (el.kind === 'text') {
    const text = el.text.length > 24 ? `${el.text.slice(0, 23)}…` : el.text
    return `text ${el.field} "${text}"`
  }
  if (el.kind === 'barcode') return `barcode ${el.symbol.data}`
  return `box at ${el.x},${el.y} ${el.width}×${el.height}`
}

/**
 * The elements whose boxes meet the region (grown by `slack` dots, since ink can sit a dot or two outside
 * a box), most specific first: text and barcodes before boxes and lines.
 */
export function elementsIn (label: Label, region: Rect, slack = 2): LabelElement[] {
  const area = grow(region, slack)
  const rank = { text: 0, barcode: 1, box: 2 } as const
  return label.elements
    .filter((el) => intersects(elementRect(el), area))
    .sort((a, b) => rank[a.kind] - rank[b.kind])
}

/** `recipient.name "Jordan Alvarez", box at …`, or `no label element (stray ink)` when nothing is there. */
export function describeRegion (label: Label, region: Rect): string {
  const found = elementsIn(label, region)
  if (found.length === 0) return 'no label element (stray ink or missing element)'
  const names = found.slice(0, 4).map(describeElement)
  return found.length > 4 ? `${names.join(', ')} and ${found.length - 4} more` : names.join(', ')
}

/** The label's text elements. */
export function textElements (label: Label): TextElement[] {
  return label.elements.filter((el): el is TextElement => el.kind === 'text')
}

/** The label's barcode elements. */
export function barcodeElements (label: Label): BarcodeElement[] {
  return label.elements.filter((el): el is BarcodeElement => el.kind === 'barcode')
}
