// What the PDF looks like when rasterised at the label's density (pdfjs, one pixel per printer dot): the barcode
// reads back and sits on its computed dot edges, text stays in its boxes, and everything lands where the ZPL
// renderer (zebrash, same label, same font downloaded with ~DU) puts it.
import { beforeAll, describe, expect, it } from 'vitest'
import type { BarcodeElement, BoxElement, Label, TextElement } from '../../../src/model/label.ts'
import { renderPdf } from '../../../src/render/pdf/index.ts'
import { renderZpl, zplFontDownload } from '../../../src/render/zpl/index.ts'
import { decodeCode128, measureBars, type Run } from '../../support/decode-barcode.ts'
import { rasterizePdfToGray } from '../../support/pdf-raster.ts'
import { pngToGray, renderZplToPng, type GrayImage } from '../../support/zpl-render.ts'
import { inkBox } from './ink.ts'
import { fontModeOptions } from '../zpl/labels.ts'
import { BARCODE_DATA, FONT_BYTES, FONT_PATH, overshootDots, sampleLabel } from './labels.ts'

const FONT_DOWNLOAD = zplFontDownload(FONT_BYTES, FONT_PATH)

/** Dot positions where ink starts or stops along the barcode, as computed from the pattern. */
function expectedEdges (barcode: BarcodeElement): number[] {
  let at = barcode.rotation === 90 ? barcode.y : barcode.x
  const edges = [at]
  for (const modules of barcode.symbol.pattern) {
    at += modules * barcode.moduleWidth
    edges.push(at)
  }
  return edges
}

/** Ink edges along the middle of the bars, between the outer ends of the quiet zones. */
function measuredEdges (gray: GrayImage, barcode: BarcodeElement): number[] {
  const quiet = barcode.quietZoneModules * barcode.moduleWidth
  const middle = Math.floor(barcode.barHeight / 2)
  const runs: Run[] = barcode.rotation === 90
    ? measureBars(gray, { column: barcode.x + middle, from: barcode.y - quiet, to: barcode.y + barcode.height + quiet })
    : measureBars(gray, { row: barcode.y + middle, from: barcode.x - quiet, to: barcode.x + barcode.width + quiet })
  return runs.slice(1).map((r) => r.start).concat(runs.length > 0 ? [(runs.at(-1) as Run).start + (runs.at(-1) as Run).length] : [])
}

/** Ink box of a text element, looking `margin` dots around its box. */
function textInk (gray: GrayImage, el: TextElement, margin = 8) {
  return inkBox(gray, el.x - margin, el.y - margin, el.x + el.width + margin, el.y + el.height + margin)
}

