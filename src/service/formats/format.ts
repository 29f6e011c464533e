// What an output format is: one module per format (zpl.ts, pdf.ts, png.ts), listed once in index.ts. Everything
// that names formats (the OutputFormat type, content negotiation, option validation, batches, the OpenAPI
// document, the CLI help) is derived from that list.
import type { LabelFont } from '../../fonts/index.ts'
import type { Label } from '../../model/label.ts'
import type { TextRasterizer } from '../../render/bitmap/index.ts'
import type { ZplTextMode } from '../../render/zpl/index.ts'

/** Where batch output goes; a returned promise is awaited (back-pressure). */
export type ChunkSink = (chunk: Uint8Array) => void | Promise<void>

/** An open batch: add labels in order, then finish once. */
export interface LabelBatchWriter {
  add (label: Label): Promise<void>
  finish (): Promise<void>
}

/** What every format is drawn with: loaded once at start-up and shared. */
export interface FormatResources {
  font: LabelFont
  /** The label font's `~DU` download, made once. */
  fontDownload: string
  /** Draws text as dots: the label font and its fallbacks. */
  glyphs: TextRasterizer
}

/** Per-label options a format may read; only ZPL reads any today. */
export interface FormatLabelOptions {
  /** ZPL only: text as graphics (the default) or in the label font on the printer. */
  text?: ZplTextMode
}

/** Options of a batch of one format. */
export interface FormatBatchOptions extends FormatLabelOptions {
  /** ZPL only: start the stream with the `~DU` label-font download. */
  includeFont?: boolean
}

/** Draws one label. */
export type LabelRenderer = (label: Label, options: FormatLabelOptions) => Buffer | Promise<Buffer>

/** Opens a batch: many labels joined into one body, written as it goes. */
export type BatchOpener = (options: FormatBatchOptions, write: ChunkSink) => LabelBatchWriter

/** One output format. */
export interface OutputFormatModule<Name extends string = string> {
  name: Name
  /** Sent with a raw label; its type without parameters is what Accept names to ask for the raw bytes. */
  contentType: string
  /** Other Accept types that ask for this format's raw bytes (aliases clients send). */
  acceptAliases: readonly string[]
  /** File extension, without the dot. */
  extension: string
  /** Binary bytes: not written to a terminal, a base64 string in the OpenAPI document. */
  binary: boolean
  /** Prepares the renderer once at start-up. */
  renderer (resources: FormatResources): LabelRenderer
  /** Prepares the batch form once at start-up; absent when labels of this format do not join into one body. */
  batcher?: (resources: FormatResources) => BatchOpener
}

/** Keeps a module's name as its literal type, so OutputFormat is the union of the registered names. */
export function defineFormat<Name extends string> (format: OutputFormatModule<Name>): OutputFormatModule<Name> {
  return format
}

/** A content type without its parameters: `x-application/zpl; charset=utf-8` → `x-application/zpl`. */
export function mediaTypeOf (contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase()
}
