// PDF: a page the size of the label, fonts embedded as subsets; a batch is one multi-page PDF.
import type { LabelFont } from '../../fonts/index.ts'
import { createPdfBatchWriter, renderPdf, type PdfFallbackFont, type PdfOptions } from '../../render/pdf/index.ts'
import { defineFormat } from './format.ts'

/** The fallback fonts of `font`'s script chain as the PDF writer takes them: bytes still read only when a PDF uses one. */
export function fallbackPdfFonts (font: LabelFont): readonly PdfFallbackFont[] {
  return (font.scripts?.fonts ?? []).slice(1)
}

function pdfOptionsOf (font: LabelFont): PdfOptions {
  return { fontBytes: font.bytes, fallbackFonts: fallbackPdfFonts(font) }
}

export const pdfFormat = defineFormat({
  name: 'pdf',
  contentType: 'application/pdf',
  acceptAliases: [],
  extension: 'pdf',
  binary: true,
  renderer ({ font }) {
    const options = pdfOptionsOf(font)
    return async (label) => Buffer.from(await renderPdf(label, options))
  },
  batcher ({ font }) {
    const options = pdfOptionsOf(font)
    return (_batch, write) => {
      const pdf = createPdfBatchWriter({ ...options, write })
      return { add: async (label) => { await pdf.addLabel(label) }, finish: async () => { await pdf.finish() } }
    }
  }
})
