// docs/extending.md's worked example of a template element kind: a filled dot (a disc), e.g. a marker a sorter
// looks for. In src/ it is three modules and two registry lines:
//   src/model/label.ts: `DotElement` below, added to the LabelElement union (here a cast stands in for that);
//   src/layout/regions/dot.ts: `dotRegion` (imports from '../template-parts.ts', './region-kind.ts'), and
//     `dotRegion,` in src/layout/regions/registry.ts;
//   src/render/elements/dot.ts: `dotKind` (imports from './element-kind.ts'), and `dotKind,` in
//     src/render/elements/registry.ts.
// Layout may not import the renderers, so the kind is a module on each side; the element in the model joins them.
import { Type } from '@sinclair/typebox'
import { Id, rect, rectOf, VerticalOverride } from '../../src/layout/template-parts.ts'
import type { CompiledRegion, RegionKind, ResolvedRegion } from '../../src/layout/regions/region-kind.ts'
import { wholeRect } from '../../src/layout/regions/region-kind.ts'
import type { LabelElement } from '../../src/model/label.ts'
import type { Bitmap } from '../../src/render/bitmap/bitmap.ts'
import type { ElementKind } from '../../src/render/elements/element-kind.ts'
import type { PageCanvas } from '../../src/render/pdf/page-canvas.ts'

/** A filled disc whose bounding square is `diameter` dots. */
export interface DotElement {
  kind: 'dot'
  x: number
  y: number
  width: number
  height: number
  diameter: number
}

const DotRegion = Type.Object({
  type: Type.Literal('dot'),
  id: Type.Optional(Id),
  ...rect,
  whenBarcodeVertical: Type.Optional(VerticalOverride)
}, { additionalProperties: false })

interface ResolvedDot extends ResolvedRegion { element: Readonly<DotElement> }

/** The layout side: a dot as large as the region's smaller side, at its top-left corner. */
export const dotRegion: RegionKind<typeof DotRegion, CompiledRegion, ResolvedDot> = {
  type: 'dot',
  schema: DotRegion,
  typography: false,
  check () {},
  ink: (region) => wholeRect(region, 'dot', false),
  compile: (region, path) => ({ kind: dotRegion, path, rect: rectOf(region), texts: [] }),
  resolve (_region, dots) {
    const diameter = Math.min(dots.width, dots.height)
    const element = Object.freeze({ kind: 'dot' as const, x: dots.x, y: dots.y, width: diameter, height: diameter, diameter })
    return { kind: dotRegion, rect: dots, element, texts: [] }
  },
  place (region, _data, _font, out) { out.push(region.element as unknown as LabelElement) }
}

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
