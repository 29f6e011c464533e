// Idempotency-Key on POST /v1/labels with the real pipeline and a real SQLite archive: concurrent repeats get one
// label, a later repeat gets the same bytes on another day, another request with the key is a 409, and the key
// outlives a restart.
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
const dir = mkdtempSync(path.join(tmpdir(), 'lw-idempotent-'))
let archive: LabelArchive
let app: FastifyInstance
const start = async (): Promise<void> => {
  archive = openSqliteArchive(dir)
  app = await testApp({ archive, service: testLabelService({ today: () => day }) })
}
const stop = async (): Promise<void> => { await app.close(); await archive.close() }
beforeAll(start)
afterAll(stop)

const { ship_date: _date, ...undated } = loadRecord(LABEL_CASES[2] as (typeof LABEL_CASES)[number]) as Record<string, unknown>
const post = (payload: unknown, key?: string, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
  app.inject({ method: 'POST', url: '/v1/labels', payload: payload as string, headers: { 'content-type': 'application/json', ...(key === undefined ? {} : { 'idempotency-key': key }), ...headers } })

describe('Idempotency-Key on POST /v1/labels', () => {
  it('gives 20 concurrent identical requests one label: one id, identical bytes', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, async () => await post({ record: undated, format: 'zpl' }, 'concurrent-1')))
    expect(answers.map((a) => a.statusCode)).toEqual(Array(20).fill(200))
    expect(new Set(answers.map((a) => a.json().label_id)).size).toBe(1)
    expect(new Set(answers.map((a) => a.body)).size).toBe(1)
    expect(answers.filter((a) => a.headers['idempotent-replayed'] === 'true')).toHaveLength(19)
    const found = await app.inject({ method: 'GET', url: '/v1/labels?tracking_code=' + String(undated.tracking_code) })
    expect(found.json().labels.filter((l: { label_id: string }) => l.label_id === answers[0]?.json().label_id)).toHaveLength(1)
  })

  it('answers a repeat on another day with the first label, not one with the new date, as raw bytes too', async () => {
    day = '2026-11-20'
    const first = await post({ record: undated, format: 'pdf' }, 'later-1', { accept: 'application/pdf' })
    day = '2026-11-27'
    const again = await post({ record: undated, format: 'pdf' }, 'later-1', { accept: 'application/pdf' })
    expect(again.rawPayload.equals(first.rawPayload)).toBe(true)
    expect(again.headers['x-label-id']).toBe(first.headers['x-label-id'])
    const unkeyed = await post({ record: undated, format: 'pdf' }, undefined, { accept: 'application/pdf' })
    expect(unkeyed.rawPayload.equals(first.rawPayload)).toBe(false)
    day = '2026-11-24'
  })

  it('refuses the key with a different body, query or representation: 409 IDEMPOTENCY_CONFLICT', async () => {
    expect((await post({ record: undated }, 'conflict-1')).statusCode).toBe(200)
    for (const res of [
      await post({ record: { ...undated, recipient_note: 'x' } }, 'conflict-1'),
      await post({ record: undated, dpi: 300 }, 'conflict-1'),
      await post({ record: undated }, 'conflict-1', { accept: 'x-application/zpl' })
    ]) {
      expect(res.statusCode).toBe(409)
      expect(res.json().error).toMatchObject({ code: 'IDEMPOTENCY_CONFLICT', issues: [{ path: 'header.idempotency-key', rule: 'unique' }] })
    }
  })

  it('keeps keys in the database: a repeat after a restart gets the first label', async () => {
    const first = await post({ record: undated }, 'restart-1')
    await stop()
    day = '2026-11-28'
    await start()
    const again = await post({ record: undated }, 'restart-1')
    expect(again.body).toBe(first.body)
    day = '2026-11-24'
  })

  it('needs the archive: store: false with a key is a 400 naming the header; a bad key too', async () => {
    const res = await post({ record: undated, store: false }, 'off-1')
    expect(res.statusCode).toBe(400)
    expect(res.json().error.issues[0]).toMatchObject({ path: 'header.idempotency-key', rule: 'needs_archive' })
    const long = await post({ record: undated }, 'k'.repeat(256))
    expect(long.json().error.issues[0]).toMatchObject({ path: 'header.idempotency-key', rule: 'length' })
  })
})
