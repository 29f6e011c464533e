// The counter behind generated tracking codes: blocks handed out from the service database never overlap, across
// two connections (two instances sharing the store) and across a restart.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openTrackingCodes, sequenceIn } from '../../src/archive/code-sequence.ts'
import { migrateArchive } from '../../src/archive/migrations.ts'
import { openDatabase } from '../../src/printing/store.ts'
import { hasValidCheck } from '../../src/records/generated-codes.ts'

const dirs: string[] = []
function dataDir (): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'labelworks-codes-'))
  dirs.push(dir)
  return dir
}
afterEach(() => { for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true }) })

describe('tracking code sequence', () => {
  it('hands two connections to one database disjoint blocks, and goes on after a restart', () => {
    const dir = dataDir()
    const [a, b] = [openDatabase(dir), openDatabase(dir)]
    for (const db of [a, b]) { db.pragma('journal_mode = WAL'); migrateArchive(db) }
    const reserveA = sequenceIn(a)
    const reserveB = sequenceIn(b)
    const firsts = [reserveA('LWX', 100), reserveB('LWX', 100), reserveA('LWX', 100), reserveB('LWX', 50)]
    expect(firsts[1]).toBe((firsts[0] as bigint) + 100n)
    expect(firsts[2]).toBe((firsts[0] as bigint) + 200n)
    expect(firsts[3]).toBe((firsts[0] as bigint) + 300n)
    // Another prefix has its own counter.
    expect(reserveA('ABC', 10)).not.toBe((firsts[0] as bigint) + 350n)
    a.close()
    b.close()
    const again = openDatabase(dir)
    migrateArchive(again)
    expect(sequenceIn(again)('LWX', 1)).toBe((firsts[0] as bigint) + 350n)
    again.close()
  })

  it('gives codes that are valid and unique across two generators sharing the database', () => {
    const dir = dataDir()
    const one = openTrackingCodes(dir, 'LWX')
    const two = openTrackingCodes(dir, 'LWX')
    const codes = new Set<string>()
    for (let i = 0; i < 2500; i++) { codes.add(one.next()); codes.add(two.next()) }
    one.close()
    two.close()
    expect(codes.size).toBe(5000)
    for (const code of codes) expect(hasValidCheck(code) && code.startsWith('LWX')).toBe(true)
  })

  it('keeps its tables apart from the print queue: the queue store opens the same file untouched', async () => {
    const dir = dataDir()
    openTrackingCodes(dir, 'LWX').close()
    const { openStore } = await import('../../src/printing/store.ts')
    const store = await openStore({ dataDir: dir })
    expect(await store.printers()).toEqual([])
    await store.close()
    const db = openDatabase(dir)
    expect(db.prepare<[], { name: string }>('SELECT name FROM archive_migrations').all().map((r) => r.name)).toEqual(['001_tracking_code_sequence', '002_labels', '003_label_idempotency_keys'])
    db.close()
  })
})
