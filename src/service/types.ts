// The contract between the outputs (HTTP, CLI, print queue) and the label pipeline.
import type { Dpi } from '../units.ts'
import type { ZplTextMode } from '../render/zpl/index.ts'
import type { Label } from '../model/label.ts'
import type { LabelData, LabelWarning } from '../model/label-data.ts'
import type { SourceName, SourceOption } from '../records/sources.ts'
import type { ChunkSink, FormatBatchOptions, LabelBatchWriter, OutputFormat } from './formats/index.ts'

// Record sources are the records stage's; callers above it take them from here.
export type { SourceName, SourceOption } from '../records/sources.ts'
export type { ChunkSink, LabelBatchWriter, OutputFormat } from './formats/index.ts'

/** Options of a batch output: a format with a batch form, and what that format reads. */
export interface BatchOptions extends FormatBatchOptions {
  format: OutputFormat
}

/** What a caller asks for: one record, how to read it and how to lay it out. */
export interface LabelRequest {
  record: unknown
  source?: SourceOption
  template?: string
  dpi?: Dpi
  /** Enforce carrier rules as errors (always on for the `dashlink` template). */
  strict?: boolean
  /** ZPL only: text as graphics (the default, prints anywhere) or in the label font stored on the printer. */
  text?: ZplTextMode
  /** The label is meant for DashLink: its carrier rules are checked (warnings unless strict) whatever the record's source. */
  carrierRules?: 'dashlink'
}

/** A laid-out label with what was noticed on the way. */
export interface LaidOutLabel {
  label: Label
  /** The label data the layout drew, every resolved value in it (such as the ship date that defaults to today). */
  data: LabelData
  source: SourceName
  /** Record warnings followed by layout warnings. */
  warnings: LabelWarning[]
  /** The record field the tracking code came from, e.g. `record.tracking_code`. */
  trackingCodePath: string
  /** Carrier rules were enforced as errors (asked for, or the template's rule). */
  strict: boolean
}

/** A rendered label in one output format. */
export interface RenderedLabel {
  format: OutputFormat
  contentType: string
  body: Buffer
  trackingCode: string
  source: SourceName
  template: string
  dpi: Dpi
  warnings: LabelWarning[]
  /** The label data drawn, as the archive keeps it to draw the label again. */
  data: LabelData
}

/** A ZPL label kept as text: printers and the HTTP hot path send it as is, without a copy into bytes first. */
export interface RenderedZpl extends Omit<RenderedLabel, 'format' | 'body'> {
  format: 'zpl'
  /** Exactly one `^XA…^XZ` format. */
  zpl: string
}

/** Label data kept from an earlier label (see src/archive), to draw again: no record is read. */
export interface DataRequest {
  data: LabelData
  template: string
  dpi: Dpi
  format: OutputFormat
  /** ZPL only, as in LabelRequest. */
  text?: ZplTextMode
}

/** The label pipeline as the outputs see it: record → label data → layout → ZPL/PDF/PNG. */
export interface LabelService {
  /** Reads and lays out one record; throws a LabelworksError on bad input. */
  layout (request: LabelRequest): LaidOutLabel
  /** Lays out and renders ZPL synchronously (the hot path: microseconds). */
  renderZpl (request: LabelRequest): RenderedZpl
  /** Renders any format. */
  render (request: LabelRequest & { format: OutputFormat }): Promise<RenderedLabel>
  /** Lays out and renders label data kept earlier; the same data, template, density and format give the same bytes. */
  renderData (request: DataRequest): Promise<Buffer>
  /** `~DU` command that stores the label font on a printer; send once before labels that use it. */
  fontDownloadZpl (): string
  /** Installed template names. */
  templateNames (): string[]
  /** What a request that names no density or template gets. */
  defaults (): { dpi: Dpi, template: string }
  /** Opens a streaming multi-label output (ZPL stream or multi-page PDF) for labels from `layout`. */
  openBatch (options: BatchOptions, write: ChunkSink): LabelBatchWriter
}
