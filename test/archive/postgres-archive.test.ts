// The label archive and the tracking-code counter in a real PostgreSQL server started for this file: what the SQLite
// archive does, and what only a shared database does (two instances see one archive, claim a key once, never hand out
// one code twice).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newLabelId, type ArchivedLabel, type LabelArchive } from '../../src/archive/label-archive.ts'
import { openArchive, openCodes } from '../../src/archive/open-archive.ts'
import type { TrackingCodes } from '../../src/archive/code-sequence.ts'
import { reservedAhead } from '../../src/archive/postgres-code-sequence.ts'
import { hasValidCheck } from '../../src/records/generated-codes.ts'
import { archivedLabel, searchesNewestFirst } from './archive-cases.ts'
import { POSTGRES_MISSING, startPostgres, type PostgresServer } from '../support/postgres.ts'

let server: PostgresServer | undefined
const opened: (LabelArchive | TrackingCodes)[] = []
beforeAll(async () => {
  if (POSTGRES_MISSING === undefined) server = await startPostgres()
}, 60_000)
afterAll(async () => {
  for (const o of opened) await o.close().catch(() => {})
  await server?.stop()
})

async function archiveIn (databaseUrl: string): Promise<LabelArchive> {
  const archive = await openArchive({ dataDir: '/nonexistent', databaseUrl })
  opened.push(archive)
  return archive
}

describe('reserving tracking-code blocks ahead of a synchronous generator', () => {
  it('hands out the block reserved ahead, reserves the next at once, and says a block is unavailable rather than wait', async () => {
    const answers: ((first: bigint) => void)[] = []
    let firstCall = true
    const reserve = async (): Promise<bigint> => {
      if (firstCall) {
        firstCall = false
        return 1000n
      }
      return await new Promise<bigint>((resolve) => { answers.push(resolve) })
    }
    const take = await reservedAhead(reserve, 'LWX', 1000)
    expect(take('LWX', 1000)).toBe(1000n)
    expect(answers).toHaveLength(1)
    // The next block has not arrived: the label is refused with a code the HTTP layer answers with 503.
    expect(() => take('LWX', 1000)).toThrow(expect.objectContaining({ code: 'TRACKING_CODES_UNAVAILABLE' }))
    ;(answers[0] as (first: bigint) => void)(5000n)
    await new Promise<void>((resolve) => { setImmediate(resolve) })
    expect(take('LWX', 1000)).toBe(5000n)
    expect(() => take('OTHER', 1000)).toThrow(RangeError)
  })
})

if (POSTGRES_MISSING !== undefined) {
  describe('PostgreSQL label archive', () => {
    it.skip(`skipped: ${POSTGRES_MISSING}`, () => {})
  })
} else {
  describe('PostgreSQL label archive', () => {
    it('answers a label before its write is committed and after, with the same data, on the instance that made it and on another', async () => {
      const url = await (server as PostgresServer).newDatabase()
      const [a, b] = await Promise.all([archiveIn(url), archiveIn(url)])
      const kept = archivedLabel(1_000)
      const put = a.put(kept)
      expect(await a.get(kept.id)).toEqual(kept)
      expect(await put).toEqual({ stored: true })
      expect(await b.get(kept.id)).toEqual(kept)
      expect(await b.get(newLabelId())).toBeUndefined()
    })

    it('searches by tracking code and time, newest first, a page at a time', async () => {
      await searchesNewestFirst(await archiveIn(await (server as PostgresServer).newDatabase()))
    })

    it('claims an Idempotency-Key once across instances: racing labels with one key store one, and the others name it', async () => {
      const url = await (server as PostgresServer).newDatabase()
      const instances = await Promise.all([archiveIn(url), archiveIn(url), archiveIn(url)])
      const labels = Array.from({ length: 6 }, (_, i) => archivedLabel(1_000 + i))
      const results = await Promise.all(labels.map((l, i) => (instances[i % 3] as LabelArchive).put(l, { key: 'k-race', requestHash: `h${i}` })))
      const stored = results.flatMap((r, i) => r.stored ? [labels[i] as ArchivedLabel] : [])
      expect(stored).toHaveLength(1)
      const winner = stored[0] as ArchivedLabel
      for (const r of results) if (!r.stored) expect(r).toEqual({ stored: false, labelId: winner.id, requestHash: `h${labels.indexOf(winner)}` })
      for (const archive of instances) expect(await archive.byKey('k-race')).toEqual({ labelId: winner.id, requestHash: `h${labels.indexOf(winner)}` })
      for (const l of labels) if (l !== winner) expect(await (instances[1] as LabelArchive).get(l.id)).toBeUndefined()
    })

    it('prunes labels and keys made before a time', async () => {
      const archive = await archiveIn(await (server as PostgresServer).newDatabase())
      const old = archivedLabel(1_000)
      const fresh = archivedLabel(5 * 86_400_000)
      await archive.put(old, { key: 'old-key', requestHash: 'h' })
      await archive.put(fresh)
      expect(await archive.prune(4 * 86_400_000)).toBe(1)
      expect(await archive.get(old.id)).toBeUndefined()
      expect(await archive.byKey('old-key')).toBeUndefined()
      expect(await archive.get(fresh.id)).toEqual(fresh)
    })

    it('says the archive is unavailable while the database is down, and works again when it is back', async () => {
      const archive = await archiveIn(await (server as PostgresServer).newDatabase())
      const before = archivedLabel(1_000)
      await archive.put(before)
      ;(server as PostgresServer).pause()
      try {
        const unavailable = expect.objectContaining({ code: 'ARCHIVE_UNAVAILABLE' })
        await expect(archive.put(archivedLabel(2_000), { key: 'k-down', requestHash: 'h' })).rejects.toEqual(unavailable)
        await expect(archive.put(archivedLabel(2_001))).rejects.toEqual(unavailable)
        await expect(archive.get(before.id)).rejects.toEqual(unavailable)
        await expect(archive.search({ limit: 5 })).rejects.toEqual(unavailable)
      } finally {
        ;(server as PostgresServer).resume()
      }
      expect(await archive.get(before.id)).toEqual(before)
      expect(await archive.put(archivedLabel(3_000), { key: 'k-down', requestHash: 'h' })).toEqual({ stored: true })
    })

    it('never hands out one tracking code twice, across instances sharing the database', async () => {
      const url = await (server as PostgresServer).newDatabase()
      const location = { dataDir: '/nonexistent', databaseUrl: url }
      const [a, b] = await Promise.all([openCodes(location, 'LWX'), openCodes(location, 'LWX')])
      opened.push(a, b)
      const codes: string[] = []
      // Turns apart, so each instance's block reserved ahead arrives before its current one runs out.
      for (let turn = 0; turn < 12; turn++) {
        for (let i = 0; i < 500; i++) codes.push(a.next(), b.next())
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      expect(new Set(codes).size).toBe(codes.length)
      for (const code of codes) {
        expect(code.startsWith('LWX')).toBe(true)
        expect(hasValidCheck(code)).toBe(true)
      }
    })
  })
}
