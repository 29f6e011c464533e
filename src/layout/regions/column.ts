// Column regions: texts stacked from the top, each taking only the height its lines need, so an absent value
// (a company, a second address line) leaves no gap.
import { Type } from '@sinclair/typebox'
import type { TextElement } from '../../model/label.ts'
import { placeText } from '../place-text.ts'
import { content, Id, Positive, rect, rectOf, typography, VerticalOverride } from '../template-parts.ts'
import { checkText, EPSILON, resolveText, round, type CompiledTextSpec, type ResolvedTextSpec, type TextPlacement } from '../text-spec.ts'
import { inchesToDots } from '../../units.ts'
import { wholeRect, type CompiledRegion, type RegionKind, type ResolvedRegion } from './region-kind.ts'

const ColumnItem = Type.Object({
  ...content,
  ...typography,
  /** Most room the item may take; it takes only what its lines need, and empty items take none. */
  height: Positive
}, { additionalProperties: false })

const ColumnRegion = Type.Object({
  type: Type.Literal('column'),
  id: Type.Optional(Id),
  ...rect,
  /** Space left after each printed item, in inches. */
  gap: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
  items: Type.Array(ColumnItem, { minItems: 1, maxItems: 16 }),
  whenBarcodeVertical: Type.Optional(VerticalOverride)
}, { additionalProperties: false })

interface CompiledColumn extends CompiledRegion { gap: number, items: Array<CompiledTextSpec & { height: number }> }
interface ResolvedColumn extends ResolvedRegion { gap: number, items: ResolvedTextSpec[] }

/** Where a column item goes; placeText reads it and keeps nothing, so one object serves every item. */
const columnPlace: TextPlacement = { x: 0, y: 0, width: 0, rotation: 0 as TextElement['rotation'] }

export const columnRegion: RegionKind<typeof ColumnRegion, CompiledColumn, ResolvedColumn> = {
  type: 'column',
  schema: ColumnRegion,
  typography: false,
  check (region, { path, geometryPath }, spacing, issues) {
    const gap = region.gap ?? 0
    const needed = region.items.reduce((sum, item) => sum + item.height, 0) + gap * (region.items.length - 1)
    if (needed > region.height + EPSILON) {
      issues.push({ path: geometryPath, rule: 'column_overflow', message: `items need ${round(needed)} in (heights plus gaps) but the column is ${region.height} in tall` })
    }
    region.items.forEach((item, i) => { checkText(item, `${path}.items[${i}]`, region.width, item.height, spacing, issues) })
  },
  ink: (region) => wholeRect(region, 'column', true),
  compile (region, path, compileText) {
    const items = region.items.map((item, i) => ({ ...compileText(item, `${path}.items[${i}]`), height: item.height }))
    return { kind: columnRegion, path, rect: rectOf(region), gap: region.gap ?? 0, items, texts: items }
  },
  resolve (region, dots, context) {
    const items = region.items.map((item) => resolveText(item, dots.width, inchesToDots(item.height, context.dpi), context))
    return { kind: columnRegion, rect: dots, gap: inchesToDots(region.gap, context.dpi), items, texts: items }
  },
  place (region, data, font, out, warnings) {
    const { rect: box } = region
    let y = box.y
    columnPlace.x = box.x
    columnPlace.width = box.width
    for (const item of region.items) {
      columnPlace.y = y
      const used = placeText(item, columnPlace, data, font, out, warnings)
      if (used > 0) y += used + region.gap
    }
  }
}
