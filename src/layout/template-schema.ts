// The template file format (templates/*.json). Every measure is in inches on a 4x6 in label, origin at the
// top-left corner, so one file serves every print density. Each region kind's schema is its own module's
// (regions/*.ts); the rules that need arithmetic (on the label, no overlaps, fonts that fit) are in
// template-rules.ts and the kinds' own checks.
import { Type, type Static } from '@sinclair/typebox'
import { REGION_KINDS, type TemplateRegion } from './regions/index.ts'
import { Rect } from './template-parts.ts'

export type { TemplateRegion } from './regions/index.ts'
export type { RectSpec, VerticalOverrideSpec } from './template-parts.ts'

const templateFields = {
  $schema: Type.Optional(Type.String()),
  description: Type.String({ minLength: 1, maxLength: 500 }),
  /** Distance between baselines of wrapped lines, as a multiple of the font size (default 1.15). */
  lineSpacing: Type.Optional(Type.Number({ minimum: 1, maximum: 3 })),
  barcode: Type.Object({
    /** Where the Code128 symbol goes across the label: bars and both quiet zones; bars are as tall as the box. */
    horizontal: Rect,
    /** Where it goes along the 6-inch side when it does not fit across: bars are as long as the box is wide. */
    vertical: Rect,
    /** Where the symbol sits along its box (default center); quiet zones always stay inside the box. */
    align: Type.Optional(Type.Union([Type.Literal('left'), Type.Literal('center')]))
  }, { additionalProperties: false })
}

/** One templates/*.json file. */
export const TemplateFileSchema = Type.Object({
  ...templateFields,
  regions: Type.Array(Type.Union(REGION_KINDS.map((k) => k.schema)), { minItems: 1, maxItems: 64 })
}, { additionalProperties: false })

/** The file with its regions unchecked (each is then checked against its kind's schema, by its type). */
export const TemplateShellSchema = Type.Object({
  ...templateFields,
  regions: Type.Array(Type.Object({ type: Type.String() }), { minItems: 1, maxItems: 64 })
}, { additionalProperties: false })

/** A template file as written. */
export type TemplateFile = Omit<Static<typeof TemplateShellSchema>, 'regions'> & { regions: TemplateRegion[] }
