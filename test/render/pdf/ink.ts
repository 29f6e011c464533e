// Where the ink is in a thresholded image: bounding boxes of dark pixels in a region.
import type { GrayImage } from '../../support/zpl-render.ts'

/** Inclusive pixel bounds; `empty` when the region has no ink. */
export interface InkBox {
  left: number
  top: number
  right: number
  bottom: number
  empty: boolean
}

/** The bounding box of the ink inside [x0, x1) × [y0, y1), clipped to the image. */
export function inkBox (g: GrayImage, x0 = 0, y0 = 0, x1 = g.width, y1 = g.height): InkBox {
  let left = Infinity; let top = Infinity; let right = -1; let bottom = -1
  for (let y = Math.max(0, y0); y < Math.min(g.height, y1); y++) {
    for (let x = Math.max(0, x0); x < Math.min(g.width, x1); x++) {
      if (g.data[y * g.width + x] !== 0) continue
      if (x < left) left = x
      if (x > right) right = x
      if (y < top) top = y
      if (y > bottom) bottom = y
    }
  }
  return { left, top, right, bottom, empty: right < 0 }
}

/** Ink pixels in the whole image. */
export function inkCount (g: GrayImage): number {
  let n = 0
  for (const v of g.data) if (v === 0) n++
  return n
}
