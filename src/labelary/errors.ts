import { LabelworksError } from '../errors.ts'

/** Labelary answered 4xx: the request (usually the ZPL) is wrong; `labelaryMessage` is Labelary's own text. */
export class LabelaryRejectedError extends LabelworksError {
  readonly code = 'LABELARY_REJECTED'

  constructor (readonly status: number, readonly labelaryMessage: string, context: string) {
    super(`Labelary rejected ${context} with HTTP ${status}: ${labelaryMessage || '(no message)'}`)
  }
}

/** Labelary could not be reached, kept failing with 5xx, or sent something that is not a label. */
export class LabelaryUnavailableError extends LabelworksError {
  readonly code = 'LABELARY_UNAVAILABLE'

  constructor (message: string, readonly status?: number, cause?: unknown) {
    super(message, { cause })
  }
}

/** Connecting, waiting for the response or reading its body took longer than the configured timeout. */
export class LabelaryTimeoutError extends LabelworksError {
  readonly code = 'LABELARY_TIMEOUT'
}

/** Labelary kept answering 429 after every retry (or asked us to wait longer than we are willing to). */
export class LabelaryRateLimitedError extends LabelworksError {
  readonly code = 'LABELARY_RATE_LIMITED'

  constructor (message: string, readonly retryAfterMs?: number) {
    super(message)
  }
}
