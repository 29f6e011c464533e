// renderPdf: one page the size of the label, the label font embedded as a subset, identical bytes for identical
// input, and clear errors for labels or fonts it cannot draw.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { fileURLToPath } from 'node:url'
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, PDFName } from 'pdf-lib'
import { describe, expect, it } from 'vitest'
import { UnsupportedCharacterError } from '../../../src/errors.ts'
import { InvalidLabelError, PdfFontError, renderPdf } from '../../../src/render/pdf/index.ts'
import { openPdf } from '../../support/pdf-raster.ts'
import { barcodeAt, blankLabel, FONT_BYTES, sampleLabel, textAt } from './labels.ts'
import { pageContent, pageFont, rectangles } from './pdf-inspect.ts'

const options = { fontBytes: FONT_BYTES }
const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex')

describe('renderPdf page and font', () => {
  it.each([203, 300] as const)('gives one 288×432 pt page at %i dpi, readable by pdf-lib and pdfjs', async (dpi) => {
    const bytes = await renderPdf(sampleLabel(dpi, 0).label, options)
    expect(Buffer.from(bytes.subarray(0, 8)).toString('latin1')).toBe('%PDF-1.7')
    const doc = await PDFDocument.load(bytes)
    expect(doc.getPageCount()).toBe(1)
    expect(doc.getPage(0).getSize()).toEqual({ width: 288, height: 432 })
    const viewed = await openPdf(bytes)
    expect(viewed.numPages).toBe(1)
    expect((await viewed.getPage(1)).view).toEqual([0, 0, 288, 432])
    await viewed.destroy()
  })

  it('sizes the page from the label (6x4 in is 432×288 pt)', async () => {
    const label = blankLabel(300, 6, 4)
    const doc = await PDFDocument.load(await renderPdf(label, options))
    expect(doc.getPage(0).getSize()).toEqual({ width: 432, height: 288 })
  })

  it('embeds a tagged subset of the label font holding the glyphs the label uses', async () => {
    const { label, texts } = sampleLabel(203, 90)
    const font = pageFont(await PDFDocument.load(await renderPdf(label, options)))
    const name = font.type0.lookup(PDFName.of('BaseFont'), PDFName).asString()
    expect(name).toMatch(/^\/[A-Z]{6}\+RobotoCondensed-Bold$/)
    expect(font.cid.lookup(PDFName.of('Subtype'), PDFName).asString()).toBe('/CIDFontType2')
    const full = fontkit.create(FONT_BYTES)
    const subset = fontkit.create(font.program)
    const distinct = new Set(texts.flatMap((t) => [...t.text].map((c) => full.glyphForCodePoint(c.codePointAt(0) as number).id)))
    // .notdef + every distinct glyph (+ components of composite glyphs such as Å), far fewer than the font's.
    expect(subset.numGlyphs).toBeGreaterThanOrEqual(distinct.size + 1)
    expect(subset.numGlyphs).toBeLessThan(distinct.size + 30)
    expect(font.program.length).toBeLessThan(FONT_BYTES.length / 4)
  })

  it('keeps the text as text: pdfjs extracts every string through the ToUnicode map', async () => {
    const { label, texts } = sampleLabel(300, 0)
    const doc = await openPdf(await renderPdf(label, options))
    const content = await (await doc.getPage(1)).getTextContent()
    const strings = content.items.map((item) => ('str' in item ? item.str : '')).filter((s) => s !== '')
    expect(strings.sort()).toEqual(texts.map((t) => t.text).sort())
    await doc.destroy()
  })

  it.each([203, 300] as const)('puts every rectangle edge on the whole-dot grid at %i dpi', async (dpi) => {
    const { label } = sampleLabel(dpi, 90)
    const content = pageContent(await PDFDocument.load(await renderPdf(label, options)))
    const rects = rectangles(content)
    expect(rects.length).toBeGreaterThan(30)
    const offGrid = (pt: number): number => Math.abs(pt * dpi / 72 - Math.round(pt * dpi / 72))
    for (const [x, y, w, h] of rects) {
      for (const edge of [x, y, x + w, y + h]) expect(offGrid(edge)).toBeLessThan(0.002)
    }
  })

  it('sets the ZPL font cell: size = font height in points, horizontal scaling = width / height', async () => {
    const label = blankLabel(203)
    label.elements.push(textAt(20, 20, 'Narrow', 40, 30), textAt(20, 100, 'Square', 29, 29, 90))
    const content = pageContent(await PDFDocument.load(await renderPdf(label, options)))
    expect(content).toMatch(/BT \/F1 14\.1872 Tf 75 Tz 1 0 0 1 7\.0936 \d+(\.\d+)? Tm <[0-9a-f]+> Tj ET/)
    expect(content).toMatch(/BT \/F1 10\.2857 Tf 100 Tz 0 -1 1 0 /)
  })
})

