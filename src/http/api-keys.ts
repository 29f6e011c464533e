// API keys: `Authorization: Bearer <key>` or `X-API-Key: <key>`. Several keys may be valid at once so they can be
// rotated (add the new key, move clients, remove the old one). The printing routes always need a key; the label
// routes need one when LABELS_REQUIRE_API_KEY is set (see src/http/access.ts).
import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { PrintingDisabledError, UnauthorizedError } from '../printing/errors.ts'

const digest = (text: string): Buffer => createHash('sha256').update(text).digest()

/** The key a request carries, if any. */
function presentedKey (request: FastifyRequest): string | undefined {
  const auth = request.headers.authorization
  if (typeof auth === 'string') {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(auth)
    if (match !== null) return match[1]
  }
  const header = request.headers['x-api-key']
  return typeof header === 'string' && header !== '' ? header : undefined
}

/** Which configured key a request presents: its index, `missing`, or `invalid`. */
export type KeyMatch = number | 'missing' | 'invalid'

/** Checks presented keys against the configured ones. */
export interface ApiKeys {
  /** True when at least one key is configured. */
  readonly configured: boolean
  match (request: FastifyRequest): KeyMatch
}

/** The configured keys (empty strings ignored); `match` compares in constant time. */
export function apiKeys (keys: string | readonly string[] | undefined): ApiKeys {
  const list = keys === undefined ? [] : typeof keys === 'string' ? [keys] : keys
  const expected = list.filter((k) => k !== '').map(digest)
  return {
    configured: expected.length > 0,
    match (request) {
      const key = presentedKey(request)
      if (key === undefined) return 'missing'
      // Digests have one length whatever the key's, and every configured key is compared, so neither the time
      // taken nor an early exit says how much of a key was right, or which key it was close to.
      const given = digest(key)
      let found = -1
      for (let i = 0; i < expected.length; i++) if (timingSafeEqual(given, expected[i] as Buffer) && found < 0) found = i
      return found < 0 ? 'invalid' : found
    }
  }
}

/** Throws UNAUTHORIZED unless the request presents one of `keys`. */
export function checkApiKey (keys: ApiKeys, request: FastifyRequest): void {
  const match = keys.match(request)
  if (match === 'missing') throw new UnauthorizedError('this endpoint needs an API key')
  if (match === 'invalid') throw new UnauthorizedError('the API key is not valid')
}

/** An onRequest hook enforcing `keys`; with no key configured every request is refused (503 PRINTING_DISABLED). */
export function requireApiKey (keys: string | readonly string[] | undefined): (request: FastifyRequest) => Promise<void> {
  const check = apiKeys(keys)
  return async (request) => {
    if (!check.configured) throw new PrintingDisabledError()
    checkApiKey(check, request)
  }
}
