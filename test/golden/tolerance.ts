// How many pixels of a 1-bit label image may differ from its golden, per renderer. Expressed in parts per
// million of the label's area so one number serves 203 dpi (989,016 px) and 300 dpi (2,160,000 px).
import type { RendererInfo } from './manifest.ts'

/** A mismatch budget and the reason for it. */
export interface Tolerance {
  /** Differing pixels allowed, per million pixels of the label. */
  ppm: number
  why: string
}

/**
 * Renderer that drew the golden and renderer that drew the new image are the same program:
 * - zebrash (zpl-renderer-js, Go compiled to WebAssembly) rasterises with integer arithmetic and no
 *   anti-aliasing, so the same ZPL gives the same pixels on every machine: budget 0.
 * - pdfjs-dist painting on @napi-rs/canvas (Skia) anti-aliases glyph and bar edges before we threshold; Skia
 *   picks SIMD paths by CPU, so an edge pixel at ~50 % coverage can flip on another machine: a few dozen
 *   pixels (10 ppm ≈ 10 px at 203 dpi, 22 px at 300 dpi), far below one glyph (≈ 300 px).
 */
export const SAME_RENDERER: Readonly<Record<string, Tolerance>> = {
  zebrash: { ppm: 0, why: 'zebrash (WebAssembly, no anti-aliasing) is deterministic' },
  pdfjs: { ppm: 10, why: 'Skia anti-aliasing may flip isolated edge pixels across CPUs after thresholding' }
}

/**
 * A different ZPL renderer than the golden's (real Labelary against zebrash goldens): the same layout, but
 * another TrueType rasteriser for the downloaded font (hinting, stem widths, fill rule, baseline rounding), so
 * glyph edges move by a dot. Measured proxy, two rasterisers of the same label at the same density: zebrash
 * against pdfjs differs by 328–2,556 ppm over the 24 golden cases (`npm run golden:report` prints the range);
 * it was 958–6,089 before the label font lost its overlapping contours, which the two fill differently. The
 * budget, 10,000 ppm (1 % of the label: 9,890 px at 203 dpi, 21,600 at 300), was set at 1.6 times that older
 * worst and is kept, because Labelary itself has never been compared from here (no route to it) and may hint
 * glyphs that neither of ours does. It does not have to catch a missing small line of text (≈ 700 px):
 * the agreement checks run on the other renderer's image too and hold every text element's ink to ±3 dots and
 * every bar edge to ±1 dot of our PDF, and the scan checks decode and measure the barcode exactly.
 */
export const CROSS_RENDERER: Tolerance = {
  ppm: 10_000,
  why: 'different renderer: glyph edges rasterised differently (budget ≈ 1.6 × the zebrash-vs-pdfjs difference); elements are held in place by the agreement checks'
}

/** The budget for comparing an image from `actual` against a golden drawn by `golden`. */
export function toleranceFor (golden: RendererInfo, actual: RendererInfo): Tolerance {
  if (golden.name === actual.name) {
    const same = SAME_RENDERER[actual.name]
    if (same !== undefined) return same
  }
  return CROSS_RENDERER
}

/** The budget in pixels for an image of `width`×`height`. */
export function pixelBudget (tolerance: Tolerance, width: number, height: number): number {
  return Math.floor((tolerance.ppm * width * height) / 1e6)
}
