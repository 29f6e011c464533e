// A multi-page PDF written as it goes: each label's content stream and page dictionary are serialized and handed
// to the sink at once; only byte offsets and page numbers are kept. The fonts (one subset per font over every glyph
// the pages used), the page resources, page tree, catalog, cross-reference table and trailer follow at finish.
import { PDFContext } from 'pdf-lib'
import type { Label } from '../../model/label.ts'
import { drawLabel } from './draw-label.ts'
import { PdfBatchStateError } from './errors.ts'
import { fontObjects } from './font-objects.ts'
import type { PdfBatchOptions, PdfBatchWriter } from './options.ts'
import { num } from './page-canvas.ts'
import { PdfFonts } from './pdf-fonts.ts'
import { PdfFileWriter } from './pdf-file-writer.ts'

/** Producer and Creator of every file; no dates, so the same labels always give the same bytes. */
const PRODUCER = 'labelworks'

/** A PDF literal string: backslash and parentheses escaped; tracking codes are printable ASCII (Code128). */
function pdfText (text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`
}

/**
 * The document title print spoolers and viewers show instead of a file name: the label's tracking code, or the
 * first one and how many follow for a batch, so an operator can tell jobs in a print queue apart.
 */
function titleOf (firstTrackingCode: string | undefined, pageCount: number): string {
  if (firstTrackingCode === undefined) return 'Shipping labels'
  return pageCount === 1 ? `Shipping label ${firstTrackingCode}` : `Shipping labels ${firstTrackingCode} and ${pageCount - 1} more`
}

/** Opens a streaming multi-page PDF over `options.write`; one page per label, in the order added. */
export function createPdfBatchWriter (options: PdfBatchOptions): PdfBatchWriter {
  const fonts = new PdfFonts(options.fontBytes, options.fallbackFonts)
  const file = new PdfFileWriter(options.write)
  // Streams are deflated with pdf-lib (pako): pure JavaScript, so the bytes do not depend on Node's zlib build.
  const streams = PDFContext.create()
  const catalog = file.allocate()
  const pageTree = file.allocate()
  // Written at finish, when it is known which fonts the pages used.
  const resources = file.allocate()
  const info = file.allocate()
  const pages: number[] = []
  let firstTrackingCode: string | undefined
  let state: 'open' | 'finishing' = 'open'
  // Pages are written strictly in order even if a caller does not await each addLabel. Nothing is written
  // before the first call, so a sink failure always rejects a promise the caller holds.
  let queue: Promise<void> | undefined

  async function start (): Promise<void> {
    await file.writeHeader()
  }

  function enqueue (step: () => Promise<void>): Promise<void> {
    queue = (queue ?? start()).then(step)
    return queue
  }

  return {
    get pageCount () { return pages.length },

    addLabel (label: Label): Promise<void> {
      if (state !== 'open') return Promise.reject(new PdfBatchStateError('cannot add a label to a PDF batch after finish()'))
      // Drawn now, so a label that cannot be drawn fails its own call and leaves no trace in the file.
      let page
      try {
        page = drawLabel(label, fonts)
      } catch (err) {
        return Promise.reject(err)
      }
      const content = file.allocate()
      const number = file.allocate()
      pages.push(number)
      firstTrackingCode ??= label.trackingCode
      return enqueue(() => file.writeObjects([
        { number: content, object: streams.flateStream(page.content) },
        {
          // Written as text rather than pdf-lib objects: PDFRef.of keeps every reference it creates in a
          // process-wide pool, which would grow with the number of pages.
          number,
          object: `<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 ${num(page.widthPt)} ${num(page.heightPt)}] ` +
            `/Resources ${resources} 0 R /Contents ${content} 0 R >>`
        }
      ]))
    },

    finish (): Promise<void> {
      if (state !== 'open') return Promise.reject(new PdfBatchStateError('finish() was already called on this PDF batch'))
      state = 'finishing'
      return enqueue(async () => {
        const fontRefs: string[] = []
        for (const [index, subset] of fonts.used()) {
          const fontNumber = file.allocate()
          fontRefs.push(`/${PdfFonts.resourceName(index)} ${fontNumber} 0 R`)
          await file.writeObjects(fontObjects(subset, fontNumber, () => file.allocate()))
        }
        await file.writeObjects([{ number: resources, object: `<< /Font << ${fontRefs.join(' ')} >> /ProcSet [/PDF /Text] >>` }])
        await file.writeObjects([
          { number: pageTree, object: `<< /Type /Pages /Count ${pages.length} /Kids [${pages.map((n) => `${n} 0 R`).join(' ')}] >>` },
          // Labels must print at 100 %: ask viewers not to shrink the page to the printer's margins.
          { number: catalog, object: `<< /Type /Catalog /Pages ${pageTree} 0 R /ViewerPreferences << /PrintScaling /None /DisplayDocTitle true >> >>` },
          { number: info, object: `<< /Title ${pdfText(titleOf(firstTrackingCode, pages.length))} /Producer (${PRODUCER}) /Creator (${PRODUCER}) >>` }
        ])
        await file.writeEnd(catalog, info)
      })
    }
  }
}
