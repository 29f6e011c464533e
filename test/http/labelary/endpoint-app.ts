// Test support for the Labelary endpoint: the real app (buildApp) with our plugin and a label service that is
// never called, so these tests depend only on the endpoint and the rasterizer.
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../../../src/app.ts'
import { loadConfig } from '../../../src/config.ts'
import { labelaryRoutes, type StoredFont } from '../../../src/http/labelary/index.ts'
import type { ZplRasterizer } from '../../../src/render/png/index.ts'
import type { LabelService } from '../../../src/service/types.ts'

const unused = (): never => { throw new Error('the label service is not part of this test') }
// Label routes read the font download once at start-up; everything else fails loudly if called.
const service = new Proxy({}, { get: (_t, name) => name === 'fontDownloadZpl' ? () => '' : name === 'templateNames' ? () => [] : unused }) as LabelService

/** The app with the Labelary-compatible routes over `rasterizer`; ready, not listening. */
export async function labelaryApp (rasterizer: ZplRasterizer, storedFonts: readonly StoredFont[] = []): Promise<FastifyInstance> {
  const app = await buildApp({
    config: loadConfig({ LOG_LEVEL: 'silent' }),
    service,
    logger: false,
    plugins: [(a, hooks) => labelaryRoutes(a, { rasterizer, storedFonts }, hooks)]
  })
  await app.ready()
  return app
}
