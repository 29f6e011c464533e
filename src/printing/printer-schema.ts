// Printer definitions as the config file and the admin API accept them: one schema for both.
import { Type, type Static } from '@sinclair/typebox'

/** Printer ids are path segments and log keys: short, lowercase-safe. */
export const PrinterId = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$', description: 'letters, digits, _ and -; up to 64' })
/** A host name or IP address; never a URL. Its spelling and address are checked by src/printing/printer-host.ts. */
export const PrinterHost = Type.String({ minLength: 1, maxLength: 253, description: 'a host name or an IP address in canonical form; no scheme, port or path' })
export const PrinterPort = Type.Integer({ minimum: 1, maximum: 65535 })
export const PrinterDpi = Type.Union([Type.Literal(203), Type.Literal(300)])

/** A new printer: id, name, host, optional port (9100), density (detected from `~HI` when left out) and enabled. */
export const PrinterInput = Type.Object({
  id: PrinterId,
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  host: PrinterHost,
  port: Type.Optional(PrinterPort),
  dpi: Type.Optional(PrinterDpi),
  enabled: Type.Optional(Type.Boolean())
}, { additionalProperties: false })
export type PrinterInput = Static<typeof PrinterInput>

/** A change to a printer; `dpi: null` forgets the configured density so it is detected again. */
export const PrinterPatch = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  host: Type.Optional(PrinterHost),
  port: Type.Optional(PrinterPort),
  dpi: Type.Optional(Type.Union([PrinterDpi, Type.Null()])),
  enabled: Type.Optional(Type.Boolean())
}, { additionalProperties: false, minProperties: 1 })
export type PrinterPatch = Static<typeof PrinterPatch>

/** The PRINTERS_FILE format: `{ "printers": [PrinterInput, …] }`. */
export const PrintersFile = Type.Object({ printers: Type.Array(PrinterInput) })
