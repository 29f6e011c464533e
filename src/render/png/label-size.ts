// Label size in dots for the densities Labelary names in dots per millimetre. Printers sold as "8 dpmm" are
// 203 dpi heads and Labelary sizes its images by those dpi (4x6 in at 8 dpmm is 812×1218, at 12 dpmm
// 1200×1800), not by 25.4 × dpmm; src/units.ts covers 203/300 dpi only, so 152 and 600 dpi are named here.

/** Densities accepted by Labelary and by our Labelary-compatible endpoint. */
export type Dpmm = 6 | 8 | 12 | 24

/** Clockwise rotation of the output image, as Labelary's `X-Rotation` header. */
export type Rotation = 0 | 90 | 180 | 270

export const DPMM_VALUES: readonly Dpmm[] = [6, 8, 12, 24]
export const ROTATIONS: readonly Rotation[] = [0, 90, 180, 270]

const DPI_OF_DPMM: Readonly<Record<Dpmm, number>> = { 6: 152, 8: 203, 12: 300, 24: 600 }

/** Labelary's largest label side, in inches. */
export const MAX_LABEL_INCHES = 15

/** Width and height in whole dots of a label of the given size in inches. */
export function labelDots (dpmm: Dpmm, widthIn: number, heightIn: number): { width: number, height: number } {
  const dpi = DPI_OF_DPMM[dpmm]
  return { width: Math.max(1, Math.round(widthIn * dpi)), height: Math.max(1, Math.round(heightIn * dpi)) }
}

/** Narrows a number to a supported density. */
export function isDpmm (n: number): n is Dpmm {
  return (DPMM_VALUES as readonly number[]).includes(n)
}
