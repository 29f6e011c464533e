// docs/extending.md's worked element kind, the render side: in src/ it is src/render/elements/dot.ts (imports from
// './element-kind.ts' and, for the types, '../bitmap/bitmap.ts' and '../pdf/page-canvas.ts') plus the line
// `dotKind,` in src/render/elements/registry.ts.
import type { Bitmap } from '../../src/render/bitmap/bitmap.ts'
import type { ElementKind } from '../../src/render/elements/element-kind.ts'
import type { PageCanvas } from '../../src/render/pdf/page-canvas.ts'
import type { DotElement } from './dot-element.ts'

/** Bézier handle length of a quarter circle, as a fraction of the radius. */
const KAPPA = 0.5523

/**
 * The render side: ZPL ^GC (a circle as thick as it is wide is filled), a PDF path of four Bézier quarters, and rows
 * of dots. Typed for DotElement: once DotElement is in the model's union this is `defineElementKind({ … })`.
 */
export const dotKind = {
  kind: 'dot',
  wholeDotSizes: ['diameter'],
  rotates: false,
  zpl: (el: DotElement): string => `^FO${el.x},${el.y}^GC${el.diameter},${el.diameter},B^FS`,
  pdf (el: DotElement, canvas: PageCanvas): void {
    const r = el.diameter / 2
    const k = r * KAPPA
    const at = (dx: number, dy: number): string => `${canvas.x(el.x + r + dx)} ${canvas.y(el.y + r - dy)}`
    canvas.write(`${at(r, 0)} m ${at(r, k)} ${at(k, r)} ${at(0, r)} c ${at(-k, r)} ${at(-r, k)} ${at(-r, 0)} c ` +
      `${at(-r, -k)} ${at(-k, -r)} ${at(0, -r)} c ${at(k, -r)} ${at(r, -k)} ${at(r, 0)} c f\n`)
  },
  bitmap (el: DotElement, bitmap: Bitmap): void {
    const r = el.diameter / 2
    for (let row = 0; row < el.diameter; row++) {
      const dy = row + 0.5 - r
      const half = Math.sqrt(Math.max(0, r * r - dy * dy))
      const from = Math.round(r - half)
      const to = Math.round(r + half)
      if (to > from) bitmap.fillRect(el.x + from, el.y + row, to - from, 1)
    }
  }
}

/** The entry as the registry takes it (the cast stands in for the model change). */
export const dotEntry = dotKind as unknown as ElementKind
