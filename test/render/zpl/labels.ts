// Hand-built test labels (layout is another stage): a barcode with its human-readable line, and text lines.
import { encodeCode128 } from '../../../src/barcode/code128.ts'
import { chooseModuleWidth, MIN_BAR_HEIGHT_INCHES, QUIET_ZONE_MODULES, quietZoneDots } from '../../../src/barcode/fit.ts'
import type { BarcodeElement, Label, LabelElement, Rotation, TextElement } from '../../../src/model/label.ts'
import { inchesToDots, type Dpi } from '../../../src/units.ts'
import { readFileSync } from 'node:fs'
import { labelGlyphFont, TextRasterizer } from '../../../src/render/bitmap/index.ts'
import type { ZplOptions } from '../../../src/render/zpl/index.ts'

export const FONT_PATH = 'E:LWSANS.TTF'

/** An empty label of the given size in inches. */
export function emptyLabel (dpi: Dpi, elements: LabelElement[] = [], widthIn = 4, heightIn = 6): Label {
  return {
    dpi, widthDots: inchesToDots(widthIn, dpi), heightDots: inchesToDots(heightIn, dpi),
    elements, warnings: [], trackingCode: 'TEST', template: 'test'
  }
}

/** A text element whose box is `fontHeight` high (unrotated) and `advance` long. */
export function textElement (x: number, y: number, text: string, fontHeight: number, advance: number, rotation: Rotation = 0): TextElement {
  const [width, height] = rotation === 90 ? [fontHeight, advance] : [advance, fontHeight]
  return { kind: 'text', x, y, width, height, text, fontHeight, fontWidth: fontHeight, rotation, field: 'test' }
}

/**
 * A label (4x6 unless told) with one barcode at 0.5 in from the top (N) or left (R), with the widest module
 * that fits between 0.1 in margins, its quiet zones inside the label.
 */
export function barcodeLabel (data: string, dpi: Dpi, rotation: Rotation, widthIn = 4, heightIn = 6): { label: Label, barcode: BarcodeElement } {
  const symbol = encodeCode128(data)
  const label = emptyLabel(dpi, [], widthIn, heightIn)
  const along = rotation === 90 ? label.heightDots : label.widthDots
  const margin = inchesToDots(0.1, dpi)
  const moduleWidth = chooseModuleWidth(symbol.totalModules, along - 2 * margin, dpi)
  if (moduleWidth === undefined) throw new Error(`${data} does not fit at ${dpi} dpi`)
  const barHeight = inchesToDots(MIN_BAR_HEIGHT_INCHES, dpi)
  const length = symbol.totalModules * moduleWidth
  const start = margin + quietZoneDots(moduleWidth)
  const across = inchesToDots(0.5, dpi)
  const barcode: BarcodeElement = {
    kind: 'barcode', moduleWidth, barHeight, rotation, quietZoneModules: QUIET_ZONE_MODULES, symbol,
    ...(rotation === 90
      ? { x: across, y: start, width: barHeight, height: length }
      : { x: start, y: across, width: length, height: barHeight })
  }
  label.elements.push(barcode)
  return { label, barcode }
}

const LABEL_FONT_BYTES = new Uint8Array(readFileSync(new URL('../../../fonts/RobotoCondensed-Bold.ttf', import.meta.url)))

/** ZPL options for text in the label font stored on the printer at `fontPath` (`text: "font"`). */
export function fontModeOptions (fontPath = FONT_PATH, fontBytes: Uint8Array = LABEL_FONT_BYTES): ZplOptions {
  return { fontPath, text: 'font', glyphs: new TextRasterizer(labelGlyphFont(fontBytes)) }
}

/** ZPL options for self-contained labels, every text a graphic (the default). */
export function graphicModeOptions (fontBytes: Uint8Array = LABEL_FONT_BYTES): ZplOptions {
  return { ...fontModeOptions(FONT_PATH, fontBytes), text: 'graphic' }
}
