// The positioned label: one model for every output. Coordinates are whole dots at the label's density,
// origin at the top-left corner of the label, x to the right, y down.
import type { Dpi } from '../units.ts'
import type { LabelWarning } from './label-data.ts'
import type { Code128Symbol } from '../barcode/code128-symbol.ts'

/** Clockwise rotation of an element, as ZPL's N (0) and R (90). */
export type Rotation = 0 | 90

/**
 * A glyph of shaped text, placed on its line. Units are ems of the line's font (x scaled by fontWidth, y by
 * fontHeight), x to the right from the line's start, y up from the baseline.
 */
export interface PlacedGlyph {
  /** Index of the font in the label's text fonts: 0 is the label font, then the fallback fonts. */
  font: number
  id: number
  x: number
  y: number
  /** UTF-16 index in the element's text of the first character this glyph draws. */
  cluster: number
}

/** One line of text. */
export interface TextElement {
  kind: 'text'
  /** Top-left of the element's bounding box on the label (as ZPL ^FO). */
  x: number
  y: number
  /** Width and height of the bounding box after rotation: width = advance, height = font height (unrotated). */
  width: number
  height: number
  text: string
  /** Font cell height and width in dots, as ZPL `^A@N,h,w`. */
  fontHeight: number
  fontWidth: number
  rotation: Rotation
  /** Template field this text came from, for warnings and tests. */
  field: string
  /**
   * Glyphs in visual order, for text that needs shaping or fallback fonts (other scripts, right-to-left).
   * Absent for text the label font prints glyph by glyph at its advances, as a printer's `^A@` does.
   */
  glyphs?: readonly PlacedGlyph[]
}

/** A filled or outlined rectangle; a line is a box as thick as it is high or wide. */
export interface BoxElement {
  kind: 'box'
  x: number
  y: number
  width: number
  height: number
  /** Border thickness in dots; equal to the smaller side for a solid bar. */
  thickness: number
}

/** A Code128 symbol drawn bar for bar from its computed module pattern. */
export interface BarcodeElement {
  kind: 'barcode'
  /** Top-left of the first bar (quiet zones lie outside this box and are kept free by layout). */
  x: number
  y: number
  /** Bounding box of the bars after rotation. */
  width: number
  height: number
  /** Module (narrowest bar) width in whole dots. */
  moduleWidth: number
  /** Bar length in dots (the dimension across the bars). */
  barHeight: number
  rotation: Rotation
  /** Quiet zone kept free on each side, in modules. */
  quietZoneModules: number
  symbol: Code128Symbol
}

/** Any positioned element. */
export type LabelElement = TextElement | BoxElement | BarcodeElement

/** A fully laid-out label, ready for any renderer. */
export interface Label {
  dpi: Dpi
  widthDots: number
  heightDots: number
  elements: LabelElement[]
  warnings: LabelWarning[]
  /** The value the barcode encodes. */
  trackingCode: string
  template: string
}
