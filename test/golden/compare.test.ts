// The golden suite's own machinery on synthetic 1-bit images: comparison, regions, element lookup,
// barcode measurement and ZPL/PDF agreement must catch what they claim to catch.
import { describe, expect, it } from 'vitest'
import { encodeCode128 } from '../../src/barcode/code128.ts'
import type { BarcodeElement, Label, TextElement } from '../../src/model/label.ts'
import type { GrayImage } from '../support/zpl-render.ts'
import { barEdgeDisagreements, textInkAmountDisagreements, textInkDisagreements } from './agreement.ts'
import { measureBarcode } from './barcode-measure.ts'
import { encodeBitmapPng, INK, PAPER, toLabelBitmap } from './bitmap.ts'
import { compareImages } from './compare.ts'
import { describeRegion } from './elements.ts'
import { pixelBudget, toleranceFor } from './tolerance.ts'

function blank (width = 200, height = 100): GrayImage {
  return { width, height, data: new Uint8Array(width * height).fill(PAPER) }
}

function fill (img: GrayImage, left: number, top: number, right: number, bottom: number, value = INK): GrayImage {
  for (let y = top; y < bottom; y++) img.data.fill(value, y * img.width + left, y * img.width + right)
  return img
}

function copy (img: GrayImage): GrayImage {
  return { ...img, data: img.data.slice() }
}

const text: TextElement = {
  kind: 'text', x: 20, y: 10, width: 60, height: 20, text: 'Jordan', fontHeight: 20, fontWidth: 20, rotation: 0, field: 'recipient.name'
}

function label (...elements: Label['elements']): Label {
  return { dpi: 203, widthDots: 200, heightDots: 100, elements, warnings: [], trackingCode: 'X', template: 't' }
}

describe('compareImages', () => {
  it('counts every differing pixel and finds separate regions in reading order', () => {
    const golden = fill(blank(), 20, 10, 80, 30)
    const actual = fill(fill(copy(golden), 150, 60, 160, 70), 20, 10, 22, 30)
    for (let y = 10; y < 30; y++) actual.data.fill(PAPER, y * 200 + 20, y * 200 + 22)
    fill(actual, 100, 5, 103, 7)
    const result = compareImages(golden, actual)
    expect(result.mismatched).toBe(40 + 100 + 6)
    expect(result.regions).toEqual([
      { left: 100, top: 5, right: 103, bottom: 7 },
      { left: 20, top: 10, right: 22, bottom: 30 },
      { left: 150, top: 60, right: 160, bottom: 70 }
    ])
    const [, second, third] = result.regions
    if (second === undefined || third === undefined) throw new Error('regions missing')
    expect(describeRegion(label(text), second)).toBe('text recipient.name "Jordan"')
    expect(describeRegion(label(text), third)).toMatch(/no label element/)
  })

  it('colours missing ink red and added ink green in the diff', () => {
    const golden = fill(blank(), 0, 0, 1, 1)
    const actual = fill(blank(), 1, 0, 2, 1)
    const { diff, mismatched } = compareImages(golden, actual)
    expect(mismatched).toBe(2)
    expect([...diff.subarray(0, 3)]).toEqual([220, 0, 0])
    expect([...diff.subarray(4, 7)]).toEqual([0, 170, 0])
  })

  it('reports identical images as 0 with no regions', () => {
    const img = fill(blank(), 5, 5, 50, 50)
    expect(compareImages(img, copy(img))).toMatchObject({ mismatched: 0, regions: [] })
  })
})

describe('1-bit PNG round trip', () => {
  it('keeps every pixel and crops or pads to the label size from the top-left corner', async () => {
    const img = fill(blank(), 3, 4, 50, 60)
    const png = await encodeBitmapPng(img)
    expect(png.length).toBeLessThan(1000)
    expect((await toLabelBitmap(png, 200, 100)).data).toEqual(img.data)
    const padded = await toLabelBitmap(png, 210, 90)
    expect([padded.width, padded.height, padded.sourceWidth, padded.sourceHeight]).toEqual([210, 90, 200, 100])
    expect(padded.data[4 * 210 + 3]).toBe(INK)
    expect(padded.data[4 * 210 + 205]).toBe(PAPER)
  })
})

