// Numbered schema steps for both stores. A database remembers the steps it has applied (schema_migrations), and
// each start applies the missing ones in order, each in its own transaction. SQLite step 1 is the schema from
// before there were steps, written so that it applies cleanly over a database that already has it.

/** One schema step. */
export interface Migration {
  version: number
  name: string
  sql: string
}

export const MIGRATIONS_TABLE = 'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)'

export const SQLITE_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'printers, jobs and printer fonts',
    sql: `
CREATE TABLE IF NOT EXISTS printers (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, host TEXT NOT NULL, port INTEGER NOT NULL, dpi INTEGER, detected_dpi INTEGER,
  enabled INTEGER NOT NULL, origin TEXT NOT NULL, created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS printer_fonts (printer_id TEXT PRIMARY KEY, font_hash TEXT NOT NULL, stored_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS jobs (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, printer_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued','sending','printed','failed','canceled')), phase TEXT,
  zpl BLOB NOT NULL, dpi INTEGER, copies INTEGER NOT NULL, tracking_code TEXT,
  idempotency_key TEXT UNIQUE, request_hash TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT,
  created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL, sent_at INTEGER, written_at INTEGER, finished_at INTEGER);
CREATE INDEX IF NOT EXISTS jobs_by_printer ON jobs (printer_id, state, seq);`
  },
  {
    version: 2,
    name: 'printer transports and last status',
    sql: `
ALTER TABLE printers ADD COLUMN transport TEXT NOT NULL DEFAULT 'tcp';
CREATE TABLE printer_status (printer_id TEXT PRIMARY KEY, summary TEXT NOT NULL, probe TEXT NOT NULL, checked_at INTEGER NOT NULL);`
  }
]

export const POSTGRES_MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'printers, jobs and printer fonts',
    sql: `
CREATE TABLE printers (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, transport TEXT NOT NULL DEFAULT 'tcp', host TEXT NOT NULL, port INTEGER NOT NULL,
  dpi INTEGER, detected_dpi INTEGER, enabled BOOLEAN NOT NULL, origin TEXT NOT NULL, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL);
CREATE TABLE printer_fonts (printer_id TEXT PRIMARY KEY, font_hash TEXT NOT NULL, stored_at BIGINT NOT NULL);
CREATE TABLE jobs (
  seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY, id TEXT NOT NULL UNIQUE, printer_id TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('queued','sending','printed','failed','canceled')), phase TEXT,
  zpl BYTEA NOT NULL, dpi INTEGER, copies INTEGER NOT NULL, tracking_code TEXT,
  idempotency_key TEXT UNIQUE, request_hash TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, last_error TEXT,
  created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL, sent_at BIGINT, written_at BIGINT, finished_at BIGINT);
CREATE INDEX jobs_by_printer ON jobs (printer_id, state, seq);`
  },
  {
    version: 2,
    name: 'leases, last status, and a notice to every instance when a job is queued',
    sql: `
CREATE TABLE printer_leases (printer_id TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at BIGINT NOT NULL);
CREATE TABLE printer_status (printer_id TEXT PRIMARY KEY, summary TEXT NOT NULL, probe TEXT NOT NULL, checked_at BIGINT NOT NULL);
CREATE FUNCTION labelworks_job_queued() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN PERFORM pg_notify('labelworks_jobs', NEW.printer_id); RETURN NULL; END $$;
CREATE TRIGGER jobs_queued AFTER INSERT ON jobs FOR EACH ROW EXECUTE FUNCTION labelworks_job_queued();`
  }
]

/** The steps of `all` not yet in `applied`, in order. */
export function pendingMigrations (all: readonly Migration[], applied: readonly number[]): Migration[] {
  const done = new Set(applied)
  return all.filter((m) => !done.has(m.version)).sort((a, b) => a.version - b.version)
}
