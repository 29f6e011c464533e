// createPdfBatchWriter: pages streamed to the sink as labels arrive, honouring back-pressure, drawn exactly as
// single renders draw them, with the font and the page tree written once at the end.
import { PDFDocument } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import type { Label } from '../../../src/model/label.ts'
import { createPdfBatchWriter, InvalidLabelError, PdfBatchStateError, renderPdf, type PdfSink } from '../../../src/render/pdf/index.ts'
import { openPdf, rasterizePdfToGray } from '../../support/pdf-raster.ts'
import { inkCount } from './ink.ts'
import { blankLabel, FONT_BYTES, sampleLabel, textAt } from './labels.ts'
import { pageContent, pageFont } from './pdf-inspect.ts'

/** A sink keeping every chunk. */
function collector (): { write: PdfSink, bytes: () => Buffer, chunks: Uint8Array[] } {
  const chunks: Uint8Array[] = []
  return { chunks, write: (chunk) => { chunks.push(chunk) }, bytes: () => Buffer.concat(chunks) }
}

async function batchOf (labels: Label[]): Promise<Buffer> {
  const sink = collector()
  const writer = createPdfBatchWriter({ fontBytes: FONT_BYTES, write: sink.write })
  for (const label of labels) await writer.addLabel(label)
  await writer.finish()
  return sink.bytes()
}

