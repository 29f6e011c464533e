export { renderPdf } from './render.ts'
export { createPdfBatchWriter } from './batch.ts'
export { InvalidLabelError, PdfBatchStateError, PdfFontError } from './errors.ts'
export type { PdfBatchOptions, PdfBatchWriter, PdfOptions, PdfSink } from './options.ts'
