// The template file format (templates/*.json). Every measure is in inches on a 4x6 in label, origin at the
// top-left corner, so one file serves every print density. Shapes are checked here; the rules that need
// arithmetic (on the label, no overlaps, fonts that fit) are in template-rules.ts.
import { Type, type Static } from '@sinclair/typebox'

const Inches = Type.Number({ minimum: 0, maximum: 6 })
const Positive = Type.Number({ exclusiveMinimum: 0, maximum: 6 })
const Align = Type.Union([Type.Literal('left'), Type.Literal('center'), Type.Literal('right')])
const Id = Type.String({ pattern: '^[A-Za-z0-9_.-]+$', maxLength: 64 })

const rect = {
  x: Inches,
  y: Inches,
  width: Positive,
  height: Positive
}

/** How the text is sized and broken; shared by text regions and column items. */
const typography = {
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

const content = {
  /** Name used in warnings and tests; defaults to the first placeholder's path. */
  id: Type.Optional(Id),
  /** Literal text with placeholders such as `{recipient.name}` or `{shipDate|date_us}` (formatters: fields.ts FORMATTERS). */
  text: Type.String({ minLength: 1, maxLength: 500 }),
  /** Printed instead when every placeholder in `text` is empty. */
  default: Type.Optional(Type.String({ minLength: 1, maxLength: 200 }))
}

/** Geometry and typography a region takes instead when the barcode is laid along the 6-inch side. */
const VerticalOverride = Type.Object({
  x: Type.Optional(Inches),
  y: Type.Optional(Inches),
  width: Type.Optional(Positive),
  height: Type.Optional(Positive),
  fontSize: Type.Optional(Positive),
  minFontSize: Type.Optional(Positive),
  maxLines: Type.Optional(Type.Integer({ minimum: 1, maximum: 12 })),
  align: Type.Optional(Align),
  rotation: Type.Optional(Type.Union([Type.Literal(0), Type.Literal(90)])),
  /** Leave the region out of the vertical-barcode arrangement. */
  hidden: Type.Optional(Type.Boolean())
}, { additionalProperties: false })

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
  rotation: Type.Optional(Type.Union([Type.Literal(0), Type.Literal(90)])),
  whenBarcodeVertical: Type.Optional(VerticalOverride)
}, { additionalProperties: false })

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

const LineRegion = Type.Object({
  type: Type.Literal('line'),
  id: Type.Optional(Id),
  ...rect,
  whenBarcodeVertical: Type.Optional(VerticalOverride)
}, { additionalProperties: false })

const BoxRegion = Type.Object({
  type: Type.Literal('box'),
  id: Type.Optional(Id),
  ...rect,
  /** Border thickness in inches. */
  thickness: Type.Number({ exclusiveMinimum: 0, maximum: 1 }),
  whenBarcodeVertical: Type.Optional(VerticalOverride)
}, { additionalProperties: false })

const Rect = Type.Object(rect, { additionalProperties: false })

/** Each region kind's schema, by its `type`, so an error names the fields of the kind the author meant. */
export const REGION_SCHEMAS = { text: TextRegion, column: ColumnRegion, line: LineRegion, box: BoxRegion } as const

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
  }, { additionalProperties: false }),
  regions: Type.Array(Type.Union([TextRegion, ColumnRegion, LineRegion, BoxRegion]), { minItems: 1, maxItems: 64 })
}

/** One templates/*.json file. */
export const TemplateFileSchema = Type.Object(templateFields, { additionalProperties: false })

/** The file with its regions unchecked (each is then checked against REGION_SCHEMAS by its type). */
export const TemplateShellSchema = Type.Object({
  ...templateFields,
  regions: Type.Array(Type.Object({ type: Type.String() }), { minItems: 1, maxItems: 64 })
}, { additionalProperties: false })

/** A template file as written. */
export type TemplateFile = Static<typeof TemplateFileSchema>
/** Any region of a template file. */
export type TemplateRegion = TemplateFile['regions'][number]
/** A text region as written. */
export type TextRegionSpec = Extract<TemplateRegion, { type: 'text' }>
/** A column region as written. */
export type ColumnRegionSpec = Extract<TemplateRegion, { type: 'column' }>
/** One item of a column as written. */
export type ColumnItemSpec = ColumnRegionSpec['items'][number]
/** The geometry/typography override for the vertical-barcode arrangement. */
export type VerticalOverrideSpec = Static<typeof VerticalOverride>
/** When a region is printed (see OnlyWhen). */
export type OnlyWhenSpec = Static<typeof OnlyWhen>
/** A rectangle in inches. */
export type RectSpec = Static<typeof Rect>
