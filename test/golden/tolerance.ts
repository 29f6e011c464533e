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
 * A different ZPL renderer than the golden's (real Labelary against zebrash goldens). The goldens are the
 * service's default, self-contained ZPL: every text is a ^GFA graphic, drawn bit for bit by any renderer, and the
 * rest is whole-dot rectangles (^GB) and Code128 bars (^BC) at whole-dot module widths. No glyph is rasterised
 * by the renderer, so there is no cross-renderer text tolerance: budget 0, and any difference is a real one to
 * look at in the diff image. (With the label font installed and `text: "font"`, two TrueType rasterisers differed
 * by up to 0.6 % of the label; that mode has no goldens.) Labelary itself has not been compared from here: there is
 * no route to it from this network.
 */
export const CROSS_RENDERER: Tolerance = {
  ppm: 0,
  why: 'different renderer, but text is graphics drawn bit for bit and bars and boxes are whole-dot rectangles: no tolerance'
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
