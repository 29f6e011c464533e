// A PDF with one page per rendered label, each page exactly the label's size (Labelary's PDF layout).
// The PNGs' compressed pixel data goes into the PDF as is: PDF's FlateDecode understands PNG row predictors,
// so nothing is decoded or re-compressed on the event loop (pdf-lib's embedPng decodes in JavaScript, which
// cost ≈ 50 ms of blocked event loop per 4x6 label).
import { concatTransformationMatrix, drawObject, PDFDocument, PDFHexString, popGraphicsState, pushGraphicsState, type PDFRef } from 'pdf-lib'
import { readPngParts } from '../../render/png/one-bit-png.ts'

/** Registers a gray or palette PNG as an image XObject without decoding it; undefined for other PNGs. */
function embedPngAsIs (doc: PDFDocument, png: Buffer): PDFRef | undefined {
  const parts = readPngParts(png)
  // Interlaced rows are not in PDF's row order; other colour types would need their own colour space.
  if (parts === undefined || parts.interlaced || (parts.colourType !== 0 && parts.colourType !== 3)) return undefined
  if (parts.colourType === 3 && parts.palette === undefined) return undefined
  const colourSpace = parts.colourType === 0
    ? 'DeviceGray'
    : ['Indexed', 'DeviceRGB', (parts.palette as Buffer).length / 3 - 1, PDFHexString.of((parts.palette as Buffer).toString('hex'))]
  const stream = doc.context.stream(parts.idat, {
    Type: 'XObject',
    Subtype: 'Image',
    Width: parts.width,
    Height: parts.height,
    BitsPerComponent: parts.bitDepth,
    ColorSpace: doc.context.obj(colourSpace),
    Filter: 'FlateDecode',
    DecodeParms: { Predictor: 15, Colors: 1, BitsPerComponent: parts.bitDepth, Columns: parts.width }
  })
  return doc.context.register(stream)
}

/** Embeds each PNG as a full page of `widthIn` × `heightIn` inches (swapped when rotated a quarter turn). */
export async function pdfOfPngs (pngs: Buffer[], widthIn: number, heightIn: number, quarterTurn: boolean): Promise<Buffer> {
  const doc = await PDFDocument.create()
  // Fixed dates keep the bytes of a given job stable.
  doc.setCreationDate(new Date(0))
  doc.setModificationDate(new Date(0))
  doc.setProducer('labelworks')
  const [w, h] = quarterTurn ? [heightIn * 72, widthIn * 72] : [widthIn * 72, heightIn * 72]
  for (const png of pngs) {
    const page = doc.addPage([w, h])
    const ref = embedPngAsIs(doc, png)
    if (ref === undefined) {
      page.drawImage(await doc.embedPng(png), { x: 0, y: 0, width: w, height: h })
      continue
    }
    const name = page.node.newXObject('Label', ref)
    page.pushOperators(pushGraphicsState(), concatTransformationMatrix(w, 0, 0, h, 0, 0), drawObject(name), popGraphicsState())
  }
  return Buffer.from(await doc.save())
}
