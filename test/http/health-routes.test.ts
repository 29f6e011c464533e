// GET /health as a load balancer and an operator read it.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPrintQueue } from '../../src/printing/print-queue.ts'
import { FAST, stubService, tempDir, waitFor } from '../printing/helpers.ts'
import { testApp } from '../support/app.ts'
import { POSTGRES_MISSING, startPostgres } from '../support/postgres.ts'

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

describe('GET /health/live and /health/ready', () => {
  it('is live and ready without dependencies, and not ready while draining', async () => {
    let draining = false
    const drained = await testApp({ readiness: { checks: {}, draining: () => draining } })
    try {
      expect((await drained.inject({ method: 'GET', url: '/health/live' })).json()).toEqual({ status: 'ok' })
      expect((await drained.inject({ method: 'GET', url: '/health/ready' })).statusCode).toBe(200)
      draining = true
      const res = await drained.inject({ method: 'GET', url: '/health/ready' })
      expect(res.statusCode).toBe(503)
      expect(res.json()).toEqual({ status: 'draining', checks: {} })
    } finally {
      await drained.close()
    }
  })

  it.skipIf(POSTGRES_MISSING !== undefined)('is not ready while the PostgreSQL database is unreachable, and ready again when it is back', async () => {
    const server = await startPostgres()
    const queue = await createPrintQueue({ dataDir: tempDir(), databaseUrl: await server.newDatabase(), service: stubService(), ...FAST })
    const ready = await testApp({ readiness: { checks: { database: () => queue.ping() }, draining: () => false } })
    try {
      expect((await ready.inject({ method: 'GET', url: '/health/ready' })).json()).toEqual({ status: 'ready', checks: { database: 'ok' } })
      server.pause()
      const res = await ready.inject({ method: 'GET', url: '/health/ready' })
      expect(res.statusCode).toBe(503)
      expect(res.json()).toMatchObject({ status: 'unavailable', checks: { database: expect.not.stringMatching(/^ok$/) } })
      expect((await ready.inject({ method: 'GET', url: '/health/live' })).statusCode).toBe(200)
      server.resume()
      await waitFor(async () => (await ready.inject({ method: 'GET', url: '/health/ready' })).statusCode === 200, 20_000, 'ready again')
    } finally {
      await ready.close()
      await queue.close()
      await server.stop()
    }
  }, 60_000)
})
