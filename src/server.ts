// The only file that listens: reads config once, loads font and templates, starts the renderer pool and the
// print queue, builds the app, and shuts everything down cleanly on SIGINT/SIGTERM.
import { setFlagsFromString } from 'node:v8'
import { buildApp } from './app.ts'
import { listenFailure, loadEnvFile, loadLabelService, packageVersion } from './bootstrap.ts'
import { loadConfig, type Config } from './config.ts'
import { LabelworksError } from './errors.ts'
import { LABEL_FONT_ZPL_PATH } from './fonts/index.ts'
import { labelaryRoutes } from './http/labelary/index.ts'
import { createMetrics, type Metrics } from './http/metrics/metrics.ts'
import { printingPlugin } from './http/printing/index.ts'
import { createPrinting, type Printing } from './printing/create-printing.ts'
import { createZplRasterizer, type ZplRasterizer } from './render/png/index.ts'
import type { TrackingCodes } from './archive/code-sequence.ts'
import type { LabelArchive } from './archive/label-archive.ts'
import { keepPruned } from './archive/retention.ts'
import { openArchive, openCodes } from './archive/open-archive.ts'
import type { LabelService } from './service/types.ts'

interface Parts { config: Config, rasterizer: ZplRasterizer, service: LabelService, printing: Printing, metrics: Metrics, trackingCodes?: TrackingCodes,
  archive?: LabelArchive }

function printQueueOptions (config: Config, metrics: Metrics): { maxAttempts: number, connectTimeoutMs: number, statusTimeoutMs: number, writeTimeoutMs: number, onEvent: Metrics['onQueueEvent'] } {
  return {
    maxAttempts: config.printMaxAttempts,
    connectTimeoutMs: config.printConnectTimeoutMs,
    statusTimeoutMs: config.printStatusTimeoutMs,
    writeTimeoutMs: config.printWriteTimeoutMs,
    onEvent: metrics.onQueueEvent
  }
}

/** Everything read at start-up; a bad setting, template or printers file stops here with its message. */
async function loadParts (): Promise<Parts> {
  try {
    loadEnvFile(process.env)
    const config = loadConfig()
    // V8 reads the factor at every full collection, so setting it here holds however the server was started.
    if (config.heapGrowthPercent > 0) setFlagsFromString(`--heap-growing-percent=${config.heapGrowthPercent}`)
    const rasterizer = createZplRasterizer({ workers: config.renderWorkers })
    const metrics = createMetrics()
    const service = metrics.instrument(loadLabelService(config))
    const printing = await createPrinting({ config, service, queueOptions: printQueueOptions(config, metrics) })
    metrics.observeQueue(printing.queue)
    const trackingCodes = config.trackingPrefix === undefined ? undefined : await openCodes(config, config.trackingPrefix)
    const archive = config.labelArchive ? await openArchive(config) : undefined
    return { config, rasterizer, service, printing, metrics, trackingCodes, archive }
  } catch (err) {
    if (!(err instanceof LabelworksError)) throw err
    process.stderr.write(`labelworks cannot start: ${err.code}: ${err.message}\n`)
    for (const issue of err.issues) process.stderr.write(`  ${issue.path} (${issue.rule}): ${issue.message}\n`)
    process.exit(1)
  }
}

const { config, rasterizer, service, printing, metrics, trackingCodes, archive } = await loadParts()
let closing = false
const app = await buildApp({
  config,
  service,
  trackingCodes: trackingCodes?.next,
  archive,
  version: packageVersion(),
  metrics: { metrics, apiKeys: config.apiKeys, requireKey: config.metricsRequireApiKey },
  readiness: { checks: { database: () => printing.queue.ping() }, draining: () => closing },
  plugins: [
    (instance, hooks) => labelaryRoutes(instance, { rasterizer, storedFonts: [{ path: LABEL_FONT_ZPL_PATH, download: service.fontDownloadZpl() }] }, hooks),
    printingPlugin(printing, archive === undefined ? undefined : { archive, service })
  ]
})

const shutdown = async (signal: string): Promise<void> => {
  if (closing) return
  closing = true
  app.log.info({ signal }, 'shutting down')
  // Readiness answers 503 from now on. Stop taking requests first, then drain printing: no new printers, the label
  // being written is finished, leases are released for the other instances, the database closes. Requests in flight
  // get the grace period: a client that stopped reading a large batch, or never sent all of its body, would
  // otherwise hold the shutdown for as long as it stays connected.
  const deadline = setTimeout(() => {
    app.log.warn({ graceMs: config.shutdownGraceMs }, 'closing connections still open after the shutdown grace period')
    app.server.closeAllConnections()
  }, config.shutdownGraceMs)
  await app.close()
  clearTimeout(deadline)
  await printing.close()
  await trackingCodes?.close()
  stopPruning?.()
  await archive?.close()
  await rasterizer.close()
  process.exit(0)
}
process.once('SIGINT', (s) => { void shutdown(s) })
process.once('SIGTERM', (s) => { void shutdown(s) })

try {
  await app.listen({ host: config.host, port: config.port })
} catch (err) {
  process.stderr.write(`labelworks cannot start: ${listenFailure(err, config.host, config.port)}\n`)
  await Promise.allSettled([app.close(), printing.close(), rasterizer.close()])
  process.exit(1)
}
await printing.start()
const stopPruning = archive === undefined ? undefined : keepPruned(archive, config.labelRetentionDays, (err) => { app.log.error({ err }, 'pruning the label archive failed') })
