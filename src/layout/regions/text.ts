// Text regions: one text, fitted to its box (shrunk, then wrapped to maxLines, then cut with "…"), optionally turned
// 90° clockwise.
import { Type } from '@sinclair/typebox'
import { placeText } from '../place-text.ts'
import { content, rect, rectOf, Rotation, typography, VerticalOverride } from '../template-parts.ts'
import { checkText, resolveText, type CompiledTextSpec, type ResolvedTextSpec, type TextPlacement } from '../text-spec.ts'
import { wholeRect, type CompiledRegion, type RegionKind, type ResolvedRegion } from './region-kind.ts'

const TextRegion = Type.Object({
  type: Type.Literal('text'),
  ...content,
  ...rect,
  ...typography,
  /** 90 turns the text clockwise: it reads top to bottom, letter tops facing right (ZPL `R`). */
  rotation: Type.Optional(Rotation),
  whenBarcodeVertical: Type.Optional(VerticalOverride)
}, { additionalProperties: false })

interface CompiledTextRegion extends CompiledRegion { rotation: 0 | 90, spec: CompiledTextSpec }
interface ResolvedTextRegion extends ResolvedRegion { place: TextPlacement, spec: ResolvedTextSpec }

export const textRegion: RegionKind<typeof TextRegion, CompiledTextRegion, ResolvedTextRegion> = {
  type: 'text',
  schema: TextRegion,
  typography: true,
  check (region, { geometryPath }, spacing, issues) {
    const turned = region.rotation === 90
    checkText(region, geometryPath, turned ? region.height : region.width, turned ? region.width : region.height, spacing, issues)
  },
  ink: (region) => wholeRect(region, 'text', true),
  compile (region, path, compileText) {
    const spec = compileText(region, path)
    return { kind: textRegion, path, rect: rectOf(region), rotation: region.rotation ?? 0, spec, texts: [spec] }
  },
  resolve (region, dots, context) {
    const [run, cross] = region.rotation === 90 ? [dots.height, dots.width] : [dots.width, dots.height]
    const place = { x: dots.x, y: dots.y, width: dots.width, rotation: region.rotation }
    const spec = resolveText(region.spec, run, cross, context)
    return { kind: textRegion, rect: dots, place, spec, texts: [spec] }
  },
  place (region, data, font, out, warnings) {
    placeText(region.spec, region.place, data, font, out, warnings)
  }
}
