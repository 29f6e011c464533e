// The only place that converts between physical units, printer dots and PDF points.
// Everything else speaks dots at the label's density.

/** Print densities the service lays labels out for. */
export type Dpi = 203 | 300

export const SUPPORTED_DPI: readonly Dpi[] = [203, 300]

/** Dots per millimetre as printers and Labelary name densities (203 dpi is "8 dpmm", 300 dpi is "12 dpmm"). */
export function dpmmOf (dpi: Dpi): 8 | 12 {
  return dpi === 203 ? 8 : 12
}

/** Inches to whole dots at a density, rounding to the nearest dot. */
export function inchesToDots (inches: number, dpi: Dpi): number {
  return Math.round(inches * dpi)
}

/** Dots to PDF points (1/72 in) at a density. */
export function dotsToPoints (dots: number, dpi: Dpi): number {
  return (dots * 72) / dpi
}

/** Size of a 4x6 in label in dots; 203 dpi gives 812×1218, 300 dpi gives 1200×1800. */
export function labelSizeDots (dpi: Dpi, widthIn = 4, heightIn = 6): { width: number, height: number } {
  return { width: inchesToDots(widthIn, dpi), height: inchesToDots(heightIn, dpi) }
}

/** PDF y axis points up from the bottom; our dots grow down from the top. */
export function topDotsToPdfY (topDots: number, heightDots: number, pageHeightPt: number, dpi: Dpi): number {
  return pageHeightPt - dotsToPoints(topDots + heightDots, dpi)
}

export const POUNDS_PER_KILOGRAM = 2.2046226218
export const GRAMS_PER_POUND = 453.59237
export const OUNCES_PER_POUND = 16
export const CENTIMETRES_PER_INCH = 2.54
