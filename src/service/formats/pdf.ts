// PDF: a page the size of the label, fonts embedded as subsets; a batch is one multi-page PDF.
import type { LabelFont } from '../../fonts/index.ts'
import type { PdfBatchWriter, PdfFallbackFont, PdfOptions } from '../../render/pdf/index.ts'
import { defineFormat } from './format.ts'

/** The fallback fonts of `font`'s script chain as the PDF writer takes them: bytes still read only when a PDF uses one. */
export function fallbackPdfFonts (font: LabelFont): readonly PdfFallbackFont[] {
  return (font.scripts?.fonts ?? []).slice(1)
}

/** The PDF writer, and pdf-lib under it, loaded by the first PDF: about 8 MB a service that only answers ZPL never spends. */
let pdfModule: Promise<typeof import('../../render/pdf/index.ts')> | undefined
const loadPdf = (): Promise<typeof import('../../render/pdf/index.ts')> => (pdfModule ??= import('../../render/pdf/index.ts'))

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
    return async (label) => Buffer.from(await (await loadPdf()).renderPdf(label, options))
  },
  batcher ({ font }) {
    const options = pdfOptionsOf(font)
    return (_batch, write) => {
      let writer: Promise<PdfBatchWriter> | undefined
      const pdf = (): Promise<PdfBatchWriter> => (writer ??= loadPdf().then((m) => m.createPdfBatchWriter({ ...options, write })))
      return { add: async (label) => { await (await pdf()).addLabel(label) }, finish: async () => { await (await pdf()).finish() } }
    }
  }
})
