// The only file that listens: reads config once, loads font and templates, starts the renderer pool and the
// print queue, builds the app, and shuts everything down cleanly on SIGINT/SIGTERM.
import { buildApp } from './app.ts'
import { loadLabelService, packageVersion } from './bootstrap.ts'
import { loadConfig } from './config.ts'
import { labelaryRoutes } from './http/labelary/index.ts'
import { createPrinting } from './http/printing/index.ts'
import { createZplRasterizer } from './render/png/index.ts'

const config = loadConfig()
const rasterizer = createZplRasterizer({ workers: config.renderWorkers })
const service = loadLabelService(config, (zpl, dpi) => rasterizer.renderLabelPng(zpl, dpi))
const printing = createPrinting({ config, service })
const app = await buildApp({
  config,
  service,
  version: packageVersion(),
  plugins: [
    (instance) => labelaryRoutes(instance, { rasterizer }),
    printing.plugin
  ]
})

let closing = false
const shutdown = async (signal: string): Promise<void> => {
  if (closing) return
  closing = true
  app.log.info({ signal }, 'shutting down')
  // Stop taking requests first, then let print attempts in flight end before the database closes.
  await app.close()
  await printing.close()
  await rasterizer.close()
  process.exit(0)
}
process.once('SIGINT', (s) => { void shutdown(s) })
process.once('SIGTERM', (s) => { void shutdown(s) })

await app.listen({ host: config.host, port: config.port })
printing.start()
