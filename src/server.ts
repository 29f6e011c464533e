// The only file that listens: reads config once, loads font and templates, builds the app, and shuts down cleanly.
import { buildApp } from './app.ts'
import { loadLabelService, packageVersion } from './bootstrap.ts'
import { loadConfig } from './config.ts'

const config = loadConfig()
const service = loadLabelService(config)
const app = await buildApp({ config, service, version: packageVersion() })

const shutdown = async (signal: string): Promise<void> => {
  app.log.info({ signal }, 'shutting down')
  await app.close()
  process.exit(0)
}
process.once('SIGINT', (s) => { void shutdown(s) })
process.once('SIGTERM', (s) => { void shutdown(s) })

await app.listen({ host: config.host, port: config.port })
