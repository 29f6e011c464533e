// JSON bodies as clients really send them: compressed or in a declared charset (src/request/body-encoding.ts), then
// parsed by src/request/json.ts, so a parse failure says where the JSON broke instead of a 500.
import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from 'fastify'
import { decodeBodyText, decompressBody } from '../request/body-encoding.ts'
import { parseJsonBody } from '../request/json.ts'

/** Fastify's own default, for an app built without a body limit. */
const DEFAULT_BODY_LIMIT = 1024 * 1024

/** True when the request carries no body at all: no Transfer-Encoding, and no or a zero Content-Length. */
function hasNoBody (headers: FastifyRequest['headers']): boolean {
  const length = headers['content-length']
  return headers['transfer-encoding'] === undefined && (length === undefined || length === '0')
}

/**
 * Many HTTP clients send `Content-Type: application/json` with every request, a bodiless DELETE included, and
 * Fastify would refuse that as an empty JSON body (or as a media type it does not parse). A DELETE names what it
 * removes in its URL, so the type of a body that is not there is dropped before parsing. Only DELETE routes carry
 * the hook, so no other request pays for it.
 */
function ignoreTypeOfMissingDeleteBody (app: FastifyInstance): void {
  const forgetType: onRequestHookHandler = (request, _reply, done) => {
    if (request.headers['content-type'] !== undefined && hasNoBody(request.headers)) delete request.headers['content-type']
    done()
  }
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method]
    if (!methods.includes('DELETE')) return
    const own = route.onRequest === undefined ? [] : Array.isArray(route.onRequest) ? route.onRequest : [route.onRequest]
    route.onRequest = [forgetType, ...own]
  })
}

/** `application/json` and the `+json` types. */
const JSON_TYPES = /^application\/([\w.+-]+\+)?json(;.*)?$/

/** A JSON body read, decompressed and decoded, whose parsing its route does itself (see parseJsonLater). */
export class JsonText {
  constructor (readonly text: string) {}
}

/** The request body as JSON: parses a JsonText, passes anything else (an already parsed body, none) through. */
export function jsonOf (body: unknown): unknown {
  return body instanceof JsonText ? parseJsonBody(body.text) : body
}

function addJsonParser (app: FastifyInstance, finish: (text: string) => unknown): void {
  const limit = app.initialConfig.bodyLimit ?? DEFAULT_BODY_LIMIT
  app.addContentTypeParser(JSON_TYPES, { parseAs: 'buffer' }, (request, body, done) => {
    try {
      const bytes = decompressBody(body as Buffer, request.headers['content-encoding'], limit)
      done(null, finish(decodeBodyText(bytes, request.headers['content-type'])))
    } catch (err) {
      done(err as Error, undefined)
    }
  })
}

/**
 * Replaces Fastify's JSON parser for `application/json` (and `+json` types): the body is decompressed by its
 * Content-Encoding and decoded by the charset its Content-Type names before it is parsed.
 */
export function installJsonBodyParser (app: FastifyInstance): void {
  ignoreTypeOfMissingDeleteBody(app)
  app.removeContentTypeParser('application/json')
  // Fastify would hand a text/plain body to the routes as a string, which then failed as "not a JSON object":
  // without a parser it is refused as the wrong media type, naming the Content-Type.
  app.removeContentTypeParser('text/plain')
  addJsonParser(app, parseJsonBody)
}

/**
 * In the routes of `scope` (an encapsulated plugin), a JSON body arrives as a JsonText, read and decoded as
 * everywhere else, for the route to parse with jsonOf when it is ready to: see src/http/turn-batch.ts.
 */
export function parseJsonLater (scope: FastifyInstance): void {
  scope.removeContentTypeParser(JSON_TYPES)
  addJsonParser(scope, (text) => new JsonText(text))
}
