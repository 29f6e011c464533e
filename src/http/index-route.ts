// GET /: what this service serves. A first request to the root (a browser, a curl to the port) finds the endpoints
// instead of a 404; the list is taken from the routes as they are added, so it cannot fall behind them.
import type { FastifyInstance } from 'fastify'

/** One method and path the service answers. */
export interface Endpoint {
  method: string
  path: string
}

/** Lists every route added after this call (core, Labelary-compatible, printing) at GET /. */
export function installIndexRoute (app: FastifyInstance, version: string): void {
  const endpoints: Endpoint[] = []
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    // HEAD comes with every GET, and a route served with and without a trailing slash is one endpoint.
    const path = route.url.length > 1 ? route.url.replace(/\/$/, '') : route.url
    for (const method of methods) {
      if (method !== 'HEAD' && !endpoints.some((e) => e.method === method && e.path === path)) endpoints.push({ method, path })
    }
  })
  app.get('/', async () => ({
    service: 'labelworks',
    version,
    endpoints: [...endpoints].sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method)),
    documentation: 'README.md in the labelworks repository'
  }))
}
