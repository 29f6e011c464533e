// What the service logs per request. Fastify's default is two info lines for every request (incoming, completed);
// under load they cost more server time than making a raw ZPL label.
// At info the log holds what an operator acts on: start-up, refused requests (4xx with their code, from the error
// handler) and failures (5xx with the error). One line per request, for tracing, is written at debug.
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify'

/** Milliseconds to the microsecond: the rest is noise in a log line. */
function roundedMs (ms: number): number {
  return Math.round(ms * 1000) / 1000
}

/** One debug line per completed request instead of two info lines; everything else as Fastify logs it. */
export class RequestLogController extends LogController {
  /** Whether the log level (fixed at start-up) lets debug lines through. */
  readonly #traced: boolean

  constructor (level: string) {
    super()
    this.#traced = level === 'debug' || level === 'trace'
  }

  override incomingRequest (): void {}

  override requestCompleted (error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (error !== null && error !== undefined) {
      reply.log.error({ err: error, status: reply.statusCode, ms: roundedMs(reply.elapsedTime) }, 'request errored')
      return
    }
    // Checked first: the line's object would otherwise be built for every request only to be dropped.
    if (!this.#traced) return
    request.log.debug({ method: request.method, url: request.url, status: reply.statusCode, ms: roundedMs(reply.elapsedTime) }, 'request completed')
  }
}

/** The info line of a refused request (4xx), the same wherever the refusal is answered. */
export function logRejection (request: FastifyRequest, code: unknown, status: number): void {
  request.log.info({ code, status, method: request.method, url: request.url }, 'request rejected')
}
