// GET /health: liveness plus what a caller needs to know the service can label (templates and their defaults);
// GET /health/live and /health/ready for orchestrators: ready only while every dependency answers and not draining.
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

const READINESS = {
  type: 'object',
  properties: {
    status: { enum: ['ready', 'unavailable', 'draining'] },
    checks: { type: 'object', description: 'Each dependency: "ok" or why it failed', additionalProperties: { type: 'string' } }
  }
}

/** What readiness depends on: named checks that throw when their dependency cannot be used, and the drain. */
export interface Readiness {
  checks: Record<string, () => Promise<void>>
  /** True once shutdown began: the instance finishes what it has and takes nothing new. */
  draining: () => boolean
}

/** Options of the health routes. */
export interface HealthRoutesOptions {
  service: LabelService
  version: string
  readiness?: Readiness
}

async function readinessOf (readiness: Readiness | undefined): Promise<{ ready: boolean, body: object }> {
  if (readiness?.draining() === true) return { ready: false, body: { status: 'draining', checks: {} } }
  const entries = await Promise.all(Object.entries(readiness?.checks ?? {}).map(async ([name, check]) => {
    try {
      await check()
      return [name, 'ok'] as const
    } catch (err) {
      return [name, err instanceof Error ? err.message : String(err)] as const
    }
  }))
  const ready = entries.every(([, result]) => result === 'ok')
  return { ready, body: { status: ready ? 'ready' : 'unavailable', checks: Object.fromEntries(entries) } }
}

/** Registers GET /health, /health/live and /health/ready. */
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

  app.get('/health/live', {
    config: { docs: { tag: 'service', summary: 'Liveness: the process answers (restart it when this fails)', responses: { 200: jsonResponse('Alive', { type: 'object', properties: { status: { const: 'ok' } } }) } } }
  }, async () => ({ status: 'ok' }))
  app.get('/health/ready', {
    config: { docs: { tag: 'service', summary: 'Readiness: the database answers and the instance is not draining (send traffic only while 200)', responses: { 200: jsonResponse('Ready', READINESS), 503: jsonResponse('Not ready', READINESS) } } }
  }, async (_request, reply) => {
    const { ready, body } = await readinessOf(opts.readiness)
    return reply.status(ready ? 200 : 503).send(body)
  })
}