describe('PDF batch writer', () => {
  it('writes one page per label, each pixel-identical to the label rendered alone', async () => {
    const labels = [sampleLabel(203, 0).label, sampleLabel(203, 90).label, sampleLabel(300, 0).label]
    const batch = await batchOf(labels)
    const doc = await PDFDocument.load(batch)
    expect(doc.getPageCount()).toBe(3)
    expect(doc.getPages().map((p) => p.getSize())).toEqual(labels.map(() => ({ width: 288, height: 432 })))
    // One font object shared by all pages.
    expect(new Set([0, 1, 2].map((i) => pageFont(doc, i).ref.toString())).size).toBe(1)
    for (const [i, label] of labels.entries()) {
      const alone = await rasterizePdfToGray(await renderPdf(label, { fontBytes: FONT_BYTES }), { dpi: label.dpi })
      const inBatch = await rasterizePdfToGray(batch, { dpi: label.dpi, page: i + 1 })
      expect(inkCount(inBatch)).toBeGreaterThan(10_000)
      expect(Buffer.from(inBatch.data).equals(Buffer.from(alone.data)), `page ${i + 1}`).toBe(true)
    }
  })

  it('gives identical bytes for the same labels', async () => {
    const labels = [sampleLabel(300, 90).label, sampleLabel(203, 0).label]
    expect((await batchOf(labels)).equals(await batchOf(labels))).toBe(true)
  })

  it('streams each page when it is added and the font only at finish', async () => {
    const sink = collector()
    const writer = createPdfBatchWriter({ fontBytes: FONT_BYTES, write: sink.write })
    const sizes: number[] = []
    for (const label of [sampleLabel(203, 0).label, sampleLabel(203, 90).label]) {
      await writer.addLabel(label)
      sizes.push(sink.bytes().length)
    }
    expect(writer.pageCount).toBe(2)
    expect(sizes[1]).toBeGreaterThan(sizes[0] as number)
    expect(sink.bytes().toString('latin1')).not.toContain('/FontFile2')
    await writer.finish()
    const text = sink.bytes().toString('latin1')
    expect(text.match(/\/FontFile2/g)).toHaveLength(1)
    expect(text.endsWith('%%EOF\n')).toBe(true)
  })

  it('waits for the sink: one write in flight, in order, even when addLabel is not awaited', async () => {
    let inFlight = 0
    let maxInFlight = 0
    const order: string[] = []
    const write: PdfSink = async (chunk) => {
      inFlight++
      maxInFlight = Math.max(maxInFlight, inFlight)
      order.push(Buffer.from(chunk).toString('latin1').match(/\/Type \/Page\b|%PDF|^xref|^trailer/m)?.[0] ?? 'other')
      await new Promise((resolve) => setTimeout(resolve, 2))
      inFlight--
    }
    const writer = createPdfBatchWriter({ fontBytes: FONT_BYTES, write })
    const adds = [0, 1, 2, 3].map(() => writer.addLabel(sampleLabel(203, 0).label))
    let settled = false
    void adds[3]?.then(() => { settled = true })
    await new Promise((resolve) => setImmediate(resolve))
    expect(settled).toBe(false)
    await Promise.all(adds)
    await writer.finish()
    expect(maxInFlight).toBe(1)
    expect(order.filter((o) => o !== 'other')).toEqual(['%PDF', '/Type /Page', '/Type /Page', '/Type /Page', '/Type /Page', 'xref', 'trailer'])
  })

  it('rejects a label it cannot draw without breaking the file', async () => {
    const sink = collector()
    const writer = createPdfBatchWriter({ fontBytes: FONT_BYTES, write: sink.write })
    await writer.addLabel(sampleLabel(203, 0).label)
    const bad = blankLabel(203)
    bad.elements.push({ kind: 'box', x: 800, y: 0, width: 100, height: 10, thickness: 10 })
    await expect(writer.addLabel(bad)).rejects.toBeInstanceOf(InvalidLabelError)
    await writer.addLabel(sampleLabel(203, 90).label)
    await writer.finish()
    const doc = await PDFDocument.load(sink.bytes())
    expect(doc.getPageCount()).toBe(2)
    expect(pageContent(doc, 1)).toContain(' Tj ET')
  })

  it('passes sink failures to the caller and refuses to be used after finish', async () => {
    const broken = createPdfBatchWriter({ fontBytes: FONT_BYTES, write: () => { throw new Error('disk full') } })
    await expect(broken.addLabel(sampleLabel(203, 0).label)).rejects.toThrow('disk full')
    const writer = createPdfBatchWriter({ fontBytes: FONT_BYTES, write: collector().write })
    await writer.finish()
    await expect(writer.addLabel(sampleLabel(203, 0).label)).rejects.toBeInstanceOf(PdfBatchStateError)
    await expect(writer.finish()).rejects.toMatchObject({ code: 'PDF_BATCH_CLOSED' })
  })

  it('finishes an empty batch as a valid PDF with no pages', async () => {
    const doc = await PDFDocument.load(await batchOf([]))
    expect(doc.getPageCount()).toBe(0)
    expect(doc.getTitle()).toBe('Shipping labels')
  })

  it('titles the file for print queues: the tracking code, or the first and how many follow', async () => {
    const one = await PDFDocument.load(await batchOf([sampleLabel(203, 0).label]), { updateMetadata: false })
    expect(one.getTitle()).toBe(`Shipping label ${sampleLabel(203, 0).label.trackingCode}`)
    expect(one.catalog.getViewerPreferences()?.getDisplayDocTitle()).toBe(true)
    // Parentheses and backslashes would end or escape a PDF string; they are escaped.
    const odd: Label = { ...sampleLabel(203, 0).label, trackingCode: 'LW(1)\\2' }
    const three = await PDFDocument.load(await batchOf([odd, sampleLabel(203, 0).label, sampleLabel(203, 0).label]), { updateMetadata: false })
    expect(three.getTitle()).toBe('Shipping labels LW(1)\\2 and 2 more')
  })

  it('streams 2,000 pages in small chunks and the result opens with every page', async () => {
    const labels = [sampleLabel(203, 0).label, sampleLabel(203, 90).label]
    labels.push(blankLabel(203))
    labels[2]?.elements.push(textAt(20, 20, 'Page with one line — №', 40))
    const sink = collector()
    let largest = 0
    const writer = createPdfBatchWriter({
      fontBytes: FONT_BYTES,
      write: (chunk) => { largest = Math.max(largest, chunk.length); sink.write(chunk) }
    })
    for (let i = 0; i < 2000; i++) await writer.addLabel(labels[i % 3] as Label)
    await writer.finish()
    expect(writer.pageCount).toBe(2000)
    // Pages go out one by one; the biggest chunk is the xref table at the end (20 bytes per object).
    expect(largest).toBeLessThan(2 * 20 * 2000 + 1000)
    const bytes = sink.bytes()
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(2000)
    const viewed = await openPdf(bytes)
    expect(viewed.numPages).toBe(2000)
    expect((await viewed.getPage(2000)).view).toEqual([0, 0, 288, 432])
    await viewed.destroy()
  })
})
