// Where the print queue keeps its state: PostgreSQL when DATABASE_URL is set (any number of instances share it),
// else one SQLite file in DATA_DIR (the embedded default, one instance). Both keep the same interface.
import { openSqliteStore } from './sqlite-store.ts'
import type { PrintStore } from './store-types.ts'

export { openDatabase } from './sqlite-store.ts'
export * from './store-types.ts'

/** Where to keep the queue; `databaseUrl` (postgres://…) wins over `dataDir`. */
export interface StoreLocation {
  dataDir: string
  databaseUrl?: string
  /** SQLite durability; FULL (default) survives power loss, NORMAL only a process crash. */
  synchronous?: 'FULL' | 'NORMAL'
}

/** Opens the store and applies the schema steps it lacks. */
export async function openStore (location: StoreLocation): Promise<PrintStore> {
  if (location.databaseUrl !== undefined) {
    // Loaded only when asked for: the PostgreSQL client is ~10 MB of memory an embedded SQLite service never uses.
    const { openPostgresStore } = await import('./postgres-store.ts')
    return await openPostgresStore(location.databaseUrl)
  }
  return openSqliteStore(location.dataDir, { synchronous: location.synchronous })
}
