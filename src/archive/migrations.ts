// The archive's own tables in the service database (DATA_DIR/print-queue.sqlite), kept apart from the print
// queue's schema: each step runs once, in order, and the steps applied are noted in a table of their own.
import type Database from 'better-sqlite3'

/** Schema steps, in order; a new table or column is a new step at the end, never an edit of an applied one. */
const STEPS: readonly { name: string, sql: string }[] = [
  {
    name: '001_tracking_code_sequence',
    sql: 'CREATE TABLE tracking_code_sequence (prefix TEXT PRIMARY KEY, next_value INTEGER NOT NULL)'
  },
  {
    name: '002_labels',
    sql: `CREATE TABLE labels (
      id TEXT PRIMARY KEY, created_at INTEGER NOT NULL, tracking_code TEXT NOT NULL, source TEXT NOT NULL,
      options TEXT NOT NULL, data TEXT NOT NULL, warnings TEXT NOT NULL);
    CREATE INDEX labels_by_time ON labels (created_at, id);
    CREATE INDEX labels_by_tracking_code ON labels (tracking_code, created_at, id)`
  },
  {
    name: '003_label_idempotency_keys',
    sql: `CREATE TABLE label_idempotency_keys (
      key TEXT PRIMARY KEY, request_hash TEXT NOT NULL, label_id TEXT NOT NULL, created_at INTEGER NOT NULL);
    CREATE INDEX label_idempotency_keys_by_time ON label_idempotency_keys (created_at)`
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
