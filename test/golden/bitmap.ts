// 1-bit label images for the golden suite: decode any PNG to ink/paper at the label's size, encode goldens as
// small 1-bit PNGs.
import { createHash } from 'node:crypto'
import sharp from 'sharp'
import { pngToGray, type GrayImage } from '../support/zpl-render.ts'

/** Ink is 0, paper is 255, as `pngToGray` thresholds. */
export const INK = 0
export const PAPER = 255

/** A thresholded image at the label's size, with the size the renderer actually returned. */
export interface LabelBitmap extends GrayImage {
  /** Size of the image before it was cropped or padded to the label (real Labelary rounds 4x6 in differently). */
  sourceWidth: number
  sourceHeight: number
}

/**
 * Decodes a PNG and thresholds it at mid-gray to 1 bit, then crops or pads it (with paper) to exactly
 * `width`×`height` from the top-left corner, where every renderer puts the label's origin.
 */
export async function toLabelBitmap (png: Buffer | Uint8Array, width: number, height: number): Promise<LabelBitmap> {
  return fitToLabel(await pngToGray(png), width, height)
}

/** Crops or pads a thresholded image (with paper) to `width`×`height` from the top-left corner. */
export function fitToLabel (gray: GrayImage, width: number, height: number): LabelBitmap {
  if (gray.width === width && gray.height === height) {
    return { ...gray, sourceWidth: gray.width, sourceHeight: gray.height }
  }
  const data = new Uint8Array(width * height).fill(PAPER)
  const rows = Math.min(height, gray.height)
  const cols = Math.min(width, gray.width)
  for (let y = 0; y < rows; y++) {
    data.set(gray.data.subarray(y * gray.width, y * gray.width + cols), y * width)
  }
  return { width, height, data, sourceWidth: gray.width, sourceHeight: gray.height }
}

/** Encodes a thresholded image as a 1-bit grayscale PNG (a 4x6 label is tens of kilobytes). */
export async function encodeBitmapPng (image: GrayImage): Promise<Buffer> {
  return sharp(Buffer.from(image.data), { raw: { width: image.width, height: image.height, channels: 1 } })
    .png({ compressionLevel: 9, palette: true, colours: 2, dither: 0 })
    .toBuffer()
}

/** Encodes an RGBA buffer (the diff image) as a PNG. */
export async function encodeRgbaPng (rgba: Uint8Array, width: number, height: number): Promise<Buffer> {
  return sharp(Buffer.from(rgba.buffer, rgba.byteOffset, rgba.byteLength), { raw: { width, height, channels: 4 } })
    .png({ compressionLevel: 9, palette: true, colours: 8, dither: 0 })
    .toBuffer()
}

/** Hex SHA-256 of bytes (recorded per golden in the manifest). */
export function sha256 (bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex')
}

/** A rectangle in dots: left/top inclusive, right/bottom exclusive. */
export interface Rect {
  left: number
  top: number
  right: number
  bottom: number
}

/** Calls `visit` for every ink dot inside `area` (clipped to the image) that `ignore` does not claim, row by row. */
function forEachInk (image: GrayImage, area: Rect, ignore: ((x: number, y: number) => boolean) | undefined, visit: (x: number, y: number) => void): void {
  const x1 = Math.min(image.width, area.right)
  const y1 = Math.min(image.height, area.bottom)
  for (let y = Math.max(0, area.top); y < y1; y++) {
    const row = y * image.width
    for (let x = Math.max(0, area.left); x < x1; x++) {
      if (image.data[row + x] === INK && ignore?.(x, y) !== true) visit(x, y)
    }
  }
}

/** The bounding box of ink inside `area` (clipped to the image), or undefined when the area is blank. */
export function inkBox (image: GrayImage, area: Rect, ignore?: (x: number, y: number) => boolean): Rect | undefined {
  let box: Rect | undefined
  forEachInk(image, area, ignore, (x, y) => {
    if (box === undefined) box = { left: x, top: y, right: x + 1, bottom: y + 1 }
    else {
      if (x < box.left) box.left = x
      if (x >= box.right) box.right = x + 1
      box.bottom = y + 1
    }
  })
  return box
}

/** How many ink dots `area` holds (clipped to the image), skipping those `ignore` claims. */
export function inkCount (image: GrayImage, area: Rect, ignore?: (x: number, y: number) => boolean): number {
  let count = 0
  forEachInk(image, area, ignore, () => { count++ })
  return count
}

/** `12,34–56,78` (left,top–right,bottom in dots), for messages. */
export function formatRect (r: Rect): string {
  return `x ${r.left}–${r.right}, y ${r.top}–${r.bottom} (${r.right - r.left}×${r.bottom - r.top} dots)`
}