describe.each([[203, 0], [203, 90], [300, 0], [300, 90]] as const)('label at %i dpi, barcode rotated %i°', (dpi, rotation) => {
  let label: Label
  let barcode: BarcodeElement
  let texts: TextElement[]
  let boxes: BoxElement[]
  let pdf: GrayImage
  let zpl: GrayImage

  beforeAll(async () => {
    ({ label, barcode, texts, boxes } = sampleLabel(dpi, rotation))
    pdf = await rasterizePdfToGray(await renderPdf(label, { fontBytes: FONT_BYTES }), { dpi })
    zpl = await pngToGray(await renderZplToPng(FONT_DOWNLOAD + renderZpl(label, fontModeOptions()), { dpi }))
  })

  it('rasterises to exactly the label in dots', () => {
    expect([pdf.width, pdf.height]).toEqual([label.widthDots, label.heightDots])
    expect([zpl.width, zpl.height]).toEqual([label.widthDots, label.heightDots])
  })

  it('draws a barcode that decodes to its data, once', async () => {
    expect(await decodeCode128(pdf)).toEqual([expect.objectContaining({ text: BARCODE_DATA, count: 1 })])
  })

  it('puts every bar edge within 1 dot of the computed pattern, with clear quiet zones', () => {
    const expected = expectedEdges(barcode)
    const measured = measuredEdges(pdf, barcode)
    // The scan covers quiet zone, bars, quiet zone: one edge more than the pattern has elements, and the end.
    expect(measured).toHaveLength(expected.length + 1)
    measured.slice(0, -1).forEach((edge, i) => expect(Math.abs(edge - (expected[i] as number))).toBeLessThanOrEqual(1))
    const bars = measureBars(pdf, barcode.rotation === 90
      ? { column: barcode.x + 5, from: barcode.y,
          to: barcode.y + barcode.height }
      : { row: barcode.y + 5, from: barcode.x, to: barcode.x + barcode.width })
    expect(Math.min(...bars.map((r) => r.length))).toBe(barcode.moduleWidth)
  })

  it('draws the bars where the ZPL renderer does, within 1 dot', () => {
    const fromPdf = measuredEdges(pdf, barcode)
    const fromZpl = measuredEdges(zpl, barcode)
    expect(fromPdf).toHaveLength(fromZpl.length)
    fromPdf.forEach((edge, i) => expect(Math.abs(edge - (fromZpl[i] as number))).toBeLessThanOrEqual(1))
    const pdfInk = inkBox(pdf, barcode.x - 4, barcode.y - 4, barcode.x + barcode.width + 4, barcode.y + barcode.height + 4)
    expect(pdfInk).toMatchObject({ left: barcode.x, top: barcode.y, right: barcode.x + barcode.width - 1, bottom: barcode.y + barcode.height - 1 })
  })

  it('keeps each text inside its box (±2 dots) and within 3 dots of the ZPL text', () => {
    for (const el of texts) {
      const ink = textInk(pdf, el)
      expect(ink.empty, el.text).toBe(false)
      // Letter tops face up (rotation 0) or right (90); marks on capitals may stand above the box by design.
      const over = overshootDots(el.text, el.fontHeight)
      expect(ink.left, el.text).toBeGreaterThanOrEqual(el.x - 2)
      expect(ink.top, el.text).toBeGreaterThanOrEqual(el.y - 2 - (el.rotation === 0 ? over : 0))
      expect(ink.right, el.text).toBeLessThanOrEqual(el.x + el.width - 1 + 2 + (el.rotation === 90 ? over : 0))
      expect(ink.bottom, el.text).toBeLessThanOrEqual(el.y + el.height - 1 + 2)
      const ref = textInk(zpl, el)
      for (const side of ['left', 'top', 'right', 'bottom'] as const) {
        expect(Math.abs(ink[side] - ref[side]), `${el.text} ${side}: pdf ${ink[side]}, zpl ${ref[side]}`).toBeLessThanOrEqual(3)
      }
    }
  })

  it('draws frames and rules on whole dots, as the ZPL renderer does', () => {
    const [frame, rule] = boxes as [BoxElement, BoxElement]
    // Frame: a scan across the middle of the label crosses its left and right sides, each `thickness` wide.
    const across = measureBars(pdf, { row: Math.floor(label.heightDots * 0.9), from: 0, to: label.widthDots })
    const sides = across.filter((r) => r.dark)
    expect(sides.map((r) => [r.start, r.length])).toEqual([[frame.x, frame.thickness], [frame.x + frame.width - frame.thickness, frame.thickness]])
    const down = measureBars(pdf, { column: Math.floor(label.widthDots / 2) - 1, from: 0, to: rule.y + 20 })
    expect(down.filter((r) => r.dark).map((r) => [r.start, r.length])).toEqual([[frame.y, frame.thickness], [rule.y, rule.height]])
    const zplDown = measureBars(zpl, { column: Math.floor(label.widthDots / 2) - 1, from: 0, to: rule.y + 20 })
    expect(zplDown.filter((r) => r.dark).map((r) => [r.start, r.length])).toEqual([[frame.y, frame.thickness], [rule.y, rule.height]])
  })
})
