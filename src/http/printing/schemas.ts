// Request schemas of the printing routes (TypeBox → JSON Schema; the shared error handler names failing fields).
import { Type, type Static } from '@sinclair/typebox'
import { PrinterDpi, PrinterId } from '../../printing/printer-schema.ts'
import { MAX_COPIES } from '../../printing/zpl-format.ts'
import { SOURCE_OPTIONS } from '../../records/index.ts'

export { PrinterInput, PrinterPatch } from '../../printing/printer-schema.ts'

/** POST /v1/print-jobs: a record to render, one raw ZPL format, or an archived label, for a registered printer. */
export const PrintJobBody = Type.Object({
  printer_id: PrinterId,
  record: Type.Optional(Type.Unknown()),
  label: Type.Optional(Type.String({ minLength: 6, maxLength: 4 * 1024 * 1024, description: 'one ^XA…^XZ format' })),
  label_id: Type.Optional(Type.String({ pattern: '^lbl_[0-9a-f]{32}$', description: 'an archived label (the label_id POST /v1/labels answered), drawn again at the printer\'s density' })),
  source: Type.Optional(Type.Union(SOURCE_OPTIONS.map((s) => Type.Literal(s)))),
  template: Type.Optional(Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$' })),
  dpi: Type.Optional(PrinterDpi),
  strict: Type.Optional(Type.Boolean()),
  copies: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_COPIES })),
  idempotency_key: Type.Optional(Type.String({ minLength: 1, maxLength: 255 }))
}, { additionalProperties: false })
export type PrintJobBody = Static<typeof PrintJobBody>

/** POST /v1/print-jobs/:id/reprint: the same label again, as a new job, optionally with other copies or printer. */
export const ReprintBody = Type.Object({
  printer_id: Type.Optional(PrinterId),
  copies: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_COPIES })),
  idempotency_key: Type.Optional(Type.String({ minLength: 1, maxLength: 255 }))
}, { additionalProperties: false })
export type ReprintBody = Static<typeof ReprintBody>

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 100 }) })
export type IdParams = Static<typeof IdParams>

export const JobsQuery = Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })) })
export type JobsQuery = Static<typeof JobsQuery>
