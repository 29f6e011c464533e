// One Labelary request with the client's rate limit, timeouts and retries: 429 and 5xx (and network faults and
// timeouts; rendering is idempotent) are retried with exponential backoff, honouring Retry-After. Everything
// that is not a usable label ends in a typed error.
import { setTimeout as sleep } from 'node:timers/promises'
import { request, type Dispatcher } from 'undici'
import { LabelaryRateLimitedError, LabelaryRejectedError, LabelaryTimeoutError, LabelaryUnavailableError } from './errors.ts'
import type { RateLimiter } from './rate-limit.ts'

/** Retry and timeout policy of a client. */
export interface SendPolicy {
  dispatcher: Dispatcher
  limiter: RateLimiter
  headersTimeoutMs: number
  bodyTimeoutMs: number
  maxRetries: number
  backoffBaseMs: number
  maxBackoffMs: number
  /** A Retry-After longer than this is not waited for: the request fails with LABELARY_RATE_LIMITED. */
  maxRetryAfterMs: number
}

/** A successful answer. */
export interface LabelaryResponse {
  body: Buffer
  headers: Record<string, string | string[] | undefined>
}

/** Retry-After as milliseconds from now: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfterMs (value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value
  if (text === undefined || text.trim() === '') return undefined
  if (/^\d+(\.\d+)?$/.test(text.trim())) return Number(text.trim()) * 1000
  const date = Date.parse(text)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

/** Exponential backoff with equal jitter: half fixed, half random, capped. */
function backoff (attempt: number, policy: SendPolicy): number {
  const ceiling = Math.min(policy.maxBackoffMs, policy.backoffBaseMs * 2 ** attempt)
  return ceiling / 2 + Math.random() * (ceiling / 2)
}

const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT'])

type Failure = { retry: true, error: Error, waitMs?: number } | { retry: false, error: Error }

function networkFailure (err: unknown, url: string): Failure {
  const code = (err as { code?: string } | null)?.code ?? ''
  if (TIMEOUT_CODES.has(code)) {
    const what = code === 'UND_ERR_CONNECT_TIMEOUT' ? 'connecting to' : code === 'UND_ERR_HEADERS_TIMEOUT' ? 'waiting for' : 'reading the response of'
    return { retry: true, error: new LabelaryTimeoutError(`timed out ${what} ${url}`, { cause: err }) }
  }
  const message = err instanceof Error ? err.message : String(err)
  // The client itself was closed: no retry can succeed, so fail now instead of after the backoffs.
  const closed = code === 'UND_ERR_CLOSED' || code === 'UND_ERR_DESTROYED'
  return { retry: !closed, error: new LabelaryUnavailableError(`cannot reach ${url}: ${code || message}`, undefined, err) }
}

async function attempt (url: string, headers: Record<string, string>, body: string, policy: SendPolicy): Promise<LabelaryResponse | Failure> {
  await policy.limiter.take()
  let res: Dispatcher.ResponseData
  let bytes: Buffer
  try {
    res = await request(url, {
      method: 'POST',
      headers,
      body,
      dispatcher: policy.dispatcher,
      headersTimeout: policy.headersTimeoutMs,
      bodyTimeout: policy.bodyTimeoutMs
    })
    bytes = Buffer.from(await res.body.arrayBuffer())
  } catch (err) {
    return networkFailure(err, url)
  }
  const status = res.statusCode
  if (status >= 200 && status < 300) {
    if (bytes.length === 0) return { retry: true, error: new LabelaryUnavailableError(`${url} answered ${status} with an empty body`, status) }
    return { body: bytes, headers: res.headers }
  }
  const message = bytes.toString('utf8').trim().slice(0, 500)
  if (status === 429) {
    const waitMs = retryAfterMs(res.headers['retry-after'])
    const error = new LabelaryRateLimitedError(`Labelary rate limit: HTTP 429 from ${url}${message ? `: ${message}` : ''}`, waitMs)
    if (waitMs !== undefined && waitMs > policy.maxRetryAfterMs) return { retry: false, error }
    return { retry: true, error, waitMs }
  }
  if (status >= 500) return { retry: true, error: new LabelaryUnavailableError(`Labelary failed with HTTP ${status} at ${url}: ${message}`, status) }
  return { retry: false, error: new LabelaryRejectedError(status, message, url) }
}

/** POSTs `zpl` to `url`, retrying what is worth retrying; resolves only with a non-empty 2xx body. */
export async function sendWithRetries (url: string, headers: Record<string, string>, zpl: string, policy: SendPolicy): Promise<LabelaryResponse> {
  for (let tries = 0; ; tries++) {
    const outcome = await attempt(url, headers, zpl, policy)
    if ('body' in outcome) return outcome
    if (!outcome.retry || tries >= policy.maxRetries) throw outcome.error
    await sleep(outcome.waitMs ?? backoff(tries, policy))
  }
}
