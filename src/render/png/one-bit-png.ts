// zebrash's 8-bit gray PNG → a 1-bit gray PNG, thresholded and rotated, in plain Node (zlib) so it runs inside
// the worker thread that drew the label: the event loop and libuv's pool do none of the per-label pixel work.
import { deflateSync, inflateSync } from 'node:zlib'

/** A gray image, one byte per pixel. */
export interface Gray { width: number, height: number, data: Uint8Array }

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

const CRC_TABLE = (() => {
  const table = new Int32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    table[n] = c
  }
  return table
})()

function crc32 (bytes: Uint8Array): number {
  let c = -1
  for (let i = 0; i < bytes.length; i++) c = (CRC_TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8)
  return (c ^ -1) >>> 0
}

function paeth (a: number, b: number, c: number): number {
  const p = a + b - c
  const pa = Math.abs(p - a)
  const pb = Math.abs(p - b)
  const pc = Math.abs(p - c)
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c
}

/** The parts of a PNG that matter for its pixels, read from its chunks (nothing decompressed). */
export interface PngParts {
  width: number
  height: number
  bitDepth: number
  colourType: number
  interlaced: boolean
  palette?: Buffer
  /** The concatenated IDAT data: one zlib stream of filtered rows. */
  idat: Buffer
}

/** Reads a PNG's header, palette and image data; undefined when it is not a PNG. */
export function readPngParts (png: Uint8Array): PngParts | undefined {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength)
  if (!buf.subarray(0, 8).equals(PNG_SIGNATURE)) return undefined
  const idat: Buffer[] = []
  let header: Omit<PngParts, 'idat' | 'palette'> | undefined
  let palette: Buffer | undefined
  for (let at = 8; at + 8 <= buf.length;) {
    const length = buf.readUInt32BE(at)
    const type = buf.toString('latin1', at + 4, at + 8)
    const data = buf.subarray(at + 8, at + 8 + length)
    if (type === 'IHDR' && data.length >= 13) {
      header = { width: data.readUInt32BE(0), height: data.readUInt32BE(4), bitDepth: data[8] as number, colourType: data[9] as number,
        interlaced: data[12] !== 0 }
    } else if (type === 'PLTE') palette = data
    else if (type === 'IDAT') idat.push(data)
    at += 12 + length
  }
  if (header === undefined || idat.length === 0) return undefined
  return { ...header, palette, idat: Buffer.concat(idat) }
}

/** Decodes an 8-bit gray, non-interlaced PNG (what zebrash writes); undefined for any other kind. */
export function decodeGray8Png (png: Uint8Array): Gray | undefined {
  const parts = readPngParts(png)
  if (parts === undefined || parts.bitDepth !== 8 || parts.colourType !== 0 || parts.interlaced) return undefined
  const { width, height } = parts
  if (width === 0 || height === 0) return undefined
  const raw = inflateSync(parts.idat)
  if (raw.length < (width + 1) * height) return undefined
  const out = new Uint8Array(width * height)
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (width + 1)]
    const src = y * (width + 1) + 1
    const row = y * width
    const up = row - width
    for (let x = 0; x < width; x++) {
      const a = x > 0 ? out[row + x - 1] as number : 0
      const b = y > 0 ? out[up + x] as number : 0
      const c = x > 0 && y > 0 ? out[up + x - 1] as number : 0
      const v = raw[src + x] as number
      const predicted = filter === 0 ? 0 : filter === 1 ? a : filter === 2 ? b : filter === 3 ? (a + b) >> 1 : paeth(a, b, c)
      out[row + x] = (v + predicted) & 0xff
    }
  }
  return { width, height, data: out }
}

/** Rotates clockwise by 0, 90, 180 or 270 degrees. */
export function rotateGray (image: Gray, degrees: 0 | 90 | 180 | 270): Gray {
  if (degrees === 0) return image
  const { width: w, height: h, data } = image
  const quarter = degrees === 90 || degrees === 270
  const out = new Uint8Array(w * h)
  const ow = quarter ? h : w
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const [nx, ny] = degrees === 90 ? [h - 1 - y, x] : degrees === 180 ? [w - 1 - x, h - 1 - y] : [y, w - 1 - x]
      out[ny * ow + nx] = data[y * w + x] as number
    }
  }
  return { width: ow, height: quarter ? w : h, data: out }
}

/** One PNG chunk: length, type, data and CRC. */
export function pngChunk (type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8)
  head.writeUInt32BE(data.length, 0)
  head.write(type, 4, 'latin1')
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0)
  return Buffer.concat([head, data, crc])
}

/** A 1-bit gray PNG: pixels darker than mid-gray are ink (0), the rest paper (1). */
export function encodeOneBitPng (image: Gray): Buffer {
  const { width, height, data } = image
  const stride = Math.ceil(width / 8)
  const rows = Buffer.alloc((stride + 1) * height, 0)
  for (let y = 0; y < height; y++) {
    const base = y * (stride + 1) + 1 // filter byte 0 (none) before each row
    for (let x = 0; x < width; x++) {
      if ((data[y * width + x] as number) >= 128) rows[base + (x >> 3)] = (rows[base + (x >> 3)] as number) | (0x80 >> (x & 7))
    }
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 1 // bit depth
  ihdr[9] = 0 // gray
  return Buffer.concat([PNG_SIGNATURE, pngChunk('IHDR', ihdr), pngChunk('IDAT', deflateSync(rows, { level: 6 })), pngChunk('IEND', Buffer.alloc(0))])
}

/** A white label of the given size. */
export function blankGray (width: number, height: number): Gray {
  return { width, height, data: new Uint8Array(width * height).fill(255) }
}
