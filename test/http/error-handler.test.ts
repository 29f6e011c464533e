// Errors as callers see them: a stable code, no internals on 5xx, and the request id that finds the details in
// the log.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { RenderFailedError } from '../../src/render/png/index.ts'
import { testApp } from '../support/app.ts'

let app: FastifyInstance

beforeAll(async () => {
  app = await testApp({
    plugins: [async (instance) => {
      instance.get('/test/crash', async () => { throw new Error('secret detail: /etc/labelworks/key=hunter2') })
      instance.get('/test/renderer', async () => { throw new RenderFailedError('the ZPL renderer stopped', { cause: new Error('wasm trap at 0x1f') }) })
    }]
  })
})
afterAll(async () => { await app.close() })

describe('error answers', () => {
  it('answers an unexpected failure with 500 INTERNAL, none of its details, and the request id for the log', async () => {
    const res = await app.inject({ method: 'GET', url: '/test/crash' })
    expect(res.statusCode).toBe(500)
    const id = res.headers['x-request-id']
    expect(id).toEqual(expect.any(String))
    expect(res.json()).toEqual({ error: { code: 'INTERNAL', message: `internal error; see the service log for request ${String(id)}`, issues: [] } })
    expect(res.body).not.toMatch(/secret|hunter2|Error|at /)
  })

  it('keeps a dependency failure’s own code and message, never its cause', async () => {
    const res = await app.inject({ method: 'GET', url: '/test/renderer' })
    expect(res.statusCode).toBe(502)
    expect(res.json().error).toMatchObject({ code: 'RENDER_FAILED', message: 'the ZPL renderer stopped' })
    expect(res.body).not.toContain('wasm trap')
  })

  it('uses a caller’s X-Request-Id, and its own when the given one is not a plain id', async () => {
    const mine = await app.inject({ method: 'GET', url: '/test/crash', headers: { 'x-request-id': 'wms-7f3a:42' } })
    expect(mine.headers['x-request-id']).toBe('wms-7f3a:42')
    expect(mine.json().error.message).toContain('for request wms-7f3a:42')
    const odd = await app.inject({ method: 'GET', url: '/v1/nothing', headers: { 'x-request-id': 'x'.repeat(500) } })
    expect(odd.statusCode).toBe(404)
    expect(odd.headers['x-request-id']).toMatch(/^req-[0-9a-z]+$/)
  })
})

describe('requests no route answers', () => {
  it('answers a malformed URL with 400 BAD_URL in the same error body as every other error', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/labels/%zz', headers: { 'x-request-id': 'trace-bad-url' } })
    expect(res.statusCode).toBe(400)
    expect(res.headers['x-request-id']).toBe('trace-bad-url')
    expect(res.json().error).toMatchObject({ code: 'BAD_URL', issues: [{ path: 'url', rule: 'url_encoding' }] })
  })

  it('answers unknown routes with a JSON 404', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/nothing' })
    expect(res.statusCode).toBe(404)
    expect(res.json().error).toMatchObject({ code: 'NOT_FOUND', issues: [{ path: 'url', rule: 'route' }] })
  })

  it('answers a served path asked with the wrong method with 405 and the methods in Allow', async () => {
    const labels = await app.inject({ method: 'GET', url: '/v1/labels?format=pdf' })
    expect(labels.statusCode).toBe(405)
    expect(labels.headers.allow).toBe('POST')
    expect(labels.json().error).toMatchObject({ code: 'METHOD_NOT_ALLOWED', message: 'GET /v1/labels is not served; use POST', issues: [{ path: 'method', rule: 'allowed_methods' }] })
    const health = await app.inject({ method: 'DELETE', url: '/health' })
    expect(health.statusCode).toBe(405)
    expect(health.headers.allow).toBe('GET, HEAD')
  })
})
