// Every way of reaching a printer, by the name a printer record gives in `transport`. A new transport is a module
// beside this one implementing PrinterTransport, plus one line here (see docs/extending.md).
import { tcpTransport } from './tcp.ts'
import type { PrinterTransport } from './transport.ts'

export type { PrinterTransport, TransportAddress } from './transport.ts'

export const TRANSPORTS: Readonly<Record<string, PrinterTransport>> = {
  tcp: tcpTransport
}

/** The transport a printer record has when it names none. */
export const DEFAULT_TRANSPORT = 'tcp'

/** Registered transport names, for the printer schema's enum. */
export const TRANSPORT_NAMES: readonly string[] = Object.keys(TRANSPORTS)

/** The transport called `name`; a record naming an unknown one (a downgrade) says so instead of dialling anything. */
export function transportOf (name: string): PrinterTransport {
  const transport = TRANSPORTS[name]
  if (transport === undefined) throw new Error(`printer transport "${name}" is not known to this version (known: ${TRANSPORT_NAMES.join(', ')})`)
  return transport
}
