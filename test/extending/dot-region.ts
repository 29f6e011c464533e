// docs/extending.md's worked element kind, the layout side: in src/ it is src/layout/regions/dot.ts (imports from
// '../template-parts.ts', './region-kind.ts') plus the line `dotRegion,` in src/layout/regions/registry.ts.
import { Type } from '@sinclair/typebox'
import type { CompiledRegion, RegionKind, ResolvedRegion } from '../../src/layout/regions/region-kind.ts'
import { wholeRect } from '../../src/layout/regions/region-kind.ts'
import { Id, rect, rectOf, VerticalOverride } from '../../src/layout/template-parts.ts'
import type { LabelElement } from '../../src/model/label.ts'
import type { DotElement } from './dot-element.ts'

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
  // The cast stands in for DotElement joining the LabelElement union in src/model/label.ts.
  place (region, _data, _font, out) { out.push(region.element as unknown as LabelElement) }
}
