// Text regions: one text, fitted to its box (shrunk, then wrapped to maxLines, then cut with "…"), optionally turned
// 90° clockwise.
import { Type } from '@sinclair/typebox'
import { FIELDS, type FieldGetter } from '../fields.ts'
import { placeText } from '../place-text.ts'
import { content, rect, rectOf, Rotation, typography, VerticalOverride } from '../template-parts.ts'
import { checkText, resolveText, type CompiledTextSpec, type ResolvedTextSpec, type TextPlacement } from '../text-spec.ts'
import { wholeRect, type CompiledRegion, type RegionKind, type ResolvedRegion } from './region-kind.ts'

/**
 * Print the region only when a label-data field (a placeholder path such as `sortCode`) is `filled` or `empty`: two
 * regions for one field's two cases may share the same room, so a box keeps no half-empty space for a missing value.
 */
const OnlyWhen = Type.Object({
  field: Type.String({ pattern: '^[A-Za-z0-9_.]+$', maxLength: 64 }),
  is: Type.Union([Type.Literal('filled'), Type.Literal('empty')])
}, { additionalProperties: false })

const TextRegion = Type.Object({
  type: Type.Literal('text'),
  ...content,
  onlyWhen: Type.Optional(OnlyWhen),
  ...rect,
  ...typography,
  /** 90 turns the text clockwise: it reads top to bottom, letter tops facing right (ZPL `R`). */
  rotation: Type.Optional(Rotation),
  whenBarcodeVertical: Type.Optional(VerticalOverride)
}, { additionalProperties: false })

/** A region printed only when a field is filled (or only when it is empty). */
interface RegionCondition {
  get: FieldGetter
  filled: boolean
}

interface CompiledTextRegion extends CompiledRegion { rotation: 0 | 90, spec: CompiledTextSpec, onlyWhen?: RegionCondition }
interface ResolvedTextRegion extends ResolvedRegion { place: TextPlacement, spec: ResolvedTextSpec, onlyWhen?: RegionCondition }

export const textRegion: RegionKind<typeof TextRegion, CompiledTextRegion, ResolvedTextRegion> = {
  type: 'text',
  schema: TextRegion,
  typography: true,
  check (region, paths, spacing, issues) {
    const { geometryPath } = paths
    const turned = region.rotation === 90
    checkText(region, geometryPath, turned ? region.height : region.width, turned ? region.width : region.height, spacing, issues)
    if (region.onlyWhen !== undefined && !FIELDS.has(region.onlyWhen.field)) {
      issues.push({ path: `${paths.path}.onlyWhen.field`, rule: 'unknown_field', message: `"${region.onlyWhen.field}" is not a label-data field such as sortCode or package.weight` })
    }
  },
  ink: (region) => wholeRect(region, 'text', true).map((area) => region.onlyWhen === undefined ? area : { ...area, onlyWhen: region.onlyWhen }),
  compile (region, path, compileText) {
    const spec = compileText(region, path)
    const compiled: CompiledTextRegion = { kind: textRegion, path, rect: rectOf(region), rotation: region.rotation ?? 0, spec, texts: [spec] }
    if (region.onlyWhen === undefined) return compiled
    // The rules have refused a field FIELDS lacks.
    return { ...compiled, onlyWhen: { get: FIELDS.get(region.onlyWhen.field) as FieldGetter, filled: region.onlyWhen.is === 'filled' } }
  },
  resolve (region, dots, context) {
    const [run, cross] = region.rotation === 90 ? [dots.height, dots.width] : [dots.width, dots.height]
    const place = { x: dots.x, y: dots.y, width: dots.width, rotation: region.rotation }
    const spec = resolveText(region.spec, run, cross, context)
    const resolved: ResolvedTextRegion = { kind: textRegion, rect: dots, place, spec, texts: [spec] }
    return region.onlyWhen === undefined ? resolved : { ...resolved, onlyWhen: region.onlyWhen }
  },
  place (region, data, font, out, warnings) {
    if (region.onlyWhen !== undefined && (region.onlyWhen.get(data) !== '') !== region.onlyWhen.filled) return
    placeText(region.spec, region.place, data, font, out, warnings)
  }
}
