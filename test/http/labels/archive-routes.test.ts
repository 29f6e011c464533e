// The label archive over HTTP with the real pipeline and a real SQLite archive in a temp folder: every golden case
// answered again byte for byte, reprints at another density or as PDF equal to a label made afresh from the same
// data, search, and storing switched off.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LabelArchive } from '../../../src/archive/label-archive.ts'
import { openSqliteArchive } from '../../../src/archive/sqlite-archive.ts'
import { LABEL_CASES, loadRecord } from '../../golden/cases.ts'
import { testApp, testLabelService } from '../../support/app.ts'

let day = '2026-11-24'
let archive: LabelArchive
let app: FastifyInstance
let bare: FastifyInstance
beforeAll(async () => {
  archive = openSqliteArchive(mkdtempSync(path.join(tmpdir(), 'lw-archive-http-')))
  app = await testApp({ archive, service: testLabelService({ today: () => day }) })
  bare = await testApp()
})
afterAll(async () => { await Promise.all([app.close(), bare.close()]); await archive.close() })

const post = (on: FastifyInstance, payload: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
  on.inject({ method: 'POST', url: '/v1/labels', payload: payload as string, headers: { 'content-type': 'application/json', ...headers } })
const get = (url: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> => app.inject({ method: 'GET', url, headers })
const bytesOf = (res: LightMyRequestResponse): Buffer => Buffer.from(res.json().label_string as string, 'base64')

describe('GET /v1/labels/{id}', () => {
  it('answers every golden case with the bytes POST answered, as ZPL and PDF at both densities', async () => {
    for (const labelCase of LABEL_CASES) {
      for (const format of ['zpl', 'pdf'] as const) {
        for (const dpi of [203, 300] as const) {
          const made = await post(app, { record: loadRecord(labelCase), template: labelCase.template, format, dpi })
          expect(made.statusCode, labelCase.name).toBe(200)
          const id = made.json().label_id as string
          expect(made.headers['x-label-id']).toBe(id)
          expect(made.headers.location).toBe(`/v1/labels/${id}`)
          const again = await get(`/v1/labels/${id}`)
          expect(again.statusCode).toBe(200)
          expect(bytesOf(again).equals(bytesOf(made)), `${labelCase.name} ${format} ${dpi}`).toBe(true)
          expect({ ...again.json(), label_string: '' }).toEqual({ ...made.json(), label_string: '' })
        }
      }
    }
  }, 120_000)

  it('draws a 203 dpi ZPL label as PDF, PNG or at 300 dpi from the same data: the ship date it was made with, not today', async () => {
    const record = loadRecord(LABEL_CASES[1] as (typeof LABEL_CASES)[number]) as Record<string, unknown>
    const { ship_date: shipDate, ...undated } = record
    day = '2026-11-20'
    const made = await post(app, { record: undated, format: 'zpl', dpi: 203 })
    const id = made.json().label_id as string
    day = '2026-11-27'
    for (const [query, format, dpi] of [['?dpi=300', 'zpl', 300], ['?format=pdf', 'pdf', 203], ['?format=pdf&dpi=300', 'pdf', 300], ['?format=png', 'png', 203]] as const) {
      const again = await get(`/v1/labels/${id}${query}`)
      expect(again.statusCode).toBe(200)
      expect(again.json()).toMatchObject({ label_format: format, print_density: `${dpi}dpi`, label_id: id })
      const fresh = await post(bare, { record: { ...undated, ship_date: '2026-11-20' }, format, dpi })
      expect(bytesOf(again).equals(bytesOf(fresh)), query).toBe(true)
      const today = await post(bare, { record: { ...undated, ship_date: '2026-11-27' }, format, dpi })
      expect(bytesOf(again).equals(bytesOf(today))).toBe(false)
    }
    expect(shipDate).toBeDefined()
    day = '2026-11-24'
  }, 60_000)

  it('sends raw bytes for a raw Accept, with the id in headers', async () => {
    const made = await post(app, { record: loadRecord(LABEL_CASES[0] as (typeof LABEL_CASES)[number]), format: 'pdf' }, { accept: 'application/pdf' })
    const id = made.headers['x-label-id'] as string
    expect(id).toMatch(/^lbl_[0-9a-f]{32}$/)
    const again = await get(`/v1/labels/${id}`, { accept: 'application/pdf' })
    expect(again.headers['content-type']).toBe('application/pdf')
    expect(again.rawPayload.equals(made.rawPayload)).toBe(true)
    const zpl = await get(`/v1/labels/${id}`, { accept: 'x-application/zpl' })
    expect(zpl.body.startsWith('^XA')).toBe(true)
  })

  it('answers 404 LABEL_NOT_FOUND for an id it does not have, and 400 naming a bad option', async () => {
    for (const id of ['lbl_00000000000000000000000000000000', 'nonsense']) {
      const res = await get(`/v1/labels/${id}`)
      expect(res.statusCode).toBe(404)
      expect(res.json().error.code).toBe('LABEL_NOT_FOUND')
    }
    const made = await post(app, { record: loadRecord(LABEL_CASES[0] as (typeof LABEL_CASES)[number]) })
    const bad = await get(`/v1/labels/${made.json().label_id as string}?dpi=600&template=dashlink`)
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['query.template'])
    const text = await get(`/v1/labels/${made.json().label_id as string}?format=pdf&text=font`)
    expect(text.json().error.issues[0]).toMatchObject({ path: 'query.text', rule: 'zpl_only' })
  })
})

describe('GET /v1/labels', () => {
  it('finds labels by tracking code, newest first, a page at a time', async () => {
    const record = { ...(loadRecord(LABEL_CASES[0] as (typeof LABEL_CASES)[number]) as Record<string, unknown>), tracking_code: 'LWXSEARCH0000001' }
    const ids: string[] = []
    for (let i = 0; i < 5; i++) {
      ids.push((await post(app, { record }, { accept: 'x-application/zpl' })).headers['x-label-id'] as string)
      await new Promise((resolve) => setTimeout(resolve, 2))
    }
    const first = (await get('/v1/labels?tracking_code=LWXSEARCH0000001&limit=3')).json()
    expect(first.labels.map((l: { label_id: string }) => l.label_id)).toEqual(ids.slice(2).reverse())
    expect(first.labels[0]).toMatchObject({ tracking_code: 'LWXSEARCH0000001', template: 'standard', label_format: 'zpl', print_density: '203dpi', ship_date: '2026-11-24', location: `/v1/labels/${ids[4] as string}` })
    const second = (await get(`/v1/labels?tracking_code=LWXSEARCH0000001&limit=3&after=${first.next_cursor as string}`)).json()
    expect(second.labels.map((l: { label_id: string }) => l.label_id)).toEqual(ids.slice(0, 2).reverse())
    expect(second.next_cursor).toBeNull()
    const future = (await get('/v1/labels?tracking_code=LWXSEARCH0000001&from=2999-01-01')).json()
    expect(future.labels).toEqual([])
  })

  it('refuses a bad search naming the parameter', async () => {
    const res = await get('/v1/labels?limit=1000&from=yesterday&colour=red')
    expect(res.statusCode).toBe(400)
    expect(res.json().error.issues.map((i: { path: string }) => i.path).sort()).toEqual(['query.colour', 'query.from', 'query.limit'])
  })
})

describe('storing off', () => {
  it('keeps no label sent with store: false', async () => {
    const res = await post(app, { record: loadRecord(LABEL_CASES[0] as (typeof LABEL_CASES)[number]), store: false })
    expect(res.statusCode).toBe(200)
    expect(res.json().label_id).toBeUndefined()
    expect(res.headers['x-label-id']).toBeUndefined()
    expect(res.headers.location).toBeUndefined()
  })

  it('keeps nothing and serves no archive routes without an archive (LABEL_ARCHIVE=false)', async () => {
    const res = await post(bare, { record: loadRecord(LABEL_CASES[0] as (typeof LABEL_CASES)[number]) })
    expect(res.json().label_id).toBeUndefined()
    expect((await bare.inject({ method: 'GET', url: '/v1/labels/lbl_00000000000000000000000000000000' })).statusCode).toBe(404)
  })

  it('gives every label of a batch its own id, each answered again as that label', async () => {
    const records = LABEL_CASES.slice(0, 3).map((c) => loadRecord(c))
    const res = await app.inject({ method: 'POST', url: '/v1/labels/batch', payload: { records, format: 'zpl' } })
    const { labels } = res.json() as { labels: { index: number, label_id: string }[] }
    expect(labels.map((l) => l.index)).toEqual([0, 1, 2])
    const single = await post(app, { record: records[1], format: 'zpl' })
    expect(bytesOf(await get(`/v1/labels/${labels[1]?.label_id as string}`)).equals(bytesOf(single))).toBe(true)
    const raw = await app.inject({ method: 'POST', url: '/v1/labels/batch', payload: { records, store: false }, headers: { accept: 'x-application/zpl' } })
    expect(raw.headers['x-label-ids']).toBeUndefined()
  })
})
