// Several instances of the service sharing one PostgreSQL database (DATABASE_URL), as behind a load balancer: a retry
// of a keyed request that lands on another instance gets the first label, and a label made on one instance is
// answered again, in another format, by any other.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { LabelArchive } from '../../../src/archive/label-archive.ts'
import { openArchive } from '../../../src/archive/open-archive.ts'
import { LABEL_CASES, loadRecord } from '../../golden/cases.ts'
import { testApp, testLabelService } from '../../support/app.ts'
import { POSTGRES_MISSING, startPostgres, type PostgresServer } from '../../support/postgres.ts'

let server: PostgresServer | undefined
const archives: LabelArchive[] = []
const apps: FastifyInstance[] = []
let day = '2026-11-24'

beforeAll(async () => {
  if (POSTGRES_MISSING !== undefined) return
  server = await startPostgres()
  const databaseUrl = await server.newDatabase()
  for (let i = 0; i < 3; i++) {
    const archive = await openArchive({ dataDir: '/nonexistent', databaseUrl })
    archives.push(archive)
    apps.push(await testApp({ archive, service: testLabelService({ today: () => day }) }))
  }
}, 60_000)
afterAll(async () => {
  for (const app of apps) await app.close()
  for (const archive of archives) await archive.close()
  await server?.stop()
})

const { ship_date: _date, ...undated } = loadRecord(LABEL_CASES[2] as (typeof LABEL_CASES)[number]) as Record<string, unknown>
const post = (app: FastifyInstance, key: string): Promise<LightMyRequestResponse> =>
  app.inject({ method: 'POST', url: '/v1/labels', payload: { record: undated, format: 'zpl' }, headers: { 'idempotency-key': key } })

describe.skipIf(POSTGRES_MISSING !== undefined)('instances sharing the archive in PostgreSQL', () => {
  it('answers one Idempotency-Key with one label on every instance, even when the retries race and the day changes', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, async (_, i) => await post(apps[i % 3] as FastifyInstance, 'shared-1')))
    expect(answers.map((a) => a.statusCode)).toEqual(Array(12).fill(200))
    expect(new Set(answers.map((a) => a.json().label_id)).size).toBe(1)
    expect(new Set(answers.map((a) => a.json().label_string)).size).toBe(1)
    day = '2026-11-27'
    const later = await post(apps[2] as FastifyInstance, 'shared-1')
    day = '2026-11-24'
    expect(later.json().label_id).toBe(answers[0]?.json().label_id)
    expect(later.json().label_string).toBe(answers[0]?.json().label_string)
  })

  it('answers a keyed request with 503 ARCHIVE_UNAVAILABLE while the database is down, and the retry with the label', async () => {
    ;(server as PostgresServer).pause()
    let down: LightMyRequestResponse
    try {
      down = await post(apps[0] as FastifyInstance, 'shared-down')
    } finally {
      ;(server as PostgresServer).resume()
    }
    expect(down.statusCode).toBe(503)
    expect(down.json().error).toMatchObject({ code: 'ARCHIVE_UNAVAILABLE' })
    const retried = await post(apps[1] as FastifyInstance, 'shared-down')
    expect(retried.statusCode).toBe(200)
    expect(retried.json().label_id).toMatch(/^lbl_/)
  })

  it('answers a label made on one instance from another, in another format and density', async () => {
    const made = await (apps[0] as FastifyInstance).inject({ method: 'POST', url: '/v1/labels', payload: { record: undated, format: 'zpl' } })
    const id = made.json().label_id as string
    const get = async (): Promise<LightMyRequestResponse> => await (apps[1] as FastifyInstance).inject({ method: 'GET', url: `/v1/labels/${id}?format=pdf&dpi=300` })
    // The answer goes before the write is committed: another instance finds the label once it is, milliseconds later.
    await expect.poll(async () => (await get()).statusCode, { timeout: 2_000, interval: 5 }).toBe(200)
    const again = await get()
    expect(again.json()).toMatchObject({ label_id: id, label_format: 'pdf', print_density: '300dpi' })
    expect(Buffer.from(again.json().label_string as string, 'base64').subarray(0, 5).toString()).toBe('%PDF-')
    const found = await (apps[2] as FastifyInstance).inject({ method: 'GET', url: `/v1/labels?tracking_code=${String(undated.tracking_code)}` })
    expect(found.json().labels.map((l: { label_id: string }) => l.label_id)).toContain(id)
  })
})
