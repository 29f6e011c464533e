// What a way of reaching a printer provides: a connection with host queries, writes and a confirmed close.
import type { AddressCheck, PrinterConnection } from '../connection.ts'

/** Where a transport connects: the printer record's address fields. */
export interface TransportAddress {
  host: string
  port: number
}

/** One way of reaching printers; registered by name in ./index.ts. */
export interface PrinterTransport {
  /** The printer record's `transport` value. */
  name: string
  /** For the API docs: what it is and what `port` means for it. */
  description: string
  /** The port a printer record gets when it names none. */
  defaultPort: number
  /** Opens a connection within `connectTimeoutMs`; `check` refuses addresses no printer may have. */
  open (address: TransportAddress, connectTimeoutMs: number, check?: AddressCheck): Promise<PrinterConnection>
}
