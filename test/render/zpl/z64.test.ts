import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { zlibFixed } from '../../../src/render/zpl/fast-deflate.ts'
import { z64, z64Encode } from '../../../src/render/zpl/z64.ts'
import { seededRandom } from '../../support/random.ts'

/** CRC-16/XMODEM of an ASCII string, bit by bit (polynomial 0x1021, initial value 0): the plain reference. */
function crc16Xmodem (text: string): number {
  let crc = 0
  for (let i = 0; i < text.length; i++) {
    crc ^= text.charCodeAt(i) << 8
    for (let bit = 0; bit < 8; bit++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff
  }
  return crc
}

describe('zlibFixed', () => {
  it('writes zlib streams that inflate to the input, for bitmaps and for noise', () => {
    const next = seededRandom(7)
    for (let round = 0; round < 300; round++) {
      const n = Math.floor(next() * 6000)
      const rowBytes = 1 + Math.floor(next() * 120)
      const data = new Uint8Array(n)
      const ink = next()
      for (let i = 0; i < n; i++) {
        const r = next()
        data[i] = r < ink * 0.2 ? Math.floor(next() * 256) : r < ink * 0.5 ? 0xff : i >= rowBytes && r < 0.9 ? data[i - rowBytes] as number : 0
      }
      const packed = zlibFixed(data, rowBytes)
      expect(inflateSync(Buffer.from(packed)).equals(Buffer.from(data)), `round ${round}`).toBe(true)
    }
  })

  it('packs a blank bitmap and repeated rows to a small fraction', () => {
    expect(zlibFixed(new Uint8Array(20_000), 80).length).toBeLessThan(200)
    const rows = new Uint8Array(80 * 50)
    for (let i = 0; i < rows.length; i++) rows[i] = (i % 80) % 7 === 0 ? 0xf0 : 0
    expect(zlibFixed(rows, 80).length).toBeLessThan(120)
  })

  it('handles the empty input and the largest match length', () => {
    expect(inflateSync(Buffer.from(zlibFixed(new Uint8Array(0), 1))).length).toBe(0)
    const data = new Uint8Array(259 * 3).fill(0xaa)
    expect(inflateSync(Buffer.from(zlibFixed(data, 259))).equals(Buffer.from(data))).toBe(true)
  })
})

describe('z64', () => {
  it('computes the CRC Zebra tools write after the Base64 text (CRC-16/XMODEM)', () => {
    // From ^GFA fields written by Zebra's own label software.
    expect(crc16Xmodem('eJw7b/P5PG0RAwONLQDbAQB3sYGX')).toBe(0xeb2d)
    expect(crc16Xmodem('eJxjYBjBoACN/gChGB9A6QMQmhlGN0BodijND9XGB6XloLQNlLaA0hWDyhoYDQEAihAQIA==')).toBe(0x2b9f)
  })

  it('is :Z64:, Base64 of a zlib stream of the bytes, and the CRC of that text', () => {
    const bytes = Uint8Array.from([0, 0, 0xff, 0x81, 0x81, 0xff, 0, 0])
    const match = /^:Z64:([A-Za-z0-9+/=]+):([0-9A-F]{4})$/.exec(z64(bytes, 2))
    expect(match).not.toBeNull()
    const [, base64 = '', crc = ''] = match ?? []
    expect(inflateSync(Buffer.from(base64, 'base64')).equals(Buffer.from(bytes))).toBe(true)
    expect(parseInt(crc, 16)).toBe(crc16Xmodem(base64))
  })

  it('writes the same Base64 as Buffer and the same CRC as crc16Xmodem, for every length of compressed data', () => {
    const next = seededRandom(9)
    // Every tail (0 to 5 bytes past a 6-byte step) and the ends of the passes through the 98,304-byte buffer.
    const lengths = [...Array.from({ length: 200 }, (_, n) => n), 98_303, 98_304, 98_305, 98_309, 196_608, 250_001]
    for (const n of lengths) {
      const packed = Uint8Array.from({ length: n }, () => Math.floor(next() * 256))
      const base64 = Buffer.from(packed).toString('base64')
      const crc = crc16Xmodem(base64).toString(16).toUpperCase().padStart(4, '0')
      expect(z64Encode(packed), `${n} bytes`).toBe(`:Z64:${base64}:${crc}`)
    }
  })

  it('reads compressed data through any view', () => {
    const backing = Uint8Array.from({ length: 40 }, (_, i) => (i * 37) & 0xff)
    const view = backing.subarray(5, 35)
    const base64 = Buffer.from(view).toString('base64')
    expect(z64Encode(view)).toBe(`:Z64:${base64}:${crc16Xmodem(base64).toString(16).toUpperCase().padStart(4, '0')}`)
  })
})
