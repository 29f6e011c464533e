// The template region kinds, one line each: the template schema, the load-time rules, compiling, resolving and
// placing all go through this list.
import type { Static } from '@sinclair/typebox'
import { boxRegion } from './box.ts'
import { columnRegion } from './column.ts'
import { lineRegion } from './line.ts'
import type { AnyRegionKind } from './region-kind.ts'
import { textRegion } from './text.ts'

export type { AnyRegionKind, CompiledRegion, RegionKind, ResolvedRegion } from './region-kind.ts'

/** Every region kind a template may use. */
export const REGION_KINDS = [
  textRegion,
  columnRegion,
  lineRegion,
  boxRegion
] as const

/** Any region of a template file, as written. */
export type TemplateRegion = Static<typeof REGION_KINDS[number]['schema']>

const BY_TYPE: ReadonlyMap<string, AnyRegionKind> = new Map(REGION_KINDS.map((k) => [k.type, k as unknown as AnyRegionKind]))

/** The kind of a region `type`, or undefined for a type no kind has. */
export function regionKindOf (type: string): AnyRegionKind | undefined {
  return BY_TYPE.get(type)
}

/** Region types in registry order, for messages. */
export const REGION_TYPES: readonly string[] = REGION_KINDS.map((k) => k.type)
