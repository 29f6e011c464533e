import type { Label } from '../../model/label.ts'
import { createPdfBatchWriter } from './batch.ts'
import type { PdfOptions } from './options.ts'

/**
 * One label as a one-page PDF the size of the label (4x6 in: 288×432 pt), with the label font embedded as a
 * subset. The same label and font always give the same bytes. Written by the batch writer, so a page looks
 * the same alone or in a batch.
 */
export async function renderPdf (label: Label, options: PdfOptions): Promise<Uint8Array> {
  const chunks: Uint8Array[] = []
  const writer = createPdfBatchWriter({ ...options, write: (chunk) => { chunks.push(chunk) } })
  await writer.addLabel(label)
  await writer.finish()
  return Buffer.concat(chunks)
}
