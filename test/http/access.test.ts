// API keys on the label endpoints (off by default, several valid at once for rotation) and rate limits per key or
// client address, answered 429 with Retry-After.
import { readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import { createPrinting, type Printing } from '../../src/printing/create-printing.ts'
import { printingPlugin } from '../../src/http/printing/index.ts'
import { FAST, tempDir } from '../printing/helpers.ts'
import { testApp, testLabelService } from '../support/app.ts'

const RECORD = JSON.parse(readFileSync(new URL('../../bench/fixtures/generic-record.json', import.meta.url), 'utf8')) as object

let apps: FastifyInstance[] = []
let printings: Printing[] = []
afterEach(async () => {
  for (const a of apps) await a.close()
  for (const p of printings) await p.close()
  apps = []
  printings = []
})

async function appWith (env: Record<string, string>, printing = false): Promise<FastifyInstance> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env })
  const service = testLabelService()
  const plugins = []
  if (printing) {
    const p = await createPrinting({ config: { ...config, dataDir: tempDir() }, service, queueOptions: FAST })
    printings.push(p)
    plugins.push(printingPlugin(p))
  }
  const app = await testApp({ config, service, plugins })
  apps.push(app)
  return app
}

const label = (app: FastifyInstance, headers: Record<string, string> = {}, url = '/v1/labels') =>
  app.inject({ method: 'POST', url, headers, payload: url.endsWith('batch') ? { records: [RECORD] } : RECORD })

describe('API keys on the label endpoints', () => {
  it('are not needed by default', async () => {
    const app = await appWith({})
    expect((await label(app)).statusCode).toBe(200)
  })

  it('when required: refuse a missing or wrong key naming the header, accept every configured key', async () => {
    const app = await appWith({ LABELS_REQUIRE_API_KEY: 'true', API_KEY: 'old-key-0123456789', API_KEYS: 'new-key-9876543210, next-key-5555555555' })
    const missing = await label(app)
    expect(missing.statusCode).toBe(401)
    expect(missing.json().error).toMatchObject({ code: 'UNAUTHORIZED', issues: [{ path: 'header.authorization', rule: 'api_key' }] })
    expect((await label(app, { authorization: 'Bearer old-key-012345678' })).statusCode).toBe(401)
    expect((await label(app, { authorization: 'Bearer old-key-0123456789' })).statusCode).toBe(200)
    expect((await label(app, { 'x-api-key': 'new-key-9876543210' })).statusCode).toBe(200)
    expect((await label(app, { 'x-api-key': 'next-key-5555555555' }, '/v1/labels/batch')).statusCode).toBe(200)
    expect((await label(app, {}, '/v1/labels/batch')).statusCode).toBe(401)
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200)
  })

  it('the printing routes accept every configured key too', async () => {
    const app = await appWith({ API_KEY: 'old-key-0123456789', API_KEYS: 'new-key-9876543210' }, true)
    for (const key of ['old-key-0123456789', 'new-key-9876543210']) {
      expect((await app.inject({ method: 'GET', url: '/v1/printers', headers: { 'x-api-key': key } })).statusCode).toBe(200)
    }
    expect((await app.inject({ method: 'GET', url: '/v1/printers', headers: { 'x-api-key': 'guess' } })).statusCode).toBe(401)
  })

  it('cannot be required with no key set', () => {
    expect(() => loadConfig({ LABELS_REQUIRE_API_KEY: 'true' })).toThrow(/LABELS_REQUIRE_API_KEY is true but no key is set/)
  })
})

describe('rate limits', () => {
  it('answer 429 RATE_LIMITED with Retry-After past the limit, per client address', async () => {
    const app = await appWith({ RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' })
    for (let i = 0; i < 3; i++) expect((await label(app)).statusCode).toBe(200)
    const limited = await label(app)
    expect(limited.statusCode).toBe(429)
    expect(limited.json().error).toMatchObject({ code: 'RATE_LIMITED', issues: [{ path: 'request', rule: 'rate_limit' }] })
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0)
    expect((await label(app, {}, '/v1/labels/batch')).statusCode).toBe(429)
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200)
    const other = await app.inject({ method: 'POST', url: '/v1/labels', payload: RECORD, remoteAddress: '10.0.0.9' })
    expect(other.statusCode).toBe(200)
  })

  it('count a valid key as its own bucket, and a wrong key against the address', async () => {
    const app = await appWith({ RATE_LIMIT_MAX: '2', API_KEYS: 'key-a-0123456789,key-b-0123456789', LABELS_REQUIRE_API_KEY: 'true' })
    for (let i = 0; i < 2; i++) expect((await label(app, { 'x-api-key': 'key-a-0123456789' })).statusCode).toBe(200)
    expect((await label(app, { 'x-api-key': 'key-a-0123456789' })).statusCode).toBe(429)
    expect((await label(app, { 'x-api-key': 'key-b-0123456789' })).statusCode).toBe(200)
    expect((await label(app, { 'x-api-key': 'wrong-1' })).statusCode).toBe(401)
    expect((await label(app, { 'x-api-key': 'wrong-2' })).statusCode).toBe(401)
    expect((await label(app, { 'x-api-key': 'wrong-3' })).statusCode).toBe(429)
  })
})
