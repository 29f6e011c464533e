// Raw TCP to the printer's port 9100 (Zebra's "raw port"): ZPL in, `~HS`/`~HI` answers out on the same socket.
import { openConnection } from '../connection.ts'
import type { PrinterTransport } from './transport.ts'

export const tcpTransport: PrinterTransport = {
  name: 'tcp',
  description: 'raw TCP to the printer\'s port (9100 unless given)',
  defaultPort: 9100,
  open: (address, connectTimeoutMs, check) => openConnection(address.host, address.port, connectTimeoutMs, check)
}
