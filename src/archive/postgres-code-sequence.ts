// Counter values for generated tracking codes from PostgreSQL (DATABASE_URL): the same blocks as the SQLite sequence
// (code-sequence.ts), reserved in the database every instance shares, so no two instances ever hand out one code.
// Making a label is synchronous and a database round trip is not, so the next block is always reserved ahead, while
// the current one is used: a label waits on the database only if a whole block went faster than one round trip.
import { randomInt } from 'node:crypto'
import type pg from 'pg'
import { TrackingCodeGenerator, type ReserveSerials } from '../records/generated-codes.ts'
import type { TrackingCodes } from './code-sequence.ts'
import { TrackingCodesUnavailableError } from './errors.ts'
import { archivePool } from './postgres-archive.ts'

/** Where a new prefix's counter starts: below 2^40, far from the 36^11 serials the codes have room for. */
const START_LIMIT = 2 ** 40
/** Codes a block: at thousands of labels a second, a block lasts far longer than the round trip that replaces it. */
const BLOCK = 1000

/** Reserves `count` values of `prefix`'s counter in one statement: the first of them. */
export function reserveIn (pool: pg.Pool): (prefix: string, count: number) => Promise<bigint> {
  return async (prefix, count) => {
    const { rows } = await pool.query<{ first: number }>(`INSERT INTO tracking_code_sequence AS s (prefix, next_value) VALUES ($1, $2::bigint + $3)
      ON CONFLICT (prefix) DO UPDATE SET next_value = s.next_value + $3 RETURNING next_value - $3 AS first`, [prefix, randomInt(START_LIMIT), count])
    return BigInt((rows[0] as { first: number }).first)
  }
}

/**
 * A synchronous ReserveSerials over an asynchronous one: each call takes the block reserved ahead and starts reserving
 * the next; with none arrived yet, it throws TrackingCodesUnavailableError. Resolves once the first block is in.
 */
export async function reservedAhead (reserve: (prefix: string, count: number) => Promise<bigint>, prefix: string, count: number): Promise<ReserveSerials> {
  let ready: bigint | undefined = await reserve(prefix, count)
  let failure: unknown
  let fetching = false
  const fetchNext = (): void => {
    if (fetching) return
    fetching = true
    reserve(prefix, count).then((first) => { ready = first; failure = undefined }, (err: unknown) => { failure = err })
      .finally(() => { fetching = false })
  }
  return (asked, asking) => {
    if (asked !== prefix || asking !== count) throw new RangeError(`blocks are reserved ahead for ${prefix} × ${count}, not ${asked} × ${asking}`)
    const first = ready
    ready = undefined
    fetchNext()
    if (first === undefined) throw new TrackingCodesUnavailableError(failure)
    return first
  }
}

/** Generated tracking codes with `prefix` whose counter lives in the database at `databaseUrl`; close it at shutdown. */
export async function openPostgresTrackingCodes (databaseUrl: string, prefix: string): Promise<TrackingCodes> {
  const pool = await archivePool(databaseUrl, 2)
  const generator = new TrackingCodeGenerator(prefix, await reservedAhead(reserveIn(pool), prefix, BLOCK), BLOCK)
  let ended: Promise<void> | undefined
  return { next: () => generator.next(), close: async () => { await (ended ??= pool.end()) } }
}
