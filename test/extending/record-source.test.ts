// docs/extending.md's worked record source (acme-source.ts), registered with one line as the registry would have
// it, end to end: recognised by `source: auto`, named by the source option, OpenAPI, the CLI and the messages.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { RENDER_USAGE } from '../../src/cli/render-command.ts'
import { completeTrackingCode } from '../../src/records/complete-code.ts'
import { adaptRecord } from '../../src/records/index.ts'
import { testApp } from '../support/app.ts'
import { acmeAdapter } from './acme-source.ts'
import { sourceProblems } from './completeness.ts'

vi.mock('../../src/records/registry.ts', async (importOriginal) => {
  const { SOURCE_ADAPTERS } = await importOriginal<typeof import('../../src/records/registry.ts')>()
  const { acmeAdapter: added } = await import('./acme-source.ts')
  return { SOURCE_ADAPTERS: [...SOURCE_ADAPTERS, added] }
})

const ACME = {
  acme_id: 'ACME20261124001',
  ship_to: { name: 'Ada Lovelace', address: '12 Main St, Springfield, IL 62701' },
  ship_from: { name: 'Acme Widgets', address: '1 Factory Rd, Chicago, IL 60601' }
}

let app: FastifyInstance
beforeAll(async () => { app = await testApp() })
afterAll(async () => { await app.close() })

const post = (payload: unknown) => app.inject({ method: 'POST', url: '/v1/labels', payload: payload as string, headers: { 'content-type': 'application/json' } })

function errorOf (fn: () => unknown): Error {
  try { fn() } catch (err) { return err as Error }
  throw new Error('no error')
}

describe('a new record source: its adapter and one registry line', () => {
  it('is complete', () => {
    expect(sourceProblems(acmeAdapter, errorOf(() => adaptRecord({ nothing: 1 }, { source: 'auto', strict: false })).message)).toEqual([])
  })

  it('is recognised by source auto and makes a label', async () => {
    const res = await post(ACME)
    expect(res.statusCode, res.body).toBe(200)
    expect(res.json()).toMatchObject({ source: 'acme', tracking_code: 'ACME20261124001' })
  })

  it('is a value of the source option, and its errors name its fields', async () => {
    expect((await post({ record: ACME, source: 'acme' })).statusCode).toBe(200)
    const res = await post({ record: { ...ACME, ship_to: { name: 'Ada' } }, source: 'acme' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toContain('record.ship_to')
  })

  it('takes a generated tracking code where its adapter says', () => {
    const { acme_id: _id, ...withoutCode } = ACME
    expect(completeTrackingCode(withoutCode, 'acme' as 'auto', () => 'LW0000000001')).toMatchObject({ code: 'LW0000000001', path: 'record.acme_id' })
  })

  it('is in the OpenAPI source enum and the CLI usage', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json()
    const source = doc.paths['/v1/labels'].post.parameters.find((p: { name: string }) => p.name === 'source')
    expect(source.schema.enum).toEqual(['auto', 'generic', 'dashlink', 'drive', 'uber_direct', 'postmates', 'acme'])
    expect(RENDER_USAGE).toContain('--source auto|generic|dashlink|drive|uber_direct|postmates|acme')
  })
})
