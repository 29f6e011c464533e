// The store contract against a real PostgreSQL server started for this file, and what only a shared database does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import { openStore, type PrintStore } from '../../src/printing/store.ts'
import { POSTGRES_MISSING, startPostgres, type PostgresServer } from '../support/postgres.ts'
import { storeContract } from './store-contract.ts'
import { tempDir, waitFor } from './helpers.ts'

let server: PostgresServer | undefined
const opened: PrintStore[] = []
beforeAll(async () => {
  if (POSTGRES_MISSING === undefined) server = await startPostgres()
}, 60_000)
afterAll(async () => {
  for (const store of opened) await store.close().catch(() => {})
  await server?.stop()
})

async function open (databaseUrl?: string): Promise<PrintStore> {
  const store = await openStore({ dataDir: tempDir(), databaseUrl: databaseUrl ?? await (server as PostgresServer).newDatabase() })
  opened.push(store)
  return store
}

if (POSTGRES_MISSING !== undefined) {
  describe('PostgreSQL store', () => {
    it.skip(`skipped: ${POSTGRES_MISSING}`, () => {})
  })
} else {
  storeContract('PostgreSQL', () => open(), async () => {
    const url = await (server as PostgresServer).newDatabase()
    return [await open(url), await open(url)]
  })

  describe('PostgreSQL store', () => {
    it('applies its schema steps once, however many instances start together', async () => {
      const url = await (server as PostgresServer).newDatabase()
      await Promise.all([open(url), open(url), open(url)])
      const client = new pg.Client(url)
      await client.connect()
      try {
        expect((await client.query('SELECT version FROM schema_migrations ORDER BY version')).rows).toEqual([{ version: 1 }, { version: 2 }])
      } finally {
        await client.end()
      }
    })

    it('keeps idempotency keys global: of two instances inserting one key at once, exactly one wins', async () => {
      const url = await (server as PostgresServer).newDatabase()
      const [a, b] = [await open(url), await open(url)]
      const base = { printerId: 'p', zpl: Buffer.from('^XA^XZ'), dpi: 203 as const, copies: 1, trackingCode: null, requestHash: 'h' }
      for (let n = 0; n < 20; n++) {
        const results = await Promise.all([a.insertJob({ ...base, id: `a${n}`, idempotencyKey: `k${n}` }), b.insertJob({ ...base, id: `b${n}`, idempotencyKey: `k${n}` })])
        expect(results.filter((r) => r !== undefined)).toHaveLength(1)
      }
      expect(await a.depth('p')).toBe(20)
    })

    it('tells the other instances when a job is queued', async () => {
      const url = await (server as PostgresServer).newDatabase()
      const [a, b] = [await open(url), await open(url)]
      const heard: string[] = []
      const stop = await b.onNewJob((printerId) => heard.push(printerId))
      await a.insertJob({ id: 'j', printerId: 'dock-7', zpl: Buffer.from('^XA^XZ'), dpi: 203, copies: 1, trackingCode: null, idempotencyKey: null, requestHash: 'h' })
      await waitFor(() => heard.includes('dock-7'), 5_000, 'the notice')
      await stop()
    })

    it('answers STORE_UNAVAILABLE (503) while the database is down, and works again when it is back', async () => {
      const store = await open()
      const job = { id: 'j-down', printerId: 'p', zpl: Buffer.from('^XA^XZ'), dpi: 203 as const, copies: 1, trackingCode: null, idempotencyKey: null, requestHash: 'h' }
      await store.insertJob(job)
      ;(server as PostgresServer).pause()
      try {
        await expect(store.job('j-down')).rejects.toEqual(expect.objectContaining({ code: 'STORE_UNAVAILABLE' }))
        await expect(store.insertJob({ ...job, id: 'j-down-2' })).rejects.toEqual(expect.objectContaining({ code: 'STORE_UNAVAILABLE' }))
      } finally {
        ;(server as PostgresServer).resume()
      }
      expect((await store.job('j-down'))?.id).toBe('j-down')
      // A statement the database refuses is not an outage: it stays the database's own error.
      await expect(store.insertJob(job)).rejects.not.toEqual(expect.objectContaining({ code: 'STORE_UNAVAILABLE' }))
    })

    it('stops start-up naming DATABASE_URL without its password when the database cannot be reached', async () => {
      await expect(openStore({ dataDir: tempDir(), databaseUrl: 'postgres://u:secret@127.0.0.1:1/none' })).rejects.toThrow(/^DATABASE_URL 127\.0\.0\.1:1\/none cannot hold the print queue: /)
      await expect(openStore({ dataDir: tempDir(), databaseUrl: 'postgres://u:secret@127.0.0.1:1/none' })).rejects.not.toThrow(/secret/)
    })
  })
}
