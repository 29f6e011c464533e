// A bitmap as a 1-bit grayscale PNG (0 = black), the format the service's PNG labels have always had.
import { deflateSync } from 'node:zlib'
import { PNG_SIGNATURE, pngChunk } from '../png/one-bit-png.ts'
import type { Bitmap } from './bitmap.ts'

/**
 * zlib level 1: a label's rows are long runs of white, which the fastest level already packs to within a few
 * per cent of level 9, in a fraction of the time.
 */
const PNG_DEFLATE_LEVEL = 1

/** The bitmap as a PNG; the same bitmap always gives the same bytes. */
export function encodeBitmapPng (bitmap: Bitmap): Buffer {
  const { width, height, stride, data } = bitmap
  const rows = Buffer.alloc((stride + 1) * height)
  for (let y = 0; y < height; y++) {
    const to = y * (stride + 1) + 1 // filter byte 0 (none) before each row
    const from = y * stride
    for (let i = 0; i < stride; i++) rows[to + i] = ~(data[from + i] as number) & 0xff
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 1 // bit depth
  ihdr[9] = 0 // gray
  const idat = deflateSync(rows, { level: PNG_DEFLATE_LEVEL })
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr), pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0))])
}
