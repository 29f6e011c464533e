// Who may use the API and how often. The label endpoints (customer names and addresses go through them) need an
// API key when LABELS_REQUIRE_API_KEY is set, checked as the printing routes check theirs (src/http/api-keys.ts);
// RATE_LIMIT_MAX bounds requests per key, or per client address for requests without a valid key, on every /v1/
// route. Both are off by default, so `npm install && npm start` serves labels, and add no work per request then.
import rateLimit from '@fastify/rate-limit'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Config } from '../config.ts'
import { LabelworksError } from '../errors.ts'
import { apiKeys, checkApiKey } from './api-keys.ts'

/** The settings access control reads; absent ones mean off. */
export type AccessSettings = Partial<Pick<Config, 'apiKeys' | 'labelsRequireApiKey' | 'rateLimitMax' | 'rateLimitWindowMs'>>

/** Too many requests from one key or address in the window; Retry-After says when to try again. */
export class RateLimitedError extends LabelworksError {
  readonly code = 'RATE_LIMITED'
}

/** Label routes: /v1/labels, /v1/labels/batch (and any route added under it), and the Labelary-compatible renderer. */
const LABEL_ROUTES = /^\/v1\/(labels(\/|$)|printers\/:dpmm\/labels\/)/

/** The route a request was matched to (its pattern, such as /v1/printers/:id), or undefined for no route. */
const routeOf = (request: FastifyRequest): string | undefined => request.routeOptions.url

/** Installs the key check on the label routes and the rate limit on /v1/ routes, as the settings ask. */
export async function installAccessControl (app: FastifyInstance, settings: AccessSettings): Promise<void> {
  const keys = apiKeys(settings.apiKeys)
  const max = settings.rateLimitMax ?? 0
  if (max > 0) {
    await app.register(rateLimit, { global: false })
    const windowMs = settings.rateLimitWindowMs ?? 60_000
    const limit = app.rateLimit({
      max,
      timeWindow: windowMs,
      // A valid key is its own bucket, so clients behind one proxy address do not share; anything else (no key, a
      // wrong one) counts against its address, so guessing keys is throttled too.
      keyGenerator: (request) => {
        const match = keys.match(request)
        return typeof match === 'number' ? `key:${match}` : `address:${request.ip}`
      },
      errorResponseBuilder: (_request, context) => new RateLimitedError(
        `more than ${context.max} requests in ${windowMs / 1000} s; retry after ${Math.ceil(context.ttl / 1000)} s`,
        { issues: [{ path: 'request', rule: 'rate_limit', message: `at most ${context.max} requests per ${windowMs / 1000} s per API key or client address` }] }
      )
    })
    app.addHook('onRequest', async (request, reply) => {
      if (routeOf(request)?.startsWith('/v1/') === true) await limit.call(app, request, reply)
    })
  }
  if (settings.labelsRequireApiKey === true) {
    app.addHook('onRequest', async (request) => {
      const route = routeOf(request)
      if (route !== undefined && LABEL_ROUTES.test(route)) checkApiKey(keys, request)
    })
  }
}
