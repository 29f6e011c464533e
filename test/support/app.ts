// Test support: the real app (real font, templates and pipeline) built without a port, with a fixed "today".
import type { FastifyInstance } from 'fastify'
import { buildApp, type AppParts } from '../../src/app.ts'
import { loadConfig } from '../../src/config.ts'
import { loadTextFonts } from '../../src/fonts/index.ts'
import { loadTemplates } from '../../src/layout/index.ts'
import { createLabelService, type LabelServiceOptions } from '../../src/service/label-service.ts'
import type { LabelService } from '../../src/service/types.ts'

/** Ship date used when a test record has none. */
export const TEST_TODAY = '2026-11-24'

/** The label service as the server builds it, with a fixed date. */
export function testLabelService (extra: Partial<LabelServiceOptions> = {}): LabelService {
  const config = loadConfig({})
  const font = loadTextFonts(config.fontFile)
  return createLabelService({
    font,
    templates: loadTemplates(config.templatesDir, font),
    today: () => TEST_TODAY,
    ...extra
  })
}

/** The app over the real service; close it after the test. */
export async function testApp (parts: Partial<AppParts> = {}): Promise<FastifyInstance> {
  const config = loadConfig({ LOG_LEVEL: 'silent' })
  const app = await buildApp({ config, service: testLabelService(), logger: false, ...parts })
  await app.ready()
  return app
}
