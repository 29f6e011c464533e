// Every route the app serves, collected as it is added, for GET / and GET /openapi.json: both list what the server
// really answers, and cannot fall behind a route added later (the Labelary-compatible and printing routes included).
import type { FastifyInstance } from 'fastify'
import type { RouteDocs } from './route-docs.ts'

/** One method of one route, with what the route says about itself. */
export interface CatalogedRoute {
  method: string
  /** The path without a trailing slash: a route served with and without one is one endpoint. */
  path: string
  docs: RouteDocs | undefined
}

/** Starts collecting: every route added after this call lands in the returned list (HEAD, which comes with GET, aside). */
export function catalogRoutes (app: FastifyInstance): readonly CatalogedRoute[] {
  const routes: CatalogedRoute[] = []
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    const path = route.url.length > 1 ? route.url.replace(/\/$/, '') : route.url
    for (const method of methods) {
      if (method !== 'HEAD' && !routes.some((r) => r.method === method && r.path === path)) routes.push({ method, path, docs: route.config?.docs })
    }
  })
  return routes
}
