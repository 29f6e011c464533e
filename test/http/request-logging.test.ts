// What the service writes to its log per request, at the default level and at debug.
import type { FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import { testApp } from '../support/app.ts'
import { fullRecord } from './labels/fixtures.ts'

let app: FastifyInstance | undefined
afterEach(async () => { await app?.close() })

/** The app logging at `level` into an array of parsed lines. */
async function loggingApp (level: string): Promise<{ app: FastifyInstance, lines: Record<string, unknown>[] }> {
  const lines: Record<string, unknown>[] = []
  app = await testApp({
    config: loadConfig({ LOG_LEVEL: level }),
    logger: true,
    logStream: { write: (line) => { lines.push(JSON.parse(line) as Record<string, unknown>) } },
    plugins: [async (instance) => { instance.get('/test/crash', async () => { throw new Error('boom') }) }]
  })
  return { app, lines }
}

const label = { method: 'POST' as const, url: '/v1/labels', payload: { record: fullRecord() }, headers: { accept: 'x-application/zpl' } }

describe('request logging', () => {
  it('writes nothing for a label made, at the default level: two lines a request cost more than the label', async () => {
    const { app, lines } = await loggingApp('info')
    const before = lines.length
    expect((await app.inject(label)).statusCode).toBe(200)
    expect(lines.slice(before)).toEqual([])
    // The log is live: a refused request right after is written.
    expect((await app.inject({ ...label, payload: { record: fullRecord(), dpi: 150 } })).statusCode).toBe(400)
    expect(lines.slice(before).map((l) => l.msg)).toEqual(['request rejected'])
  })

  it('logs a refused request at info with its code, and a failure at error with the error, both with the request id', async () => {
    const { app, lines } = await loggingApp('info')
    const refused = await app.inject({ ...label, payload: { record: fullRecord(), dpi: 150 } })
    expect(refused.statusCode).toBe(400)
    expect(lines).toContainEqual(expect.objectContaining({ level: 30, msg: 'request rejected', code: 'VALIDATION_FAILED', status: 400, method: 'POST', url: '/v1/labels', reqId: refused.headers['x-request-id'] }))
    const crash = await app.inject({ method: 'GET', url: '/test/crash' })
    expect(crash.statusCode).toBe(500)
    expect(lines).toContainEqual(expect.objectContaining({ level: 50, msg: 'request failed', reqId: crash.headers['x-request-id'], err: expect.objectContaining({ message: 'boom' }) }))
    const missing = await app.inject({ method: 'GET', url: '/v1/label' })
    expect(lines).toContainEqual(expect.objectContaining({ level: 30, msg: 'request rejected', code: 'NOT_FOUND', status: 404, url: '/v1/label', reqId: missing.headers['x-request-id'] }))
    const badUrl = await app.inject({ method: 'GET', url: '/v1/labels/%zz' })
    expect(lines).toContainEqual(expect.objectContaining({ level: 30, msg: 'request rejected', code: 'BAD_URL', status: 400, reqId: badUrl.headers['x-request-id'] }))
    expect(lines.filter((l) => l.msg === 'incoming request' || l.msg === 'request completed')).toEqual([])
  })

  it('writes one line a request at debug: method, url, status and time', async () => {
    const { app, lines } = await loggingApp('debug')
    const before = lines.length
    const res = await app.inject({ ...label, headers: { ...label.headers, 'x-request-id': 'wms-1' } })
    expect(res.statusCode).toBe(200)
    expect(lines.slice(before)).toEqual([
      expect.objectContaining({ level: 20, msg: 'request completed', reqId: 'wms-1', method: 'POST', url: '/v1/labels', status: 200, ms: expect.any(Number) })
    ])
  })
})
