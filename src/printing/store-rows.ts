// Rows as both stores return them (the same column names in SQLite and PostgreSQL) and the records they become.
import type { Dpi } from '../units.ts'
import type { JobState, PrintJob, PrinterRecord, SendPhase, StoredStatus } from './store-types.ts'

export interface JobRow {
  id: string, printer_id: string, state: JobState, phase: SendPhase | null, zpl: Buffer, dpi: number | null, copies: number
  tracking_code: string | null, idempotency_key: string | null, request_hash: string, attempts: number, last_error: string | null
  created_at: number, updated_at: number, sent_at: number | null, written_at: number | null, finished_at: number | null
}

export interface PrinterRow {
  id: string, name: string, transport: string, host: string, port: number, dpi: number | null, detected_dpi: number | null
  /** 0/1 in SQLite, a boolean in PostgreSQL. */
  enabled: number | boolean, origin: 'file' | 'api', created_at: number, updated_at: number
}

export interface StatusRow { printer_id: string, summary: string, probe: string, checked_at: number }

export const toJob = (r: JobRow): PrintJob => ({
  id: r.id, printerId: r.printer_id, state: r.state, phase: r.phase, zpl: r.zpl, dpi: r.dpi as Dpi | null, copies: r.copies,
  trackingCode: r.tracking_code, idempotencyKey: r.idempotency_key, requestHash: r.request_hash, attempts: r.attempts,
  lastError: r.last_error, createdAt: r.created_at, updatedAt: r.updated_at, sentAt: r.sent_at, writtenAt: r.written_at, finishedAt: r.finished_at
})

export const toPrinter = (r: PrinterRow): PrinterRecord => ({
  id: r.id, name: r.name, transport: r.transport, host: r.host, port: r.port, dpi: r.dpi as Dpi | null, detectedDpi: r.detected_dpi as Dpi | null,
  enabled: r.enabled === 1 || r.enabled === true, origin: r.origin, createdAt: r.created_at, updatedAt: r.updated_at
})

export const toStatus = (r: StatusRow): StoredStatus => ({ printerId: r.printer_id, summary: r.summary, probe: r.probe, checkedAt: r.checked_at })

/** The printer's columns in the order the upsert statements list them; `enabled` as the database spells it. */
export const printerColumns = (p: PrinterRecord, enabled: unknown = p.enabled): unknown[] =>
  [p.id, p.name, p.transport, p.host, p.port, p.dpi, p.detectedDpi, enabled, p.origin, p.createdAt, p.updatedAt]

/** Why a job left in `sending` by a stopped instance goes back in the queue: no label byte had left. */
export const REQUEUED_REASON = 'restarted before any label byte was written; sending again'
