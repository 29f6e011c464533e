// PostgreSQL for the stores that hold one (the print queue, the label archive): one way to open a pool, to run a
// transaction, and to tell a database that cannot be reached from one that refused a statement.
import pg from 'pg'
import { ConfigError } from '../errors.ts'

const BIGINT_OID = 20
// Epoch milliseconds and counter values fit a double; the driver would hand BIGINT over as a string.
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === BIGINT_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser
}

/**
 * A pool of up to `max` connections to `databaseUrl`, made ready by `prepare` (its schema steps). A database that
 * cannot be reached or prepared stops start-up: ConfigError naming DATABASE_URL without its password, and `holds`.
 */
export async function openPool (databaseUrl: string, max: number, holds: string, prepare: (pool: pg.Pool) => Promise<unknown>): Promise<pg.Pool> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max, connectionTimeoutMillis: 5_000, types })
  // An idle connection the server drops (a restart, a failover) must not end the process; the next query reconnects.
  pool.on('error', () => {})
  try {
    await prepare(pool)
  } catch (err) {
    await pool.end().catch(() => {})
    const where = new URL(databaseUrl)
    throw new ConfigError(`DATABASE_URL ${where.host}${where.pathname} cannot hold ${holds}: ${(err as Error).message}`, { cause: err })
  }
  return pool
}

/**
 * Runs `fn` between BEGIN and COMMIT (ROLLBACK when it throws) on a client of `pool`. The pool listens for a
 * connection's errors only while the client is idle; a connection the server ends while its client is checked out
 * (a restart, a failover) emits 'error' on the client, which unheard would end the process. So a listener is kept on
 * it while it is out, and a client whose connection failed is released as broken, for the pool to drop.
 */
export async function inTransaction<T> (pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect()
  let broken: Error | undefined
  const onError = (err: Error): void => { broken = err }
  client.on('error', onError)
  try {
    await client.query('BEGIN')
    const result = await fn(client)
    await client.query('COMMIT')
    return result
  } catch (err) {
    await client.query('ROLLBACK').catch(() => {})
    throw err
  } finally {
    client.off('error', onError)
    client.release(broken)
  }
}

/**
 * SQLSTATE classes of a database that is not there to answer: connection exceptions (08), insufficient resources
 * (53, too many connections), operator intervention (57, shutting down).
 */
const UNREACHABLE_CLASSES = new Set(['08', '53', '57'])

/**
 * True when `err` says the database could not be reached (a connection refused, ended or timed out, or a server
 * shutting down): clients should retry. An error of the database itself (a statement it refused) is false.
 */
export function isUnreachable (err: unknown): boolean {
  return !(err instanceof pg.DatabaseError) || UNREACHABLE_CLASSES.has(String(err.code).slice(0, 2))
}

/**
 * `store` with each of its methods' rejections passed through `translate` when they say the database could not be
 * reached, so every route answers the same 503 for it.
 */
export function translatingUnreachable<S extends object> (store: S, translate: (err: unknown) => Error): S {
  const wrapped: Record<string, unknown> = {}
  for (const [name, value] of Object.entries(store)) {
    wrapped[name] = typeof value !== 'function'
      ? value
      : (...args: unknown[]): unknown => {
          const result: unknown = (value as (...a: unknown[]) => unknown).apply(store, args)
          return result instanceof Promise
            ? result.catch((err: unknown) => { throw isUnreachable(err) ? translate(err) : err })
            : result
        }
  }
  return wrapped as S
}
