// GET /: what this service serves. A first request to the root (a browser, a curl to the port) finds the endpoints
// instead of a 404.
import type { FastifyInstance } from 'fastify'
import { jsonResponse } from './openapi.ts'
import type { CatalogedRoute } from './route-catalog.ts'

/** Serves the method and path of every cataloged route at GET /. */
export function installIndexRoute (app: FastifyInstance, version: string, routes: readonly CatalogedRoute[]): void {
  app.get('/', {
    config: { docs: { tag: 'service', summary: 'Every method and path this server answers', responses: { 200: jsonResponse('The endpoints') } } }
  }, async () => ({
    service: 'labelworks',
    version,
    endpoints: routes.map(({ method, path }) => ({ method, path })).sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method)),
    openapi: '/openapi.json',
    documentation: 'README.md and docs/ in the labelworks repository'
  }))
}
