// The element kinds by name, from the one registry (registry.ts), as the renderers look them up.
import type { LabelElement } from '../../model/label.ts'
import type { ElementKind } from './element-kind.ts'
import { ELEMENT_KINDS } from './registry.ts'

export type { BitmapContext, ElementKind, ZplContext } from './element-kind.ts'
export { ELEMENT_KINDS } from './registry.ts'

type DrawnKind = typeof ELEMENT_KINDS[number]['kind']

const BY_KIND = Object.fromEntries(ELEMENT_KINDS.map((k) => [k.kind, k])) as Record<DrawnKind, ElementKind>

/** Each kind's entry, typed by the model's kinds: this fails to compile while a kind of the model has no entry above. */
export const KIND_OF: Readonly<Record<LabelElement['kind'], ElementKind>> = BY_KIND

/** The entry of `kind`, or undefined for a kind no module draws (own keys only: `constructor` finds nothing). */
export function elementKindOf (kind: string): ElementKind | undefined {
  return Object.hasOwn(KIND_OF, kind) ? KIND_OF[kind as LabelElement['kind']] : undefined
}
