// The web console for the packing station: server-rendered pages at /console and a small client of plain ES modules
// that uses the HTTP API as any client does. It adds routes only; the label and printing routes carry nothing of it.
import type { FastifyInstance, FastifyReply } from 'fastify'
import { RouteNotFoundError } from '../error-handler.ts'
import type { LabelService } from '../../service/types.ts'
import type { RouteDocs } from '../openapi.ts'
import { loadAssets } from './assets.ts'
import { CONSOLE_PAGES, renderPage, type ConsolePage, type PageFacts } from './pages.ts'

/**
 * Only this origin: the client's modules and stylesheet, its API calls, and label pictures it makes from API answers
 * (blob: URLs of bytes fetched here). No inline script or style, no frames, nothing sent elsewhere.
 */
export const CONSOLE_CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self' blob:", "connect-src 'self'",
  "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'"
].join('; ')

const html = (description: string): RouteDocs['responses'] => ({ 200: { description, content: { 'text/html': { schema: { type: 'string' } } } } })
const NOT_FOUND = { 404: { description: 'No such page or file (NOT_FOUND)', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } }

const DOCS: Record<'home' | 'page' | 'asset', RouteDocs> = {
  home: { tag: 'service', summary: 'The web console: label preview (GET / in a browser comes here)', responses: html('The preview page') },
  page: { tag: 'service', summary: 'A page of the web console: print, printers or jobs', params: { page: 'print, printers or jobs' }, responses: { ...html('The page'), ...NOT_FOUND } },
  asset: {
    tag: 'service',
    summary: 'A script or stylesheet of the web console',
    params: { file: 'A file name, e.g. main.js' },
    responses: { 200: { description: 'The file', content: { 'text/javascript': { schema: { type: 'string' } }, 'text/css': { schema: { type: 'string' } } } }, ...NOT_FOUND }
  }
}

function sendPage (reply: FastifyReply, page: ConsolePage, facts: PageFacts): FastifyReply {
  return reply
    .header('content-security-policy', CONSOLE_CSP)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'no-referrer')
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(renderPage(page, facts))
}

/** Options of the console routes. */
export interface ConsoleRoutesOptions {
  /** Where the pages learn the installed templates and the defaults. */
  service: Pick<LabelService, 'templateNames' | 'defaults'>
}

/** Registers GET /console, /console/:page and /console/assets/:file. */
export async function consoleRoutes (app: FastifyInstance, opts: ConsoleRoutesOptions): Promise<void> {
  const assets = loadAssets()
  // Asked of the service at the first page request, not at registration: an app built without a label service
  // (the Labelary-compatible endpoint's own tests) still registers the console.
  let known: PageFacts | undefined
  const facts = (): PageFacts => (known ??= { templates: opts.service.templateNames(), defaults: opts.service.defaults() })

  app.get('/console', { config: { docs: DOCS.home } }, async (_request, reply) => sendPage(reply, 'preview', facts()))

  app.get<{ Params: { page: string } }>('/console/:page', { config: { docs: DOCS.page } }, async (request, reply) => {
    const page = CONSOLE_PAGES.find((p) => p !== 'preview' && p === request.params.page)
    if (page === undefined) {
      const message = `the console has no page "${request.params.page}"; its pages are /console, ${CONSOLE_PAGES.filter((p) => p !== 'preview').map((p) => `/console/${p}`).join(', ')}`
      throw new RouteNotFoundError(message, { issues: [{ path: 'path.page', rule: 'exists', message }] })
    }
    return sendPage(reply, page, facts())
  })

  app.get<{ Params: { file: string } }>('/console/assets/:file', { config: { docs: DOCS.asset } }, async (request, reply) => {
    const asset = assets.get(request.params.file)
    if (asset === undefined) {
      const message = `the console has no file "${request.params.file}"`
      throw new RouteNotFoundError(message, { issues: [{ path: 'path.file', rule: 'exists', message }] })
    }
    // Revalidated on every load, so a restart with a new client is picked up at once; unchanged files answer 304.
    void reply.header('etag', asset.etag).header('cache-control', 'no-cache').header('x-content-type-options', 'nosniff')
    if (request.headers['if-none-match'] === asset.etag) return reply.status(304).send()
    return reply.type(asset.type).send(asset.body)
  })
}
