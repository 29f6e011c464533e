// Which PostgreSQL failures mean the database is not there to answer, for the stores that hold one.
import pg from 'pg'

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
