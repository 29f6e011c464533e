// Hand-built positioned labels for the PDF renderer tests (layout is another stage): text in several scripts at
// rotation 0 and 90, a frame and a rule, and the 15-digit Code128 at the minimum module (2 dots at 203 dpi,
// 3 at 300), horizontal or rotated. Positions are in inches so both densities get the same design.
import { readFileSync } from 'node:fs'
import fontkit from '@pdf-lib/fontkit'
import { encodeCode128 } from '../../../src/barcode/code128.ts'
import { QUIET_ZONE_MODULES } from '../../../src/barcode/fit.ts'
import { TEXT_BASELINE_RATIO } from '../../../src/render/zpl/index.ts'
import type { BarcodeElement, BoxElement, Label, Rotation, TextElement } from '../../../src/model/label.ts'
import { inchesToDots, labelSizeDots, type Dpi } from '../../../src/units.ts'

export const FONT_BYTES = readFileSync(new URL('../../../fonts/RobotoCondensed-Bold.ttf', import.meta.url))
export const FONT_PATH = 'E:LWSANS.TTF'
export const BARCODE_DATA = '123456789012345'

const face = fontkit.create(FONT_BYTES)

/** Advance of `text` in dots with `^A@…,h,w` (the em is h dots high, stretched across to w). */
export function advanceDots (text: string, fontWidth: number): number {
  let units = 0
  for (const ch of text) units += face.glyphForCodePoint(ch.codePointAt(0) as number).advanceWidth
  return Math.ceil((units / face.unitsPerEm) * fontWidth)
}

/**
 * How far the tallest glyph of `text` reaches above the top of its box: the box puts the baseline at 0.75 of
 * the font height (TEXT_BASELINE_RATIO), and marks on capitals (Å, Ż) stand higher than that.
 */
export function overshootDots (text: string, fontHeight: number): number {
  let top = 0
  for (const ch of text) top = Math.max(top, face.glyphForCodePoint(ch.codePointAt(0) as number).bbox.maxY)
  return Math.max(0, Math.ceil((top / face.unitsPerEm) * fontHeight) - Math.round(fontHeight * TEXT_BASELINE_RATIO))
}

/** A text element whose box is its advance long and `fontHeight` high (before rotation). */
export function textAt (x: number, y: number, text: string, fontHeight: number, fontWidth = fontHeight, rotation: Rotation = 0, field = 'test.text'): TextElement {
  const advance = advanceDots(text, fontWidth)
  const [width, height] = rotation === 90 ? [fontHeight, advance] : [advance, fontHeight]
  return { kind: 'text', x, y, width, height, text, fontHeight, fontWidth, rotation, field }
}

/** An empty 4x6 label (or other size in inches). */
export function blankLabel (dpi: Dpi, widthIn = 4, heightIn = 6): Label {
  const size = labelSizeDots(dpi, widthIn, heightIn)
  return { dpi, widthDots: size.width, heightDots: size.height, elements: [], warnings: [], trackingCode: BARCODE_DATA, template: 'test' }
}

/** The 15-digit Code128 with its first bar at (x, y), at the minimum module of the density. */
export function barcodeAt (dpi: Dpi, x: number, y: number, rotation: Rotation): BarcodeElement {
  const symbol = encodeCode128(BARCODE_DATA)
  const moduleWidth = dpi === 203 ? 2 : 3
  const barHeight = inchesToDots(0.75, dpi)
  const length = symbol.totalModules * moduleWidth
  const [width, height] = rotation === 90 ? [barHeight, length] : [length, barHeight]
  return { kind: 'barcode', x, y, width, height, moduleWidth, barHeight, rotation, quietZoneModules: QUIET_ZONE_MODULES, symbol }
}

/** A label exercising every element kind; `rotation` turns the barcode and half of the text. */
export function sampleLabel (dpi: Dpi, rotation: Rotation): { label: Label, barcode: BarcodeElement, texts: TextElement[], boxes: BoxElement[] } {
  const d = (inches: number): number => inchesToDots(inches, dpi)
  const label = blankLabel(dpi)
  const frame = d(0.03)
  const boxes: BoxElement[] = [
    { kind: 'box', x: d(0.05), y: d(0.05), width: label.widthDots - 2 * d(0.05), height: label.heightDots - 2 * d(0.05), thickness: frame },
    { kind: 'box', x: d(0.15), y: d(1.3), width: label.widthDots - 2 * d(0.15), height: frame, thickness: frame }
  ]
  const texts: TextElement[] = [
    textAt(d(0.2), d(0.2), 'Zażółć gęślą jaźń', d(0.2), d(0.2), 0, 'recipient.name'),
    textAt(d(0.2), d(0.5), 'Ελληνικά Κρήτη', d(0.18), d(0.14), 0, 'recipient.company'),
    textAt(d(0.2), d(0.8), 'Привет, Москва', d(0.18), d(0.18), 0, 'recipient.address_lines.0'),
    textAt(d(0.2), d(1.05), 'Café Müller, Åsa Øst', d(0.12), d(0.09), 0, 'recipient.city')
  ]
  let barcode: BarcodeElement
  if (rotation === 90) {
    barcode = barcodeAt(dpi, d(2.9), d(1.6), 90)
    texts.push(
      textAt(d(2.5), d(1.6), BARCODE_DATA, d(0.2), d(0.2), 90, 'tracking_code'),
      textAt(d(1.2), d(1.6), 'Jörg Ångström', d(0.25), d(0.2), 90, 'shipper.name'),
      textAt(d(0.6), d(1.6), 'Ref# Łódź 42', d(0.15), d(0.15), 90, 'references.0')
    )
  } else {
    barcode = barcodeAt(dpi, d(0.5), d(2.0), 0)
    texts.push(
      textAt(d(0.5), d(2.9), BARCODE_DATA, d(0.2), d(0.2), 0, 'tracking_code'),
      textAt(d(0.2), d(3.5), 'Jörg Ångström', d(0.25), d(0.2), 0, 'shipper.name'),
      textAt(d(2.8), d(4.2), 'Ref# 42', d(0.3), d(0.3), 90, 'references.0')
    )
  }
  label.elements.push(...boxes, ...texts, barcode)
  return { label, barcode, texts, boxes }
}
