// Reading back what the renderer wrote, with pdf-lib: page content streams and the embedded label font.
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream } from 'pdf-lib'

/** The decoded content stream of page `index` (0-based). */
export function pageContent (doc: PDFDocument, index = 0): string {
  const contents = doc.getPage(index).node.Contents()
  if (!(contents instanceof PDFRawStream)) throw new Error('expected one content stream per page')
  return Buffer.from(decodePDFRawStream(contents).decode()).toString('latin1')
}

function raw (stream: PDFStream): PDFRawStream {
  if (!(stream instanceof PDFRawStream)) throw new Error('expected a stream as written to the file')
  return stream
}

/** The Type0 font a page uses as /F1, its CID font, its descriptor and the decoded font program. */
export function pageFont (doc: PDFDocument, index = 0) {
  const fonts = doc.getPage(index).node.Resources()?.lookup(PDFName.of('Font'), PDFDict)
  const type0 = fonts?.lookup(PDFName.of('F1'), PDFDict)
  if (type0 === undefined) throw new Error('page has no /F1 font')
  const cid = type0.lookup(PDFName.of('DescendantFonts'), PDFArray).lookup(0, PDFDict)
  const descriptor = cid.lookup(PDFName.of('FontDescriptor'), PDFDict)
  const file = raw(descriptor.lookup(PDFName.of('FontFile2'), PDFStream))
  const toUnicode = raw(type0.lookup(PDFName.of('ToUnicode'), PDFStream))
  return {
    type0,
    cid,
    descriptor,
    ref: fonts?.get(PDFName.of('F1')) as PDFRef,
    program: decodePDFRawStream(file).decode(),
    toUnicode: Buffer.from(decodePDFRawStream(toUnicode).decode()).toString('latin1')
  }
}

/** Every `x y w h re` rectangle in a content stream, in points. */
export function rectangles (content: string): [number, number, number, number][] {
  return [...content.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re/g)]
    .map((m) => [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])])
}
