// A zlib stream for small 1-bit graphics, in one pass and without allocating per call: greedy LZ77 with the two
// matches 1-bit text rows offer most, the same byte one row up and the byte before for runs of white or black,
// coded with DEFLATE's fixed Huffman codes. Node's zlib has a fixed cost per call far above the work a word of text
// needs (34 µs against 10 for a word's 683 bytes), and a label has dozens of words. A hash of earlier 3-byte strings
// found few other matches in text: it made the seed label 3–5 % smaller and each word 1.6 times as slow to pack.
// The output is a standard zlib stream (RFC 1950/1951) that any inflater, and every ZPL printer, reads.

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
const DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577]
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13]
const MIN_MATCH = 3
const MAX_MATCH = 258
const WINDOW = 32768

function reverse (code: number, length: number): number {
  let r = 0
  for (let i = 0; i < length; i++) r = (r << 1) | ((code >> i) & 1)
  return r
}

// Fixed literal/length codes (RFC 1951 3.2.6), bit-reversed because DEFLATE packs Huffman codes MSB first.
const LIT_CODE = new Int32Array(288)
const LIT_BITS = new Int32Array(288)
for (let v = 0; v < 288; v++) {
  const [code, bits] = v < 144 ? [0x30 + v, 8] : v < 256 ? [0x190 + v - 144, 9] : v < 280 ? [v - 256, 7] : [0xc0 + v - 280, 8]
  LIT_CODE[v] = reverse(code, bits)
  LIT_BITS[v] = bits
}
// Every match length and distance with its code and extra bits already joined, looked up instead of assembled.
const LEN_CODE = new Int32Array(MAX_MATCH + 1)
const LEN_BITS = new Int32Array(MAX_MATCH + 1)
for (let s = 0; s < LENGTH_BASE.length; s++) {
  const end = s + 1 < LENGTH_BASE.length ? (LENGTH_BASE[s + 1] as number) : MAX_MATCH + 1
  for (let l = LENGTH_BASE[s] as number; l < end; l++) {
    LEN_CODE[l] = (LIT_CODE[257 + s] as number) | ((l - (LENGTH_BASE[s] as number)) << (LIT_BITS[257 + s] as number))
    LEN_BITS[l] = (LIT_BITS[257 + s] as number) + (LENGTH_EXTRA[s] as number)
  }
}
const DIST_CODE = new Int32Array(WINDOW + 1)
const DIST_BITS = new Int32Array(WINDOW + 1)
for (let s = 0; s < DIST_BASE.length; s++) {
  const end = s + 1 < DIST_BASE.length ? (DIST_BASE[s + 1] as number) : WINDOW + 1
  for (let d = DIST_BASE[s] as number; d < end; d++) {
    DIST_CODE[d] = reverse(s, 5) | ((d - (DIST_BASE[s] as number)) << 5)
    DIST_BITS[d] = 5 + (DIST_EXTRA[s] as number)
  }
}

let buffer = new Uint8Array(1 << 16)

/**
 * `data` as a zlib stream. `rowBytes` is the image's row length, so a row equal to the one above costs a match.
 * The returned view is only valid until the next call.
 */
export function zlibFixed (data: Uint8Array, rowBytes: number): Uint8Array {
  const n = data.length
  const need = Math.ceil((n * 9) / 8) + 16
  if (buffer.length < need) buffer = new Uint8Array(need)
  const out = buffer
  out[0] = 0x78 // deflate, 32 KB window
  out[1] = 0x01 // fastest level; header checksum
  let at = 2
  // Bits are written least significant first; 1 (last block) then 01 (fixed Huffman codes).
  let bits = 0b011
  let count = 3
  const rowMatch = rowBytes > 1 && rowBytes <= WINDOW
  let i = 0
  while (i < n) {
    const v = data[i] as number
    let best = 0
    let dist = 0
    const limit = n - i < MAX_MATCH ? n - i : MAX_MATCH
    if (limit >= MIN_MATCH) {
      // Most bytes of text repeat the byte above (strokes run down), so the row above is tried first.
      if (rowMatch && i >= rowBytes && data[i - rowBytes] === v) {
        const from = i - rowBytes
        let len = 1
        while (len < limit && data[i + len] === data[from + len]) len++
        best = len
        dist = rowBytes
      }
      if (best < limit && i >= 1 && data[i - 1] === v) {
        let len = 1
        while (len < limit && data[i + len] === v) len++
        if (len > best) { best = len; dist = 1 }
      }
    }
    if (best >= MIN_MATCH) {
      bits |= (LEN_CODE[best] as number) << count
      count += LEN_BITS[best] as number
      while (count >= 8) { out[at++] = bits & 0xff; bits >>>= 8; count -= 8 }
      bits |= (DIST_CODE[dist] as number) << count
      count += DIST_BITS[dist] as number
      i += best
    } else {
      bits |= (LIT_CODE[v] as number) << count
      count += LIT_BITS[v] as number
      i++
    }
    while (count >= 8) { out[at++] = bits & 0xff; bits >>>= 8; count -= 8 }
  }
  bits |= (LIT_CODE[256] as number) << count // end of block
  count += LIT_BITS[256] as number
  while (count > 0) { out[at++] = bits & 0xff; bits >>>= 8; count -= 8 }
  const adler = adler32(data)
  out[at++] = adler >>> 24
  out[at++] = (adler >>> 16) & 0xff
  out[at++] = (adler >>> 8) & 0xff
  out[at++] = adler & 0xff
  return out.subarray(0, at)
}

function adler32 (data: Uint8Array): number {
  let a = 1
  let b = 0
  for (let i = 0; i < data.length;) {
    // 5552 bytes is the most that can be summed before b must be reduced (zlib's NMAX).
    const end = Math.min(data.length, i + 5552)
    for (; i < end; i++) {
      a += data[i] as number
      b += a
    }
    a %= 65521
    b %= 65521
  }
  return ((b << 16) | a) >>> 0
}
