import { existsSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { openStore } from '../../src/printing/store.ts'
import { storeContract } from './store-contract.ts'
import { tempDir } from './helpers.ts'

storeContract('SQLite', () => openStore({ dataDir: tempDir(), synchronous: 'NORMAL' }), async () => {
  // One process owns the file, so its leases live in that process's store: two owners share one store.
  const store = await openStore({ dataDir: tempDir(), synchronous: 'NORMAL' })
  let open = 2
  const shared = { ...store, close: async () => { if (--open === 0) await store.close() } }
  return [shared, shared]
})

/** The schema a print queue database had before the store had numbered steps. */
const SCHEMA_BEFORE_STEPS = `
CREATE TABLE printers (id TEXT PRIMARY KEY, name TEXT NOT NULL, host TEXT NOT NULL, port INTEGER NOT NULL, dpi INTEGER, detected_dpi INTEGER,
  enabled INTEGER NOT NULL, origin TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE printer_fonts (printer_id TEXT PRIMARY KEY, font_hash TEXT NOT NULL, stored_at INTEGER NOT NULL);
CREATE TABLE jobs (seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, printer_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued','sending','printed','failed','canceled')), phase TEXT, zpl BLOB NOT NULL, dpi INTEGER,
  copies INTEGER NOT NULL, tracking_code TEXT, idempotency_key TEXT UNIQUE, request_hash TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, sent_at INTEGER, written_at INTEGER, finished_at INTEGER);
CREATE INDEX jobs_by_printer ON jobs (printer_id, state, seq);
INSERT INTO printers VALUES ('dock-1', 'Dock 1', '10.0.0.21', 9100, 203, NULL, 1, 'file', 1, 1);
INSERT INTO jobs (id, printer_id, state, zpl, copies, request_hash, created_at, updated_at) VALUES ('j1', 'dock-1', 'queued', x'5E58415E585A', 1, 'h', 1, 1);`

describe('SQLite store', () => {
  it('creates DATA_DIR with its parents, and names DATA_DIR when it cannot hold the database, without hanging', async () => {
    const nested = path.join(tempDir(), 'a', 'b')
    await (await openStore({ dataDir: nested })).close()
    expect(existsSync(path.join(nested, 'print-queue.sqlite'))).toBe(true)
    const file = path.join(tempDir(), 'not-a-dir')
    writeFileSync(file, 'x')
    await expect(openStore({ dataDir: path.join(file, 'data') })).rejects.toThrow(/^DATA_DIR .*not-a-dir\/data cannot hold the print queue database \(ENOTDIR\)/)
    // Node's own recursive mkdir retries this path for ever (a parent that exists, a child it cannot make).
    if (existsSync('/proc/self')) await expect(openStore({ dataDir: '/proc/labelworks-data' })).rejects.toThrow(/cannot hold the print queue database \(ENOENT\)/)
  })

  it('upgrades a database made before the schema steps, keeping its printers and jobs', async () => {
    const dataDir = tempDir()
    const old = new Database(path.join(dataDir, 'print-queue.sqlite'))
    old.exec(SCHEMA_BEFORE_STEPS)
    old.close()
    const store = await openStore({ dataDir })
    expect(await store.printer('dock-1')).toMatchObject({ transport: 'tcp', host: '10.0.0.21', enabled: true })
    expect(await store.nextJob('dock-1')).toMatchObject({ id: 'j1', zpl: Buffer.from('^XA^XZ') })
    await store.close()
    const db = new Database(path.join(dataDir, 'print-queue.sqlite'))
    expect(db.prepare('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual([{ version: 1 }, { version: 2 }])
    db.close()
    // Opening again applies nothing and loses nothing.
    const again = await openStore({ dataDir })
    expect(await again.depth('dock-1')).toBe(1)
    await again.close()
  })
})
