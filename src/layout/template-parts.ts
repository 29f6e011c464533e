// Schema pieces the region kinds (regions/*.ts) and the template file (template-schema.ts) share. Every measure is
// in inches on a 4x6 in label, origin at the top-left corner, so one file serves every print density.
import { Type, type Static } from '@sinclair/typebox'

export const Inches = Type.Number({ minimum: 0, maximum: 6 })
export const Positive = Type.Number({ exclusiveMinimum: 0, maximum: 6 })
const Align = Type.Union([Type.Literal('left'), Type.Literal('center'), Type.Literal('right')])
export const Rotation = Type.Union([Type.Literal(0), Type.Literal(90)])
export const Id = Type.String({ pattern: '^[A-Za-z0-9_.-]+$', maxLength: 64 })

export const rect = {
  x: Inches,
  y: Inches,
  width: Positive,
  height: Positive
}

/** How the text is sized and broken; shared by text regions and column items. */
export const typography = {
  /** Em height of the font in inches (ZPL `^A@` height); the largest size the text is printed at. */
  fontSize: Positive,
  /** Smallest size the text may shrink to before it wraps; at least 0.08 in so it still prints legibly. */
  minFontSize: Positive,
  /** Lines the text may wrap to after shrinking (default 1). */
  maxLines: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
  align: Type.Optional(Align),
  /** When false, text that cannot fit fails the label (LAYOUT_OVERFLOW) instead of ending in "…". */
  truncate: Type.Optional(Type.Boolean())
}

export const content = {
  /** Name used in warnings and tests; defaults to the first placeholder's path. */
  id: Type.Optional(Id),
  /** Literal text with placeholders such as `{recipient.name}` or `{shipDate|date_us}` (formatters: fields.ts FORMATTERS). */
  text: Type.String({ minLength: 1, maxLength: 500 }),
  /** Printed instead when every placeholder in `text` is empty. */
  default: Type.Optional(Type.String({ minLength: 1, maxLength: 200 }))
}

/** Geometry and typography a region takes instead when the barcode is laid along the 6-inch side. */
export const VerticalOverride = Type.Object({
  x: Type.Optional(Inches),
  y: Type.Optional(Inches),
  width: Type.Optional(Positive),
  height: Type.Optional(Positive),
  fontSize: Type.Optional(Positive),
  minFontSize: Type.Optional(Positive),
  maxLines: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
  align: Type.Optional(Align),
  rotation: Type.Optional(Rotation),
  /** Leave the region out of the vertical-barcode arrangement. */
  hidden: Type.Optional(Type.Boolean())
}, { additionalProperties: false })

/** The typography keys a VerticalOverride may carry: they apply only to kinds that print text themselves. */
export const TYPOGRAPHY_KEYS = ['fontSize', 'minFontSize', 'maxLines', 'align', 'rotation'] as const

export const Rect = Type.Object(rect, { additionalProperties: false })

/** Just the rectangle of a region (which has more fields). */
export function rectOf (r: RectSpec): RectSpec {
  return { x: r.x, y: r.y, width: r.width, height: r.height }
}

/** The geometry/typography override for the vertical-barcode arrangement. */
export type VerticalOverrideSpec = Static<typeof VerticalOverride>
/** A rectangle in inches. */
export type RectSpec = Static<typeof Rect>
