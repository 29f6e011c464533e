// One transaction on one pooled PostgreSQL connection, for every store that holds one (the print queue, the archive).
import type pg from 'pg'

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
