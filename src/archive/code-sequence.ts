// Counter values for generated tracking codes, handed out in blocks from the service database so that no two
// labels get one code, across restarts and across instances that share the database. A new prefix starts at a
// random point, so a database lost and started again is unlikely to hand out a used code again.
import { randomInt } from 'node:crypto'
import type Database from 'better-sqlite3'
import { openDatabase } from '../printing/store.ts'
import { TrackingCodeGenerator, type ReserveSerials } from '../records/generated-codes.ts'
import { migrateArchive } from './migrations.ts'

/** Where a new prefix's counter starts: below 2^40, far from the 36^11 serials the codes have room for. */
const START_LIMIT = 2 ** 40

/** The reserve function over an open database; each reservation is one committed transaction. */
export function sequenceIn (db: Database.Database): ReserveSerials {
  const create = db.prepare('INSERT INTO tracking_code_sequence (prefix, next_value) VALUES (?, ?) ON CONFLICT (prefix) DO NOTHING')
  const take = db.prepare<[number, string, number], { first: number }>('UPDATE tracking_code_sequence SET next_value = next_value + ? WHERE prefix = ? RETURNING next_value - ? AS first')
  const reserve = db.transaction((prefix: string, count: number): bigint => {
    create.run(prefix, randomInt(START_LIMIT))
    const row = take.get(count, prefix, count) as { first: number }
    return BigInt(row.first)
  })
  // IMMEDIATE: two instances reserving at once queue on the write lock instead of failing on an upgrade.
  return (prefix, count) => reserve.immediate(prefix, count)
}

/** Generated tracking codes backed by the service database. */
export interface TrackingCodes {
  next: () => string
  close: () => Promise<void>
}

/** A generator of codes with `prefix` whose counter lives in `<dataDir>/print-queue.sqlite`; close it at shutdown. */
export function openTrackingCodes (dataDir: string, prefix: string): TrackingCodes {
  const db = openDatabase(dataDir)
  db.pragma('journal_mode = WAL')
  // FULL: a reserved block must survive a power cut, or the codes in it could be handed out twice.
  db.pragma('synchronous = FULL')
  db.pragma('busy_timeout = 5000')
  migrateArchive(db)
  const generator = new TrackingCodeGenerator(prefix, sequenceIn(db))
  return { next: () => generator.next(), close: async () => { db.close() } }
}
