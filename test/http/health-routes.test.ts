// GET /health as a load balancer and an operator read it.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../support/app.ts'

let app: FastifyInstance
beforeAll(async () => { app = await testApp() })
afterAll(async () => { await app.close() })

describe('GET /health', () => {
  it('reports ok and the installed templates', async () => {
    const body = (await app.inject({ method: 'GET', url: '/health' })).json()
    expect(body.status).toBe('ok')
    expect(body.templates).toEqual(expect.arrayContaining(['standard', 'dashlink']))
    expect(body.defaults).toEqual({ dpi: 203, template: 'standard' })
  })
})
