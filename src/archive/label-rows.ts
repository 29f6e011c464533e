// A label as the row it is stored as, in any database: its options, data and warnings as JSON text.
import type { LabelRow } from './archive-messages.ts'
import { cursorOf, parseCursor, type ArchivedLabel, type ClaimResult, type LabelPage, type LabelSearch } from './label-archive.ts'

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

/**
 * A search's bounds as query parameters: made at or after `from` and before `to`, and before the cursor's label (by
 * time, then id); `take` is one row more than the page, to tell whether another page follows.
 */
export function pageBounds (query: LabelSearch): { from: number, to: number, createdAt: number, id: string, take: number } {
  const after = query.after === undefined ? undefined : parseCursor(query.after)
  return { from: query.from ?? 0, to: query.to ?? Number.MAX_SAFE_INTEGER, createdAt: after?.createdAt ?? Number.MAX_SAFE_INTEGER, id: after?.id ?? '~', take: query.limit + 1 }
}

/** The page of `rows` (fetched with pageBounds: newest first, up to `limit` + 1), with the cursor of the next if any. */
export function pageOf (rows: readonly StoredRow[], limit: number): LabelPage {
  const labels = rows.slice(0, limit).map(toLabel)
  const last = labels.at(-1)
  return rows.length > limit && last !== undefined ? { labels, next: cursorOf(last) } : { labels }
}
