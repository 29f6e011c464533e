// GET /metrics (Prometheus text format) and the hook that counts label requests and accepted print jobs as they
// are answered, so the label routes themselves carry no metrics code.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { LabelworksError } from '../../errors.ts'
import { apiKeys, checkApiKey } from '../api-keys.ts'
import type { Metrics } from './metrics.ts'

/** GET /metrics needs an API key (METRICS_REQUIRE_API_KEY) and none is configured. */
export class MetricsDisabledError extends LabelworksError {
  readonly code = 'METRICS_DISABLED'

  constructor () {
    super('metrics need an API key and the service has none (set API_KEY, or METRICS_REQUIRE_API_KEY=false to serve them without one)')
  }
}

/** Options of the metrics route. */
export interface MetricsRoutesOptions {
  metrics: Metrics
  /** Valid keys; `requireKey` false serves /metrics to anyone who reaches the port. */
  apiKeys: readonly string[]
  requireKey: boolean
}

/** Routes whose answers count as label requests. */
const LABEL_ROUTE = /^\/v1\/(labels(\/|$)|printers\/:dpmm\/labels\/)/

/** The representation a label answer was sent as: the raw format, or the JSON envelope's requested format. */
function formatOf (request: FastifyRequest, reply: FastifyReply): string {
  if (reply.statusCode >= 400) return 'none'
  const type = String(reply.getHeader('content-type') ?? '')
  for (const format of ['zpl', 'pdf', 'png']) if (type.includes(format)) return format
  const asked = (request.query as { format?: unknown } | undefined)?.format
  return typeof asked === 'string' && ['zpl', 'pdf', 'png'].includes(asked) ? asked : 'envelope'
}

/** Registers GET /metrics and the counting hook. */
export async function metricsRoutes (app: FastifyInstance, opts: MetricsRoutesOptions): Promise<void> {
  const { metrics } = opts
  const keys = apiKeys(opts.apiKeys)
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url
    if (route === undefined) return
    if (LABEL_ROUTE.test(route)) {
      const header = (name: string): string => { const value = reply.getHeader(name); return typeof value === 'string' ? value : 'none' }
      metrics.labelRequests.inc({
        route, format: formatOf(request, reply), template: header('x-label-template'), source: header('x-label-source'), status: String(reply.statusCode)
      })
    } else if (route === '/v1/print-jobs' && reply.statusCode === 202 && reply.getHeader('idempotent-replayed') === undefined) {
      metrics.countAccepted()
    }
  })
  app.get('/metrics', {
    config: { docs: { tag: 'service', summary: 'Prometheus metrics (text format); needs an API key unless METRICS_REQUIRE_API_KEY=false', responses: { 200: { description: 'Metrics', content: { 'text/plain': { schema: { type: 'string' } } } } } } }
  }, async (request, reply) => {
    if (opts.requireKey) {
      if (!keys.configured) throw new MetricsDisabledError()
      checkApiKey(keys, request)
    }
    return reply.type(metrics.registry.contentType).send(await metrics.registry.metrics())
  })
}