describe('tolerance', () => {
  it('is zero for zebrash against itself and for another ZPL renderer (text is graphics), a few pixels for pdfjs', () => {
    const zebrash = { name: 'zebrash', version: 'zpl-renderer-js 3.4.0' }
    const pdfjs = { name: 'pdfjs', version: 'x' }
    expect(pixelBudget(toleranceFor(zebrash, zebrash), 812, 1218)).toBe(0)
    expect(pixelBudget(toleranceFor(zebrash, { name: 'labelary', version: 'x' }), 812, 1218)).toBe(0)
    expect(pixelBudget(toleranceFor(pdfjs, pdfjs), 812, 1218)).toBeGreaterThan(0)
  })
})

describe('barcode measurement and agreement', () => {
  const symbol = encodeCode128('123456789012345')
  const m = 2
  const barcode: BarcodeElement = {
    kind: 'barcode', x: 30, y: 20, width: symbol.totalModules * m, height: 40, moduleWidth: m, barHeight: 40,
    rotation: 0, quietZoneModules: 10, symbol
  }
  function draw (shift = 0, width = 312): GrayImage {
    const img = blank(width, 100)
    let x = barcode.x + shift
    symbol.pattern.forEach((w, i) => {
      if (i % 2 === 0) fill(img, x, barcode.y, x + w * m, barcode.y + 40)
      x += w * m
    })
    return img
  }

  it('measures module, pattern and quiet zones from the image', () => {
    const measured = measureBarcode(draw(), barcode)
    expect(measured).toMatchObject({ moduleDots: 2, patternMatches: true, quietBeforeDots: 30, inkInQuietZones: 0 })
    expect(measured?.quietAfterDots).toBe(312 - 30 - symbol.totalModules * m)
  })

  it('sees ink in a quiet zone', () => {
    const img = fill(draw(), 15, 30, 17, 35)
    expect(measureBarcode(img, barcode)?.inkInQuietZones).toBe(10)
  })

  it('accepts bars 1 dot apart and rejects 2', () => {
    const base = measureBarcode(draw(), barcode)
    const one = measureBarcode(draw(1), barcode)
    const two = measureBarcode(draw(2), barcode)
    if (base === undefined || one === undefined || two === undefined) throw new Error('barcode not measured')
    expect(barEdgeDisagreements(base, one)).toEqual([])
    expect(barEdgeDisagreements(base, two)).toHaveLength(symbol.pattern.length)
  })

  it('compares text ink boxes within 3 dots, ignoring a neighbouring rule', () => {
    const rule = { kind: 'box' as const, x: 0, y: 31, width: 200, height: 2, thickness: 2 }
    const l = label(text, rule)
    const zpl = fill(fill(blank(), 22, 12, 78, 28), 0, 31, 200, 33)
    expect(textInkDisagreements(l, zpl, fill(fill(blank(), 24, 14, 80, 30), 0, 31, 200, 33))).toEqual([])
    expect(textInkDisagreements(l, zpl, fill(fill(blank(), 26, 12, 78, 28), 0, 31, 200, 33))[0]).toMatch(/recipient.name "Jordan".*off by 4 dots/)
    expect(textInkDisagreements(l, zpl, blank())[0]).toMatch(/ink only in the ZPL render/)
  })

  it('compares the amount of text ink within 6 %: a hole where strokes cross is caught though the ink box is the same', () => {
    const rule = { kind: 'box' as const, x: 0, y: 31, width: 200, height: 2, thickness: 2 }
    const l = label(text, rule)
    const solid = fill(fill(blank(), 22, 12, 78, 28), 0, 31, 200, 33) // 56×16 = 896 dots of text ink
    // 40 dots less (4.5 %) passes; 64 less (7.1 %) does not, and both keep the box, so only the amount tells.
    const smallHole = fill(fill(fill(blank(), 22, 12, 78, 28), 40, 16, 50, 20, PAPER), 0, 31, 200, 33)
    const bigHole = fill(fill(fill(blank(), 22, 12, 78, 28), 40, 16, 48, 24, PAPER), 0, 31, 200, 33)
    expect(textInkDisagreements(l, solid, bigHole)).toEqual([])
    expect(textInkAmountDisagreements(l, solid, smallHole)).toEqual([])
    expect(textInkAmountDisagreements(l, solid, bigHole)).toEqual(['recipient.name "Jordan": 896 dots of ink in ZPL, 832 in PDF (7.7 % apart)'])
  })
})
