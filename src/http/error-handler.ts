// The one error handler: LabelworksError codes map to statuses (src/http/error-status.ts); schema failures become
// VALIDATION_FAILED with the field path; anything else is a 500 whose details go to the log only.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { LabelworksError, type FieldIssue } from '../errors.ts'
import { statusForCode } from './error-status.ts'
import { logRejection } from './request-logging.ts'

/** Body of every error response. */
export interface ErrorBody {
  error: { code: string, message: string, issues: FieldIssue[] }
}

interface SchemaFailure {
  instancePath: string
  keyword: string
  message?: string
  params?: Record<string, unknown>
}

/** `/record/recipient/name` in the `body` part → `record.recipient.name`; a missing property names itself. */
function schemaIssue (failure: SchemaFailure, context: string | undefined): FieldIssue {
  const segments = failure.instancePath.split('/').filter((s) => s !== '')
  const missing = failure.params?.missingProperty
  if (failure.keyword === 'required' && typeof missing === 'string') segments.push(missing)
  const extra = failure.params?.additionalProperty
  if (failure.keyword === 'additionalProperties' && typeof extra === 'string') segments.push(extra)
  const prefix = context === 'querystring' ? 'query' : context === 'params' ? 'path' : ''
  const path = [prefix, ...segments].filter((s) => s !== '').join('.') || (context ?? 'body')
  let message = failure.message ?? 'is invalid'
  const allowed = failure.params?.allowedValues
  if (failure.keyword === 'enum' && Array.isArray(allowed)) message = `must be one of ${allowed.join(', ')}`
  if (failure.keyword === 'required') message = 'is required'
  if (failure.keyword === 'additionalProperties') message = 'is not a known field'
  return { path, rule: failure.keyword, message }
}

/** Fastify's own request errors, as our codes with the part of the request they are about. */
const FASTIFY_CODES: Readonly<Record<string, { code: string, message: string, path: string, rule: string }>> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'BODY_TOO_LARGE', message: 'request body is larger than the configured limit (BODY_LIMIT_BYTES)', path: 'body', rule: 'max_bytes' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'send the body as application/json', path: 'header.content-type', rule: 'media_type' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'INVALID_JSON', message: 'the JSON body is empty', path: 'body', rule: 'json' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'INVALID_JSON', message: 'Content-Length does not match the body', path: 'header.content-length', rule: 'content_length' },
  FST_ERR_BAD_URL: { code: 'BAD_URL', message: 'the URL is not valid: every % must start a complete escape of UTF-8, such as %20 or %C3%A9', path: 'url', rule: 'url_encoding' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'URI_TOO_LONG', message: 'a path segment is longer than 100 characters; no id or name here is that long', path: 'url', rule: 'max_length' }
}

/**
 * Turns any thrown value into a status and a body that never leaks internals on 5xx. `logRef` (`request req-9`)
 * is how an unexpected failure's answer points at its details in the log.
 */
export function describeError (err: unknown, logRef?: string): { status: number, body: ErrorBody, internal: boolean } {
  if (err instanceof LabelworksError) {
    const status = statusForCode(err.code)
    if (status < 500) return { status, body: { error: { code: err.code, message: err.message, issues: err.issues } }, internal: false }
    // Known failures of a dependency (a printer, a renderer) keep their code; the message is ours, not a stack.
    return { status, body: { error: { code: err.code, message: err.message, issues: [] } }, internal: status === 500 }
  }
  const fe = err as Partial<FastifyError> & { validation?: SchemaFailure[], validationContext?: string }
  if (Array.isArray(fe.validation)) {
    const issues = fe.validation.map((v) => schemaIssue(v, fe.validationContext))
    const first = issues[0]
    const message = first === undefined ? 'invalid request' : `${first.path}: ${first.message}`
    return { status: 400, body: { error: { code: 'VALIDATION_FAILED', message, issues } }, internal: false }
  }
  const mapped = fe.code === undefined ? undefined : FASTIFY_CODES[fe.code]
  if (mapped !== undefined) {
    const { code, message, path, rule } = mapped
    return { status: statusForCode(code), body: { error: { code, message, issues: [{ path, rule, message }] } }, internal: false }
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return { status: fe.statusCode, body: { error: { code: 'BAD_REQUEST', message: fe.message ?? 'bad request', issues: [] } }, internal: false }
  }
  const message = `internal error; see the service log${logRef === undefined ? '' : ` for ${logRef}`}`
  return { status: 500, body: { error: { code: 'INTERNAL', message, issues: [] } }, internal: true }
}

/** The path is served, but not with this method (`GET /v1/labels`); the `Allow` header lists the methods that are. */
export class MethodNotAllowedError extends LabelworksError {
  readonly code = 'METHOD_NOT_ALLOWED'
}

/** No route has this path. */
export class RouteNotFoundError extends LabelworksError {
  readonly code = 'NOT_FOUND'
}

const ROUTE_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'] as const

/**
 * Answers a failure with its status and JSON error body, and logs it: the app's error handler, and refusals Fastify
 * makes before routing (a malformed URL), both go through here.
 */
export function answerError (err: unknown, request: FastifyRequest, reply: FastifyReply): void {
  // The details are in the log only; the request id is how the caller and the operator find them there.
  const { status, body, internal } = describeError(err, `request ${request.id}`)
  if (internal) request.log.error({ err }, 'request failed')
  else logRejection(request, body.error.code, status)
  void reply.status(status).header('x-request-id', request.id).type('application/json; charset=utf-8').send(body)
}

/** Installs the handler, and a JSON 404 (or 405 when the path exists for other methods) on an app. */
export function installErrorHandling (app: FastifyInstance): void {
  app.setErrorHandler(answerError)
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? ''
    const allowed = ROUTE_METHODS.filter((method) => method !== request.method && app.findRoute({ method, url: path }) !== null)
    if (allowed.length > 0) {
      void reply.header('allow', allowed.join(', '))
      const message = `${request.method} ${path} is not served; use ${allowed.join(' or ')}`
      throw new MethodNotAllowedError(message, { issues: [{ path: 'method', rule: 'allowed_methods', message }] })
    }
    // Thrown like the 405, so the error handler answers, logs and names the request id as for every refusal.
    const message = `no route ${request.method} ${path}; GET / lists the endpoints`
    throw new RouteNotFoundError(message, { issues: [{ path: 'url', rule: 'route', message }] })
  })
}
