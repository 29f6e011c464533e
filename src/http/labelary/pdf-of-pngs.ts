// A PDF with one page per rendered label, each page exactly the label's size (Labelary's PDF layout).
import { PDFDocument } from 'pdf-lib'

/** Embeds each PNG as a full page of `widthIn` × `heightIn` inches (swapped when rotated a quarter turn). */
export async function pdfOfPngs (pngs: Buffer[], widthIn: number, heightIn: number, quarterTurn: boolean): Promise<Buffer> {
  const doc = await PDFDocument.create()
  // Fixed dates keep the bytes of a given job stable.
  doc.setCreationDate(new Date(0))
  doc.setModificationDate(new Date(0))
  doc.setProducer('labelworks')
  const [w, h] = quarterTurn ? [heightIn * 72, widthIn * 72] : [widthIn * 72, heightIn * 72]
  for (const png of pngs) {
    const image = await doc.embedPng(png)
    doc.addPage([w, h]).drawImage(image, { x: 0, y: 0, width: w, height: h })
  }
  return Buffer.from(await doc.save())
}
