// Printer definitions as the config file and the admin API accept them: one schema for both.
import { Type, type Static } from '@sinclair/typebox'
import { TRANSPORT_NAMES, TRANSPORTS } from './transports/index.ts'

/** Printer ids are path segments and log keys: short, lowercase-safe. */
export const PrinterId = Type.String({ pattern: '^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$', description: 'letters, digits, _ and -; up to 64' })
/** A host name or IP address; never a URL. Its spelling and address are checked by src/printing/printer-host.ts. */
export const PrinterHost = Type.String({ minLength: 1, maxLength: 253, description: 'a host name or an IP address in canonical form; no scheme, port or path' })
export const PrinterPort = Type.Integer({ minimum: 1, maximum: 65535 })
export const PrinterDpi = Type.Union([Type.Literal(203), Type.Literal(300)])
/** How the service reaches the printer; one of the registered transports. */
export const PrinterTransport = Type.Union(TRANSPORT_NAMES.map((name) => Type.Literal(name)), {
  description: TRANSPORT_NAMES.map((name) => `${name}: ${TRANSPORTS[name]?.description ?? ''}`).join('; ')
})

/**
 * A new printer: id, name, transport (tcp), host, optional port (the transport's default, 9100 for tcp), density
 * (detected from `~HI` when left out) and enabled.
 */
export const PrinterInput = Type.Object({
  id: PrinterId,
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  transport: Type.Optional(PrinterTransport),
  host: PrinterHost,
  port: Type.Optional(PrinterPort),
  dpi: Type.Optional(PrinterDpi),
  enabled: Type.Optional(Type.Boolean())
}, { additionalProperties: false })
export type PrinterInput = Static<typeof PrinterInput>

/** A change to a printer; `dpi: null` forgets the configured density so it is detected again. */
export const PrinterPatch = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
  transport: Type.Optional(PrinterTransport),
  host: Type.Optional(PrinterHost),
  port: Type.Optional(PrinterPort),
  dpi: Type.Optional(Type.Union([PrinterDpi, Type.Null()])),
  enabled: Type.Optional(Type.Boolean())
}, { additionalProperties: false, minProperties: 1 })
export type PrinterPatch = Static<typeof PrinterPatch>

/** The PRINTERS_FILE format: `{ "printers": [PrinterInput, …] }`. */
export const PrintersFile = Type.Object({ printers: Type.Array(PrinterInput) })
