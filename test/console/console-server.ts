// The real service for the console's browser tests: the label API (PNG labels included), printing over a temp data
// dir with fake printers, and the console, listening on 127.0.0.1 on a free port.
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { createPrinting, type Printing } from '../../src/printing/create-printing.ts'
import { printingPlugin } from '../../src/http/printing/index.ts'
import { testApp, testLabelService } from '../support/app.ts'
import { startFakePrinter, type FakePrinter } from '../support/fake-printer.ts'
import { FAST, tempDir } from '../printing/helpers.ts'

/** The key the tests type into the console. */
export const API_KEY = 'console-test-key'

/** A running service and its fake printers; `close()` stops all of it. */
export interface ConsoleServer {
  origin: string
  app: FastifyInstance
  printing: Printing
  printers: Record<'dock1' | 'dock2', FakePrinter>
  close (): Promise<void>
}

export async function startConsoleServer (): Promise<ConsoleServer> {
  const service = testLabelService()
  const dock1 = await startFakePrinter()
  const dock2 = await startFakePrinter({ dpmm: 12 })
  // Held jobs are asked about again every 200 ms, so a printer's paper coming back shows within a poll or two.
  const printing = await createPrinting({ config: { dataDir: path.join(tempDir(), 'data'), apiKey: API_KEY, printersFile: undefined }, service, queueOptions: { ...FAST, faultPollMs: 200 } })
  await printing.queue.registry.add({ id: 'dock-1', name: 'Dock 1', host: dock1.host, port: dock1.port, dpi: 203 })
  await printing.queue.registry.add({ id: 'dock-2', name: 'Dock 2', host: dock2.host, port: dock2.port })
  const app: FastifyInstance = await testApp({ service, plugins: [printingPlugin(printing)] })
  await printing.start()
  await app.listen({ host: '127.0.0.1', port: 0 })
  const address = app.server.address()
  const port = typeof address === 'object' && address !== null ? address.port : 0
  return {
    origin: `http://127.0.0.1:${port}`,
    app,
    printing,
    printers: { dock1, dock2 },
    async close () {
      await app.close()
      await printing.close()
      await Promise.all([dock1.close(), dock2.close()])
    }
  }
}
