// The archive and the tracking-code counter in the service's store: PostgreSQL when DATABASE_URL is set, shared by
// every instance given it (as the print queue is), else the SQLite database in the data directory.
import { openTrackingCodes, type TrackingCodes } from './code-sequence.ts'
import type { LabelArchive } from './label-archive.ts'
import { openSqliteArchive } from './sqlite-archive.ts'

/** Where the store is: `databaseUrl` (postgres://…) wins over `dataDir`. */
export interface ArchiveLocation {
  dataDir: string
  databaseUrl?: string | undefined
}

/** Opens the label archive and adds its tables if they are missing; close it at shutdown. */
export async function openArchive (location: ArchiveLocation): Promise<LabelArchive> {
  if (location.databaseUrl === undefined) return openSqliteArchive(location.dataDir)
  // Loaded only when asked for, as the print queue's PostgreSQL store is.
  const { openPostgresArchive } = await import('./postgres-archive.ts')
  return await openPostgresArchive(location.databaseUrl)
}

/** Opens the counter of generated tracking codes with `prefix`; close it at shutdown. */
export async function openCodes (location: ArchiveLocation, prefix: string): Promise<TrackingCodes> {
  if (location.databaseUrl === undefined) return openTrackingCodes(location.dataDir, prefix)
  const { openPostgresTrackingCodes } = await import('./postgres-code-sequence.ts')
  return await openPostgresTrackingCodes(location.databaseUrl, prefix)
}
