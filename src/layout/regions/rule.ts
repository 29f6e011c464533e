// What line and box regions share: a box element made once per density and shared by every label.
import type { BoxElement } from '../../model/label.ts'
import type { DotRect } from '../text-spec.ts'
import type { CompiledRegion, ResolvedRegion } from './region-kind.ts'

/** A line or box region, compiled: a rectangle and (for a box) its border in inches. */
export interface CompiledRule extends CompiledRegion { thickness: number }

/** A line or box region in dots: the element every label shares. */
export interface ResolvedRule extends ResolvedRegion { element: Readonly<BoxElement> }

/** Frozen, so renderers may remember what they made of it (the ZPL renderer does). */
export function frozenBox ({ x, y, width, height }: DotRect, thickness: number): Readonly<BoxElement> {
  return Object.freeze({ kind: 'box', x, y, width, height, thickness })
}
