import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../support/app.ts'

describe('GET /', () => {
  let app: FastifyInstance
  beforeAll(async () => {
    // A plugin registered after the core routes, as the server adds the Labelary-compatible and printing routes.
    app = await testApp({
      version: '9.9.9',
      plugins: [async (a) => { a.get('/v1/extra/:id', async () => 'x'); a.post('/v1/extra', async () => 'x'); a.post('/v1/extra/', async () => 'x') }]
    })
  })
  afterAll(async () => { await app.close() })

  it('lists every endpoint, the later plugins’ included, once per method (with or without a trailing slash) and in path order', async () => {
    const res = await app.inject({ method: 'GET', url: '/' })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ service: 'labelworks', version: '9.9.9', openapi: '/openapi.json' })
    expect(body.endpoints).toEqual([
      { method: 'GET', path: '/' },
      { method: 'GET', path: '/console' },
      { method: 'GET', path: '/console/:page' },
      { method: 'GET', path: '/console/assets/:file' },
      { method: 'GET', path: '/health' },
      { method: 'GET', path: '/health/live' },
      { method: 'GET', path: '/health/ready' },
      { method: 'GET', path: '/openapi.json' },
      { method: 'POST', path: '/v1/extra' },
      { method: 'GET', path: '/v1/extra/:id' },
      { method: 'GET', path: '/v1/fonts/label-font.zpl' },
      { method: 'POST', path: '/v1/labels' },
      { method: 'POST', path: '/v1/labels/batch' }
    ])
  })

  it('points a request for an unknown path to the list', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/label' })
    expect(res.statusCode).toBe(404)
    expect(res.json().error.message).toBe('no route GET /v1/label; GET / lists the endpoints')
  })
})
