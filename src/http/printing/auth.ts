// API key check of the printing and printer admin routes: `Authorization: Bearer <key>` or `X-API-Key: <key>`.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import { PrintingDisabledError, UnauthorizedError } from '../../printing/errors.ts'

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

/** An onRequest hook enforcing `apiKey`; with no key configured every request is refused (503). */
export function requireApiKey (apiKey: string | undefined): (request: FastifyRequest) => Promise<void> {
  const expected = apiKey === undefined || apiKey === '' ? undefined : digest(apiKey)
  return async (request) => {
    if (expected === undefined) throw new PrintingDisabledError()
    const key = presentedKey(request)
    if (key === undefined) throw new UnauthorizedError('this endpoint needs an API key')
    // Compare digests so the comparison takes the same time whatever the key's length.
    if (!timingSafeEqual(digest(key), expected)) throw new UnauthorizedError('the API key is not valid')
  }
}
