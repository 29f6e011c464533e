// What every element drawer writes into: one page's content stream in PDF points (y up), built from dots.
import { dotsToPoints, topDotsToPdfY, type Dpi } from '../../units.ts'
import type { FontSubset } from './font-subset.ts'
import type { PdfFonts } from './pdf-fonts.ts'

/** Resource name of the label font on every page. */
export const FONT_RESOURCE = 'F1'

/** Four decimals of a point is 1/3000 of a dot at 300 dpi: edges stay on the whole-dot grid when rasterised. */
const PRECISION = 1e4

/** A number as content-stream text: at most four decimals, never exponent notation or "-0". */
export function num (n: number): string {
  const r = Math.round(n * PRECISION) / PRECISION
  return r === 0 ? '0' : String(r)
}

/** One page being drawn: coordinate conversion for its density and the content stream so far. */
export class PageCanvas {
  readonly dpi: Dpi
  /** The label font's subset. */
  readonly font: FontSubset
  /** Every font the page may use (shaped text names fallback fonts by index). */
  readonly fonts: PdfFonts
  /** Page height in points; PDF y is measured up from the bottom. */
  readonly heightPt: number
  private content = ''

  constructor (dpi: Dpi, heightDots: number, fonts: PdfFonts) {
    this.dpi = dpi
    this.fonts = fonts
    this.font = fonts.primary
    this.heightPt = dotsToPoints(heightDots, dpi)
  }

  /** Appends content-stream operators. */
  write (operators: string): void {
    this.content += operators
  }

  /** Points from the left edge of a dot column. */
  x (dots: number): string {
    return num(dotsToPoints(dots, this.dpi))
  }

  /** PDF y (points from the bottom) of the top edge of dot row `dots`. */
  y (dots: number): string {
    return num(topDotsToPdfY(dots, 0, this.heightPt, this.dpi))
  }

  /** A length in points. */
  length (dots: number): string {
    return num(dotsToPoints(dots, this.dpi))
  }

  /** Adds a rectangle in whole dots (top-left x, y; y down) to the current path; fill it with `f`. */
  rect (x: number, y: number, width: number, height: number): void {
    this.content += `${this.x(x)} ${num(topDotsToPdfY(y, height, this.heightPt, this.dpi))} ${this.length(width)} ${this.length(height)} re\n`
  }

  /** The finished content stream. */
  contentBytes (): Uint8Array {
    return Buffer.from(this.content, 'latin1')
  }
}
