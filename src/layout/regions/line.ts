// Line regions: a solid rule, as thick as the region is narrow. The same on every label, so its element is made
// once per density, frozen, and shared by every label.
import { Type } from '@sinclair/typebox'
import { Id, rect, rectOf, VerticalOverride } from '../template-parts.ts'
import { wholeRect, type RegionKind } from './region-kind.ts'
import { frozenBox, type CompiledRule, type ResolvedRule } from './rule.ts'

const LineRegion = Type.Object({
  type: Type.Literal('line'),
  id: Type.Optional(Id),
  ...rect,
  whenBarcodeVertical: Type.Optional(VerticalOverride)
}, { additionalProperties: false })

export const lineRegion: RegionKind<typeof LineRegion, CompiledRule, ResolvedRule> = {
  type: 'line',
  schema: LineRegion,
  typography: false,
  check () {},
  ink: (region) => wholeRect(region, 'line', false),
  compile: (region, path) => ({ kind: lineRegion, path, rect: rectOf(region), thickness: 0, texts: [] }),
  resolve: (region, dots) => ({ kind: lineRegion, rect: dots, element: frozenBox(dots, Math.max(1, Math.min(dots.width, dots.height))), texts: [] }),
  place (region, _data, _font, out) { out.push(region.element) }
}
