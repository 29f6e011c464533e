// The label archive: every label made is kept as the label data it was drawn from and the options it was made
// with, so it can be drawn again (the same bytes, or another format or density) after the record has changed or
// gone. The store sits behind LabelArchive so that another database can hold it; src/archive/sqlite-archive.ts is
// the default.
import { randomFillSync } from 'node:crypto'
import type { LabelData, LabelWarning } from '../model/label-data.ts'
import type { ZplTextMode } from '../render/zpl/index.ts'
import type { OutputFormat, SourceName } from '../service/types.ts'
import type { Dpi } from '../units.ts'

/** How a label was made: what drawing it again as it was needs besides its data. */
export interface ArchivedOptions {
  template: string
  format: OutputFormat
  dpi: Dpi
  /** ZPL only: text as graphics or in the label font on the printer. */
  text?: ZplTextMode
  /** ZPL only: the label font download went in front of the label. */
  includeFont?: boolean
}

/** One archived label. Times are epoch milliseconds. */
export interface ArchivedLabel {
  id: string
  createdAt: number
  trackingCode: string
  source: SourceName
  data: LabelData
  options: ArchivedOptions
  /** The warnings the label was made with, as its answer carried them. */
  warnings: LabelWarning[]
}

/** An Idempotency-Key and the hash of the request that first used it. */
export interface IdempotencyClaim {
  key: string
  requestHash: string
}

/** The outcome of a put with a claim: stored, or the key already belonged to another label. */
export type ClaimResult = { stored: true } | { stored: false, labelId: string, requestHash: string }

/** A search: newest first, `limit` at a time; `after` is the `next` of the page before. */
export interface LabelSearch {
  trackingCode?: string
  /** Made at or after this time. */
  from?: number
  /** Made before this time. */
  to?: number
  limit: number
  after?: string
}

/** A page of search results; `next` is absent on the last page. */
export interface LabelPage {
  labels: ArchivedLabel[]
  next?: string
}

/** Where archived labels are kept. Every method may wait on the database; none blocks the caller's thread. */
export interface LabelArchive {
  /** Keeps a label; with a claim, only if the key is new (the key and the label are kept together or not at all). */
  put (label: ArchivedLabel, claim?: IdempotencyClaim): Promise<ClaimResult>
  get (id: string): Promise<ArchivedLabel | undefined>
  /** The label an Idempotency-Key made, with the hash of the request that made it. */
  byKey (key: string): Promise<{ labelId: string, requestHash: string } | undefined>
  search (query: LabelSearch): Promise<LabelPage>
  /** Deletes labels and idempotency keys made before `before`; returns how many labels went. */
  prune (before: number): Promise<number>
  close (): Promise<void>
}

/**
 * A new label id: the time it was made in milliseconds (12 hex digits) then 80 random bits, so ids say nothing about
 * how many labels a shipper makes and cannot be guessed, while each new id sorts after the ones before: the archive's
 * index on ids grows at its end instead of at random pages, which made storing a label 10–20 % cheaper in CPU and
 * its commits shorter (bench/archive-writes.ts).
 */
export function newLabelId (now = Date.now()): string {
  if (randomAt + RANDOM_BYTES > randomPool.length) {
    randomFillSync(randomPool)
    randomAt = 0
  }
  const random = randomPool.toString('hex', randomAt, randomAt + RANDOM_BYTES)
  randomAt += RANDOM_BYTES
  return `lbl_${now.toString(16).padStart(12, '0')}${random}`
}

const RANDOM_BYTES = 10
/** Random bytes drawn 4 KB at a time: a call to randomBytes for each id cost 4 µs, a slice of the pool 0.2 µs. */
const randomPool = Buffer.alloc(4000)
let randomAt = randomPool.length

/** What a label id looks like; anything else is no label of ours, answered without a database look-up. */
export const LABEL_ID_PATTERN = /^lbl_[0-9a-f]{32}$/

/** A search cursor: the last label of a page, as (createdAt, id), in a form that survives a URL. */
export function cursorOf (label: Pick<ArchivedLabel, 'createdAt' | 'id'>): string {
  return `${label.createdAt.toString(36)}.${label.id}`
}

/** The (createdAt, id) of a cursor, or undefined for one this archive did not make. */
export function parseCursor (cursor: string): { createdAt: number, id: string } | undefined {
  const match = /^([0-9a-z]{1,12})\.(lbl_[0-9a-f]{32})$/.exec(cursor)
  if (match === null) return undefined
  return { createdAt: parseInt(match[1] as string, 36), id: match[2] as string }
}
