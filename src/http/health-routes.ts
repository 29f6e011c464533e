// GET /health: liveness plus what a caller needs to know the service can label (templates and their defaults).
import type { FastifyInstance } from 'fastify'
import type { LabelService } from '../service/types.ts'
import { jsonResponse } from './openapi.ts'

/** The body of GET /health, for the OpenAPI document. */
const HEALTH = {
  type: 'object',
  properties: {
    status: { const: 'ok' },
    version: { type: 'string' },
    uptime_s: { type: 'integer' },
    templates: { type: 'array', items: { type: 'string' } },
    defaults: {
      type: 'object',
      description: 'What a label request that names no density or template gets (DEFAULT_DPI, DEFAULT_TEMPLATE)',
      properties: { dpi: { enum: [203, 300] }, template: { type: 'string' } }
    }
  }
}

/** Options of the health route. */
export interface HealthRoutesOptions {
  service: LabelService
  version: string
}

/** Registers GET /health. */
export async function healthRoutes (app: FastifyInstance, opts: HealthRoutesOptions): Promise<void> {
  const started = Date.now()
  app.get('/health', {
    config: { docs: { tag: 'service', summary: 'Liveness, version and installed templates', responses: { 200: jsonResponse('Serving', HEALTH) } } }
  }, async () => ({
    status: 'ok',
    version: opts.version,
    uptime_s: Math.round((Date.now() - started) / 1000),
    templates: opts.service.templateNames(),
    defaults: opts.service.defaults()
  }))
}
