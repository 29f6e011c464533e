// Many labels into one output: a ZPL stream (one ^XA…^XZ per label) or one multi-page PDF, written as it goes so
// memory stays bounded however many labels there are.
import type { LabelFont } from '../fonts/index.ts'
import type { Label } from '../model/label.ts'
import { createPdfBatchWriter, type PdfFallbackFont } from '../render/pdf/index.ts'
import type { TextRasterizer } from '../render/bitmap/index.ts'
import { renderZpl, type ZplOptions, type ZplTextMode } from '../render/zpl/index.ts'

/** Where batch output goes; a returned promise is awaited (back-pressure). */
export type ChunkSink = (chunk: Uint8Array) => void | Promise<void>

/** An open batch: add labels in order, then finish once. */
export interface LabelBatchWriter {
  add (label: Label): Promise<void>
  finish (): Promise<void>
}

/** Options of a batch output. */
export interface BatchOptions {
  format: 'zpl' | 'pdf'
  /** ZPL only: start the stream with the `~DU` label-font download. */
  includeFont?: boolean
  /** ZPL only: text as graphics (the default) or in the label font on the printer. */
  text?: ZplTextMode
}

/** The fallback fonts of `font`'s script chain as the PDF writer takes them: bytes still read only when a PDF uses one. */
export function fallbackPdfFonts (font: LabelFont): readonly PdfFallbackFont[] {
  return (font.scripts?.fonts ?? []).slice(1)
}

/** Opens a batch writer for the label font; `fontDownload` is the font's `~DU` command, made once at start-up. */
export function openLabelBatch (
  font: LabelFont, fontDownload: string, options: BatchOptions & { glyphs: TextRasterizer }, write: ChunkSink
): LabelBatchWriter {
  if (options.format === 'pdf') {
    const pdf = createPdfBatchWriter({ fontBytes: font.bytes, fallbackFonts: fallbackPdfFonts(font), write })
    return { add: async (label) => { await pdf.addLabel(label) }, finish: async () => { await pdf.finish() } }
  }
  const zplOptions: ZplOptions = { fontPath: font.zplPath, text: options.text ?? 'graphic', glyphs: options.glyphs }
  let started = options.includeFont !== true
  return {
    async add (label) {
      if (!started) {
        started = true
        await write(Buffer.from(fontDownload, 'utf8'))
      }
      await write(Buffer.from(renderZpl(label, zplOptions) + '\n', 'utf8'))
    },
    async finish () {
      if (!started) await write(Buffer.from(fontDownload, 'utf8'))
    }
  }
}
