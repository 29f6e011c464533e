import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { zlibFixed } from '../../../src/render/zpl/fast-deflate.ts'
import { seededRandom } from '../../support/random.ts'

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]

/**
 * zlibFixed's choices written plainly, byte by byte: at each byte, the longest match with the row above (if the row
 * is 2 to 32768 bytes long), then with the byte before if longer, taken when 3 bytes or more, in fixed Huffman codes.
 */
function reference (data: Uint8Array, rowBytes: number): Buffer {
  const out = [0x78, 0x01]
  let bits = 0
  let count = 0
  const put = (value: number, n: number): void => {
    bits |= value << count
    count += n
    for (; count >= 8; count -= 8, bits >>>= 8) out.push(bits & 0xff)
  }
  const huffman = (code: number, n: number): void => { for (let k = n - 1; k >= 0; k--) put((code >> k) & 1, 1) }
  const symbol = (v: number): void => {
    if (v < 144) huffman(0x30 + v, 8)
    else if (v < 256) huffman(0x190 + v - 144, 9)
    else if (v < 280) huffman(v - 256, 7)
    else huffman(0xc0 + v - 280, 8)
  }
  const lastBelow = (table: number[], value: number): number => table.filter((base) => base <= value).length - 1
  put(0b011, 3)
  const longest = (i: number, d: number): number => {
    let len = 0
    while (len < 258 && i + len < data.length && data[i + len] === data[i + len - d]) len++
    return len
  }
  for (let i = 0; i < data.length;) {
    let best = rowBytes > 1 && rowBytes <= 32768 && i >= rowBytes ? longest(i, rowBytes) : 0
    let dist = rowBytes
    const run = i >= 1 ? longest(i, 1) : 0
    if (run > best) { best = run; dist = 1 }
    if (best < 3) {
      symbol(data[i] as number)
      i++
      continue
    }
    const s = lastBelow(LENGTH_BASE, best)
    symbol(257 + s)
    put(best - (LENGTH_BASE[s] as number), LENGTH_EXTRA[s] as number)
    const t = lastBelow(DIST_BASE, dist)
    huffman(t, 5)
    put(dist - (DIST_BASE[t] as number), DIST_EXTRA[t] as number)
    i += best
  }
  symbol(256)
  if (count > 0) out.push(bits & 0xff)
  let a = 1
  let b = 0
  for (const v of data) { a = (a + v) % 65521; b = (b + a) % 65521 }
  out.push(b >> 8, b & 0xff, a >> 8, a & 0xff)
  return Buffer.from(out)
}

/** Text-like bitmap: noise, black and white runs, and bytes repeated from the row above. */
function bitmap (next: () => number, n: number, rowBytes: number): Uint8Array {
  const data = new Uint8Array(n)
  const ink = next()
  for (let i = 0; i < n; i++) {
    const r = next()
    data[i] = r < ink * 0.2 ? Math.floor(next() * 256) : r < ink * 0.5 ? 0xff : i >= rowBytes && r < 0.9 ? data[i - rowBytes] as number : 0
  }
  return data
}

describe('zlibFixed against its plain reference', () => {
  it('makes the same choices, bit for bit, on small bitmaps of every row length', () => {
    const next = seededRandom(11)
    const edges = [0, 1, 2, 3, 4, 257, 32768, 32769]
    for (let round = 0; round < 400; round++) {
      const n = round < 20 ? round : Math.floor(next() * 3000)
      const rowBytes = round % 3 === 0 ? edges[round % edges.length] as number : 1 + Math.floor(next() * 80)
      const data = bitmap(next, n, Math.max(rowBytes, 1))
      const packed = Buffer.from(zlibFixed(data, rowBytes))
      expect(packed.equals(reference(data, rowBytes)), `round ${round}, ${n} bytes, rows of ${rowBytes}`).toBe(true)
    }
  })

  it('makes the same choices on inputs coded in several segments, with matches across their ends', () => {
    const next = seededRandom(12)
    for (const [n, rowBytes] of [[65536, 37], [65537, 40], [65536 + 300, 300], [140_000, 90], [200_001, 32768], [150_000, 1]] as const) {
      const data = bitmap(next, n, rowBytes)
      expect(Buffer.from(zlibFixed(data, rowBytes)).equals(reference(data, rowBytes)), `${n} bytes, rows of ${rowBytes}`).toBe(true)
    }
  })

  it('codes long runs and repeated rows with the longest matches', () => {
    for (const n of [258 * 3 + 1, 70_000]) {
      for (const rowBytes of [1, 2, 37, 300]) {
        for (const fill of [0, 0xff, -1]) {
          const data = new Uint8Array(n).map((_, i) => fill >= 0 ? fill : ((i % rowBytes) * 31) & 0xff)
          const packed = Buffer.from(zlibFixed(data, rowBytes))
          expect(packed.equals(reference(data, rowBytes)), `${n} bytes, rows of ${rowBytes}, fill ${fill}`).toBe(true)
          expect(inflateSync(packed).equals(Buffer.from(data))).toBe(true)
        }
      }
    }
  })

  it('reads the input through any view, Buffer or Uint8Array, at any offset', () => {
    const data = bitmap(seededRandom(13), 5000, 25)
    const backing = new Uint8Array(data.length + 3)
    backing.set(data, 3)
    const want = reference(data, 25)
    expect(Buffer.from(zlibFixed(backing.subarray(3), 25)).equals(want)).toBe(true)
    expect(Buffer.from(zlibFixed(Buffer.from(data), 25)).equals(want)).toBe(true)
  })
})
