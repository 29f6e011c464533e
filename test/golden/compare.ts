// Golden comparison: pixelmatch over two thresholded label images, a red/green diff image, and the
// differing regions (first one first) so a failure points at a place on the label.
import pixelmatch from 'pixelmatch'
import { toRgba, type GrayImage } from '../support/zpl-render.ts'
import { INK, type Rect } from './bitmap.ts'

/** Ink only in the golden (missing from the new render). */
export const MISSING_INK_COLOR: [number, number, number] = [220, 0, 0]
/** Ink only in the new render (added since the golden). */
export const ADDED_INK_COLOR: [number, number, number] = [0, 170, 0]

/** What a comparison found. */
export interface ImageComparison {
  /** Pixels that differ (pixelmatch's count). */
  mismatched: number
  /** Differing pixels as a fraction of the label, in parts per million. */
  mismatchedPpm: number
  /** RGBA diff: faded golden, red where ink went missing, green where ink was added. */
  diff: Uint8Array
  /** Clusters of differing pixels in reading order (top to bottom, then left to right). */
  regions: Rect[]
}

/**
 * Compares `actual` against `golden` (same size). Images are 1 bit, so pixelmatch runs with
 * `includeAA: true` (its anti-aliasing detector would hide real one-dot shifts of bar edges) and any colour
 * difference counts (threshold 0).
 */
export function compareImages (golden: GrayImage, actual: GrayImage): ImageComparison {
  if (golden.width !== actual.width || golden.height !== actual.height) {
    throw new Error(`image sizes differ: golden ${golden.width}×${golden.height}, actual ${actual.width}×${actual.height}`)
  }
  const { width, height } = golden
  const diff = new Uint8Array(width * height * 4)
  const mismatched = pixelmatch(toRgba(golden), toRgba(actual), diff, width, height, {
    threshold: 0, includeAA: true, alpha: 0.15, diffColor: MISSING_INK_COLOR, diffColorAlt: ADDED_INK_COLOR
  })
  return {
    mismatched,
    mismatchedPpm: (mismatched / (width * height)) * 1e6,
    diff,
    regions: mismatched === 0 ? [] : differingRegions(golden, actual)
  }
}

/** Differing pixels closer than this many dots belong to the same region. */
const CELL = 8

/**
 * Groups differing pixels into regions: the image is cut into 8×8-dot cells, cells holding a difference
 * are joined with their 8 neighbours, and each group's box is tightened to its differing pixels.
 * Cheap even when everything differs (at most 34,000 cells at 300 dpi).
 */
export function differingRegions (a: GrayImage, b: GrayImage): Rect[] {
  const cols = Math.ceil(a.width / CELL)
  const rows = Math.ceil(a.height / CELL)
  const cellBox: (Rect | undefined)[] = new Array(cols * rows)
  for (let y = 0; y < a.height; y++) {
    for (let x = 0; x < a.width; x++) {
      const i = y * a.width + x
      if ((a.data[i] === INK) === (b.data[i] === INK)) continue
      const c = Math.floor(y / CELL) * cols + Math.floor(x / CELL)
      const box = cellBox[c]
      if (box === undefined) cellBox[c] = { left: x, top: y, right: x + 1, bottom: y + 1 }
      else {
        box.left = Math.min(box.left, x); box.right = Math.max(box.right, x + 1)
        box.top = Math.min(box.top, y); box.bottom = Math.max(box.bottom, y + 1)
      }
    }
  }
  const seen = new Uint8Array(cols * rows)
  const regions: Rect[] = []
  for (let start = 0; start < cellBox.length; start++) {
    if (cellBox[start] === undefined || seen[start] === 1) continue
    let region: Rect | undefined
    const stack = [start]
    seen[start] = 1
    while (stack.length > 0) {
      const c = stack.pop() as number
      const box = cellBox[c] as Rect
      region = region === undefined
        ? { ...box }
        : { left: Math.min(region.left, box.left), top: Math.min(region.top, box.top), right: Math.max(region.right, box.right),
            bottom: Math.max(region.bottom, box.bottom) }
      const cx = c % cols
      const cy = Math.floor(c / cols)
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const nx = cx + dx
          const ny = cy + dy
          if (nx < 0 || ny < 0 || nx >= cols || ny >= rows) continue
          const n = ny * cols + nx
          if (cellBox[n] !== undefined && seen[n] === 0) { seen[n] = 1; stack.push(n) }
        }
      }
    }
    if (region !== undefined) regions.push(region)
  }
  return regions.sort((r, s) => r.top - s.top || r.left - s.left)
}
