// Box regions: a frame of a given border thickness; its inside is free for text. The same on every label, so its
// element is made once per density, frozen, and shared by every label.
import { Type } from '@sinclair/typebox'
import { inchesToDots } from '../../units.ts'
import { Id, rect, rectOf, VerticalOverride } from '../template-parts.ts'
import type { RegionKind } from './region-kind.ts'
import { frozenBox, type CompiledRule, type ResolvedRule } from './rule.ts'

const BoxRegion = Type.Object({
  type: Type.Literal('box'),
  id: Type.Optional(Id),
  ...rect,
  /** Border thickness in inches. */
  thickness: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
  whenBarcodeVertical: Type.Optional(VerticalOverride)
}, { additionalProperties: false })

export const boxRegion: RegionKind<typeof BoxRegion, CompiledRule, ResolvedRule> = {
  type: 'box',
  schema: BoxRegion,
  typography: false,
  check () {},
  // Only the four edges are ink: text may sit inside the frame.
  ink ({ x, y, width: w, height: h, thickness: t }) {
    return [
      { x, y, width: w, height: t }, { x, y: y + h - t, width: w, height: t },
      { x, y, width: t, height: h }, { x: x + w - t, y, width: t, height: h }
    ].map((edge) => ({ rect: edge, what: 'box edge', text: false }))
  },
  compile: (region, path) => ({ kind: boxRegion, path, rect: rectOf(region), thickness: region.thickness, texts: [] }),
  resolve: (region, dots, { dpi }) => ({ kind: boxRegion, rect: dots, element: frozenBox(dots, Math.max(1, inchesToDots(region.thickness, dpi))), texts: [] }),
  place (region, _data, _font, out) { out.push(region.element) }
}
