import { existsSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../src/printing/store.ts'
import { tempDir } from './helpers.ts'

const job = (id: string, key: string | null = null) => ({
  id, printerId: 'p', zpl: Buffer.from('^XA^XZ'), dpi: 203 as const, copies: 1, trackingCode: null, idempotencyKey: key, requestHash: 'h'
})

describe('print queue store', () => {
  it('creates DATA_DIR with its parents, and names DATA_DIR when it cannot hold the database, without hanging', () => {
    const nested = path.join(tempDir(), 'a', 'b')
    openStore(nested).close()
    expect(existsSync(path.join(nested, 'print-queue.sqlite'))).toBe(true)
    const file = path.join(tempDir(), 'not-a-dir')
    writeFileSync(file, 'x')
    expect(() => openStore(path.join(file, 'data'))).toThrow(/^DATA_DIR .*not-a-dir\/data cannot hold the print queue database \(ENOTDIR\)/)
    // Node's own recursive mkdir retries this path for ever (a parent that exists, a child it cannot make).
    if (existsSync('/proc/self')) expect(() => openStore('/proc/labelworks-data')).toThrow(/cannot hold the print queue database \(ENOENT\)/)
  })

  it('lets cancel win only before the label write starts, and writing only while not canceled', () => {
    const store = openStore(tempDir())
    store.insertJob(job('a'))
    store.insertJob(job('b'))
    expect(store.markSending('a')).toBe(true)
    expect(store.cancel('a')).toBe(true)
    expect(store.markWriting('a')).toBe(false)
    expect(store.markSending('b') && store.markWriting('b')).toBe(true)
    expect(store.cancel('b')).toBe(false)
    expect(store.requeue('b', 'x', true)).toBe(false)
    expect(store.job('b')).toMatchObject({ state: 'sending', phase: 'writing', attempts: 1 })
    store.close()
  })

  it('keeps jobs in arrival order per printer, enforces unique idempotency keys, prunes old finished jobs', () => {
    const store = openStore(tempDir(), { synchronous: 'NORMAL' })
    store.insertJob(job('first', 'k1'))
    store.insertJob(job('second'))
    expect(() => store.insertJob(job('third', 'k1'))).toThrow(expect.objectContaining({ code: 'SQLITE_CONSTRAINT_UNIQUE' }))
    expect(store.nextJob('p')?.id).toBe('first')
    expect(store.markSending('first')).toBe(true)
    expect(store.requeue('first', 'held', false)).toBe(true)
    expect(store.nextJob('p')?.id).toBe('first')
    expect(store.markFailed('first', 'gave up', 1_000)).toBe(true)
    expect(store.nextJob('p')?.id).toBe('second')
    expect(store.depth('p')).toBe(1)
    expect(store.pruneFinished(2_000)).toBe(1)
    expect(store.jobByKey('k1')).toBeUndefined()
    store.close()
  })
})
