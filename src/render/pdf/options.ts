import type { Label } from '../../model/label.ts'

import type { PdfFallbackFont } from './pdf-fonts.ts'

/** How PDF is rendered: the label font (a TrueType file's bytes) and the fallback fonts, each embedded as a subset. */
export interface PdfOptions {
  fontBytes: Uint8Array
  /** Fonts shaped text names by index 1…n (index 0 is the label font). */
  fallbackFonts?: readonly PdfFallbackFont[]
}

/** Where a streamed PDF goes, chunk by chunk; a returned promise is awaited before the next chunk (back-pressure). */
export type PdfSink = (chunk: Uint8Array) => void | Promise<void>

/** Options of a streamed multi-page PDF. */
export interface PdfBatchOptions extends PdfOptions {
  write: PdfSink
}

/** An open multi-page PDF: add labels in page order, then finish once. */
export interface PdfBatchWriter {
  /** Draws one label as the next page and writes it out. */
  addLabel (label: Label): Promise<void>
  /** Writes the font, page tree, catalog, cross-reference table and trailer. */
  finish (): Promise<void>
  /** Pages written so far. */
  readonly pageCount: number
}
