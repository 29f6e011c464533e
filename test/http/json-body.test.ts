import Fastify, { type FastifyInstance } from 'fastify'
import { gzipSync } from 'node:zlib'
import { afterEach, describe, expect, it } from 'vitest'
import { installJsonBodyParser, jsonOf, JsonText, parseJsonLater } from '../../src/http/json-body.ts'
import { InvalidJsonError } from '../../src/request/json.ts'

let app: FastifyInstance | undefined
afterEach(async () => { await app?.close() })

/** An app with the JSON parser installed, `/now` answering its parsed body and `/later/` (in a parseJsonLater scope) what it got. */
async function twoScopes (): Promise<FastifyInstance> {
  const built = Fastify({ logger: false })
  installJsonBodyParser(built)
  built.post('/now', async (request) => ({ deferred: request.body instanceof JsonText, body: request.body }))
  await built.register(async (scope) => {
    parseJsonLater(scope)
    scope.post('/later', async (request) => ({ deferred: request.body instanceof JsonText, body: jsonOf(request.body) }))
  })
  return built
}

describe('parseJsonLater', () => {
  it('hands its scope the decoded JSON text to parse with jsonOf, and leaves the other routes parsing as before', async () => {
    app = await twoScopes()
    const payload = gzipSync(Buffer.from('\ufeff{"name": "Zoë"}', 'utf8'))
    const headers = { 'content-type': 'application/json; charset=utf-8', 'content-encoding': 'gzip' }
    const later = await app.inject({ method: 'POST', url: '/later', payload, headers })
    expect(later.json()).toEqual({ deferred: true, body: { name: 'Zoë' } })
    const now = await app.inject({ method: 'POST', url: '/now', payload, headers })
    expect(now.json()).toEqual({ deferred: false, body: { name: 'Zoë' } })
  })
})

describe('jsonOf', () => {
  it('parses a JsonText and passes a parsed or missing body through', () => {
    expect(jsonOf(new JsonText('{"a":[1,2]}'))).toEqual({ a: [1, 2] })
    const parsed = { a: 1 }
    expect(jsonOf(parsed)).toBe(parsed)
    expect(jsonOf(undefined)).toBeUndefined()
  })

  it('refuses text that is not JSON, or no text at all, as INVALID_JSON naming the body', () => {
    for (const text of ['{"a": ', '', '  ']) {
      let thrown: unknown
      try { jsonOf(new JsonText(text)) } catch (err) { thrown = err }
      expect(thrown).toBeInstanceOf(InvalidJsonError)
      expect((thrown as InvalidJsonError).issues).toEqual([expect.objectContaining({ path: 'body', rule: 'json' })])
    }
  })
})
