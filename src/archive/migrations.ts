// The archive's own tables in the service database (DATA_DIR/print-queue.sqlite), kept apart from the print
// queue's schema: each step runs once, in order, and the steps applied are noted in a table of their own.
import type Database from 'better-sqlite3'

/** Schema steps, in order; a new table or column is a new step at the end, never an edit of an applied one. */
const STEPS: readonly { name: string, sql: string }[] = [
  {
    name: '001_tracking_code_sequence',
    sql: 'CREATE TABLE tracking_code_sequence (prefix TEXT PRIMARY KEY, next_value INTEGER NOT NULL)'
  }
]

/** Applies the steps this database has not had yet, each in its own transaction. */
export function migrateArchive (db: Database.Database): void {
  db.exec('CREATE TABLE IF NOT EXISTS archive_migrations (name TEXT PRIMARY KEY, applied_at INTEGER NOT NULL)')
  const applied = new Set(db.prepare<[], { name: string }>('SELECT name FROM archive_migrations').all().map((r) => r.name))
  const note = db.prepare('INSERT INTO archive_migrations (name, applied_at) VALUES (?, ?)')
  for (const step of STEPS) {
    if (applied.has(step.name)) continue
    db.transaction(() => {
      db.exec(step.sql)
      note.run(step.name, Date.now())
    }).immediate()
  }
}