describe('renderPdf determinism', () => {
  it('gives identical bytes for the same label, also after rendering other labels', async () => {
    const first = await renderPdf(sampleLabel(203, 0).label, options)
    await renderPdf(sampleLabel(300, 90).label, options)
    const other = blankLabel(203)
    other.elements.push(textAt(10, 10, 'Ψ ДЖ ÆØÅ ß', 40))
    await renderPdf(other, options)
    expect(Buffer.from(await renderPdf(sampleLabel(203, 0).label, { fontBytes: new Uint8Array(FONT_BYTES) }))).toEqual(Buffer.from(first))
  })

  it('gives the same bytes in a fresh process', async () => {
    const here = await renderPdf(sampleLabel(300, 90).label, options)
    const script = fileURLToPath(new URL('./print-pdf-digest.ts', import.meta.url))
    const child = spawnSync(process.execPath, ['--import', 'tsx', script, '300', '90'], { encoding: 'utf8', timeout: 20_000 })
    expect(child.stderr).toBe('')
    expect(child.stdout.trim()).toBe(sha256(here))
  })

  it('writes fixed metadata: producer and creator, no dates', async () => {
    const bytes = await renderPdf(sampleLabel(203, 0).label, options)
    const doc = await PDFDocument.load(bytes, { updateMetadata: false })
    expect(doc.getProducer()).toBe('labelworks')
    expect(doc.getCreator()).toBe('labelworks')
    expect(doc.getTitle()).toBe(`Shipping label ${sampleLabel(203, 0).label.trackingCode}`)
    expect(doc.getCreationDate()).toBeUndefined()
    expect(doc.getModificationDate()).toBeUndefined()
    expect(doc.catalog.getViewerPreferences()?.getPrintScaling()).toBe('None')
    expect(Buffer.from(bytes).toString('latin1')).not.toMatch(/CreationDate|ModDate|D:\d{8}/)
    expect(doc.context.trailerInfo.ID).toBeDefined()
  })

  it('names different subsets differently and the same subset the same', async () => {
    const one = blankLabel(203)
    one.elements.push(textAt(10, 10, 'abc', 40))
    const two = blankLabel(203)
    two.elements.push(textAt(10, 10, 'abd', 40))
    const nameOf = async (label: typeof one) => pageFont(await PDFDocument.load(await renderPdf(label, options))).type0.get(PDFName.of('BaseFont'))?.toString()
    expect(await nameOf(one)).not.toBe(await nameOf(two))
    expect(await nameOf(one)).toBe(await nameOf(one))
  })
})

describe('renderPdf errors', () => {
  it('rejects a character the font cannot draw, naming the field and the character', async () => {
    const label = blankLabel(203)
    label.elements.push(textAt(10, 10, 'Tokyo', 40, 40, 0, 'recipient.city'))
    label.elements.push({ ...textAt(10, 80, 'Tokyo', 40, 40, 0, 'recipient.name'), text: 'Tokyo 東京' })
    const err = await renderPdf(label, options).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(UnsupportedCharacterError)
    expect(err).toMatchObject({ code: 'UNSUPPORTED_CHARACTER', path: 'recipient.name', character: '東' })
  })

  it('rejects elements off the whole-dot grid or past the label edge, naming each', async () => {
    const label = blankLabel(203)
    label.elements.push(
      { kind: 'box', x: 10.5, y: 10, width: 100, height: 4, thickness: 4 },
      { ...textAt(700, 10, 'Too long for the label edge', 40) },
      { ...barcodeAt(203, 50, 400, 0), width: 100 },
      { ...textAt(10, 100, 'x', 40), rotation: 180 as 0 }
    )
    const err = await renderPdf(label, options).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(InvalidLabelError)
    expect((err as InvalidLabelError).code).toBe('INVALID_LABEL')
    expect((err as InvalidLabelError).issues.map((i) => [i.path, i.rule])).toEqual([
      ['elements[0].x', 'whole_dots'],
      ['elements[1]', 'inside_label'],
      ['elements[2]', 'barcode_box'],
      ['elements[3].rotation', 'enum']
    ])
  })

  it('rejects bytes that are not a font', async () => {
    const err = await renderPdf(blankLabel(203), { fontBytes: new Uint8Array(100) }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(PdfFontError)
    expect(err).toMatchObject({ code: 'INVALID_FONT' })
  })

  it('draws an empty label as a blank page', async () => {
    const doc = await PDFDocument.load(await renderPdf(blankLabel(203), options))
    expect(doc.getPageCount()).toBe(1)
    expect(rectangles(pageContent(doc))).toEqual([])
  })
})
