// A label as the row it is stored as, in any database: its options, data and warnings as JSON text.
import type { LabelRow } from './archive-messages.ts'
import type { ArchivedLabel, ClaimResult } from './label-archive.ts'

/** A row of the labels table as the database answers it. */
export interface StoredRow { id: string, created_at: number, tracking_code: string, source: string, options: string, data: string, warnings: string }

/** A label from the row that is or will be written: read back, or not yet committed. */
export const labelOfRow = (row: LabelRow): ArchivedLabel => ({
  id: row.id,
  createdAt: row.createdAt,
  trackingCode: row.trackingCode,
  source: row.source,
  options: JSON.parse(row.options) as ArchivedLabel['options'],
  data: JSON.parse(row.data) as ArchivedLabel['data'],
  warnings: JSON.parse(row.warnings) as ArchivedLabel['warnings']
})

export const toLabel = (row: StoredRow): ArchivedLabel => labelOfRow({
  id: row.id,
  createdAt: row.created_at,
  trackingCode: row.tracking_code,
  source: row.source as ArchivedLabel['source'],
  options: row.options,
  data: row.data,
  warnings: row.warnings
})

export const rowOf = (label: ArchivedLabel): LabelRow => ({
  id: label.id,
  createdAt: label.createdAt,
  trackingCode: label.trackingCode,
  source: label.source,
  options: JSON.stringify(label.options),
  data: JSON.stringify(label.data),
  warnings: label.warnings.length === 0 ? '[]' : JSON.stringify(label.warnings)
})

/** The outcome of every put the writer did not refuse: one shared object, as thousands of labels a second get it. */
export const STORED: ClaimResult = Object.freeze({ stored: true })
