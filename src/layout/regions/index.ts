// The region kinds by type, from the one registry (registry.ts), as the template schema, the rules and layout use them.
import type { Static } from '@sinclair/typebox'
import type { AnyRegionKind } from './region-kind.ts'
import { REGION_KINDS } from './registry.ts'

export type { AnyRegionKind, CompiledRegion, OnlyWhenSpec, RegionKind, ResolvedRegion } from './region-kind.ts'
export { REGION_KINDS } from './registry.ts'

/** Any region of a template file, as written. */
export type TemplateRegion = Static<typeof REGION_KINDS[number]['schema']>

const BY_TYPE: ReadonlyMap<string, AnyRegionKind> = new Map(REGION_KINDS.map((k) => [k.type, k as unknown as AnyRegionKind]))

/** The kind of a region `type`, or undefined for a type no kind has. */
export function regionKindOf (type: string): AnyRegionKind | undefined {
  return BY_TYPE.get(type)
}

/** Region types in registry order, for messages. */
export const REGION_TYPES: readonly string[] = REGION_KINDS.map((k) => k.type)
