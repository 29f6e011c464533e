// The SQLite archive on a real database file in a temp folder: labels kept and read back, searched newest first a
// page at a time, Idempotency-Keys claimed once, pruned after the retention period, and still there after a restart.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { newLabelId, type LabelArchive } from '../../src/archive/label-archive.ts'
import { keepPruned } from '../../src/archive/retention.ts'
import { openSqliteArchive } from '../../src/archive/sqlite-archive.ts'
import { archivedLabel, searchesNewestFirst } from './archive-cases.ts'

const dirs: string[] = []
const opened: LabelArchive[] = []
function open (dir = mkdtempSync(path.join(tmpdir(), 'lw-archive-'))): { archive: LabelArchive, dir: string } {
  dirs.push(dir)
  const archive = openSqliteArchive(dir)
  opened.push(archive)
  return { archive, dir }
}
afterEach(async () => { await Promise.all(opened.splice(0).map((a) => a.close())) })

describe('SQLite label archive', () => {
  it('answers a label before its write is committed and after, with the same data', async () => {
    const { archive } = open()
    const kept = archivedLabel(1_000)
    const put = archive.put(kept)
    expect(await archive.get(kept.id)).toEqual(kept)
    expect(await put).toEqual({ stored: true })
    expect(await archive.get(kept.id)).toEqual(kept)
    expect(await archive.get(newLabelId())).toBeUndefined()
  })

  it('keeps labels across a restart', async () => {
    const { archive, dir } = open()
    const kept = archivedLabel(1_000)
    await archive.put(kept)
    await archive.close()
    opened.splice(opened.indexOf(archive), 1)
    const { archive: again } = open(dir)
    expect(await again.get(kept.id)).toEqual(kept)
  })

  it('searches by tracking code and time, newest first, a page at a time', async () => {
    await searchesNewestFirst(open().archive)
  })

  it('claims an Idempotency-Key once: a second label with the key is not stored and names the first', async () => {
    const { archive } = open()
    const first = archivedLabel(1_000)
    const second = archivedLabel(1_001)
    const [a, b] = await Promise.all([archive.put(first, { key: 'k-1', requestHash: 'h1' }), archive.put(second, { key: 'k-1', requestHash: 'h2' })])
    expect(a).toEqual({ stored: true })
    expect(b).toEqual({ stored: false, labelId: first.id, requestHash: 'h1' })
    expect(await archive.get(second.id)).toBeUndefined()
    expect(await archive.byKey('k-1')).toEqual({ labelId: first.id, requestHash: 'h1' })
  })

  it('prunes labels and keys made before the retention period, and keepPruned does it at start', async () => {
    const { archive } = open()
    const old = archivedLabel(1_000)
    const fresh = archivedLabel(5 * 86_400_000)
    await archive.put(old, { key: 'old-key', requestHash: 'h' })
    await archive.put(fresh)
    const stop = keepPruned(archive, 2, (err) => { throw err }, () => 6 * 86_400_000)
    stop()
    await expect.poll(async () => await archive.get(old.id)).toBeUndefined()
    expect(await archive.byKey('old-key')).toBeUndefined()
    expect(await archive.get(fresh.id)).toEqual(fresh)
  })

  it('holds the caller for microseconds per label, not for a commit: the write is on its own thread', async () => {
    const { archive } = open()
    const times: number[] = []
    const writes: Promise<unknown>[] = []
    for (let i = 0; i < 2_000; i++) {
      const start = performance.now()
      writes.push(archive.put(archivedLabel(i)))
      times.push(performance.now() - start)
    }
    // Nothing is in the database until the turn is over: the caller never waited on a commit.
    expect((await archive.search({ limit: 1, to: 0 })).labels).toHaveLength(0)
    await Promise.all(writes)
    times.sort((a, b) => a - b)
    // The 99th percentile, not the longest: on a shared machine any one call can be stopped by the scheduler or GC.
    expect(times[Math.floor(times.length * 0.99)]).toBeLessThan(1)
    expect((await archive.search({ limit: 100 })).labels).toHaveLength(100)
  })

  it('commits plain puts of several turns together, and sends a put that claims a key at the end of its turn', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lw-archive-'))
    dirs.push(dir)
    const handOvers: number[] = []
    const archive = openSqliteArchive(dir, { aroundHandOver: (handOver, labels) => { handOvers.push(labels); handOver() } })
    opened.push(archive)
    const plain: Promise<unknown>[] = []
    for (let turn = 0; turn < 3; turn++) {
      plain.push(archive.put(archivedLabel(turn)), archive.put(archivedLabel(turn)))
      await new Promise<void>((resolve) => { setImmediate(resolve) })
    }
    expect(handOvers).toEqual([])
    await Promise.all(plain)
    expect(handOvers).toEqual([6])
    // The keyed put's request waits for its answer, so it does not wait for other labels to join it.
    const claimed = archive.put(archivedLabel(10), { key: 'k-gather', requestHash: 'h' })
    await new Promise<void>((resolve) => { setImmediate(resolve) })
    expect(handOvers).toEqual([6, 1])
    expect(await claimed).toEqual({ stored: true })
  })

  it('gives ids that cannot be guessed and sort by the time they were made, so the id index grows at its end', () => {
    const ids = Array.from({ length: 1_000 }, (_, i) => newLabelId(1_764_000_000_000 + Math.floor(i / 10)))
    expect(new Set(ids).size).toBe(1_000)
    for (const id of ids) expect(id).toMatch(/^lbl_[0-9a-f]{32}$/)
    // Ids of different milliseconds sort by time; within one millisecond only the random part tells them apart.
    expect(ids.filter((id, i) => i % 10 === 0)).toEqual(ids.filter((id, i) => i % 10 === 0).sort())
    expect(ids[0]?.slice(4, 16)).toBe((1_764_000_000_000).toString(16).padStart(12, '0'))
    const sameTime = ids.slice(0, 10).map((id) => id.slice(16))
    expect(new Set(sameTime).size).toBe(10)
  })
})
