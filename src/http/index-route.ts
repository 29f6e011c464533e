// GET /: what this service serves. A first request to the root (a browser, a curl to the port) finds the endpoints
// instead of a 404; a browser, which asks for HTML, is sent to the web console instead.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { jsonResponse } from './openapi.ts'
import type { CatalogedRoute } from './route-catalog.ts'

/** A browser navigating here names text/html in Accept; API clients send none, `*\/*` or application/json. */
function wantsHtml (request: FastifyRequest): boolean {
  const accept = request.headers.accept
  if (typeof accept !== 'string') return false
  return accept.split(',').some((range) => {
    const [type = '', ...params] = range.split(';').map((part) => part.trim().toLowerCase())
    return type === 'text/html' && !params.some((p) => /^q=0(\.0*)?$/.test(p))
  })
}

/** Serves the method and path of every cataloged route at GET /; a browser goes to the console while there is one. */
export function installIndexRoute (app: FastifyInstance, version: string, routes: readonly CatalogedRoute[], withConsole = true): void {
  app.get('/', {
    config: {
      docs: {
        tag: 'service',
        summary: 'Every method and path this server answers (a browser asking for text/html is redirected to /console)',
        responses: { 200: jsonResponse('The endpoints'), 302: { description: 'To the web console, for a request that accepts text/html' } }
      }
    }
  }, async (request, reply) => {
    // The answer depends on Accept, so a cache must keep the two apart.
    void reply.header('vary', 'accept')
    if (withConsole && wantsHtml(request)) return reply.redirect('/console', 302)
    return {
      service: 'labelworks',
      version,
      endpoints: routes.map(({ method, path }) => ({ method, path })).sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method)),
      openapi: '/openapi.json',
      documentation: 'README.md and docs/ in the labelworks repository'
    }
  })
}
