// A zlib stream for small 1-bit graphics, in one pass and without allocating per call: greedy LZ77 with the two
// matches 1-bit text rows offer most, the same byte one row up and the byte before for runs of white or black,
// coded with DEFLATE's fixed Huffman codes. Node's zlib has a fixed cost per call far above the work a word of text
// needs (34 µs against 10 for a word's 683 bytes), and a label has dozens of words. A hash of earlier 3-byte strings
// found few other matches in text: it made the seed label 3–5 % smaller and each word 1.6 times as slow to pack.
// The output is a standard zlib stream (RFC 1950/1951) that any inflater, and every ZPL printer, reads.
//
// Nearly half the bytes of text are literals, so the cost is in deciding, byte by byte, that no match starts there:
// both tests (the next 3 bytes repeat the 3 above; they repeat the byte before) take one 32-bit read each, two bytes
// are decided at once, and matches are measured 4 bytes a read. The input is copied into a scratch buffer between a
// row that matches nothing and a byte that ends every match, so no read needs a bound of its own. Buffers that are
// module constants of a fixed size let V8 drop the type and bound checks of each read (a fifth of the time); longer
// inputs go through them a segment at a time.

const LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258]
const LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0]
const MAX_MATCH = 258
const WINDOW = 32768
const ADLER_MOD = 65521

function reverse (code: number, length: number): number {
  let r = 0
  for (let i = 0; i < length; i++) r = (r << 1) | ((code >> i) & 1)
  return r
}

// Fixed literal/length codes (RFC 1951 3.2.6), bit-reversed because DEFLATE packs Huffman codes MSB first, each
// joined with its bit count in the high half: one read per symbol.
const LIT = new Int32Array(257)
for (let v = 0; v < 257; v++) {
  const [code, bits] = v < 144 ? [0x30 + v, 8] : v < 256 ? [0x190 + v - 144, 9] : [0, 7]
  LIT[v] = reverse(code, bits) | (bits << 16)
}
// Every match length with its code and extra bits already joined, looked up instead of assembled.
const LEN = new Int32Array(MAX_MATCH + 1)
for (let s = 0; s < LENGTH_BASE.length; s++) {
  const end = s + 1 < LENGTH_BASE.length ? (LENGTH_BASE[s + 1] as number) : MAX_MATCH + 1
  const [code, bits] = s < 23 ? [s + 1, 7] : [0xc0 + s - 23, 8]
  for (let l = LENGTH_BASE[s] as number; l < end; l++) {
    LEN[l] = (reverse(code, bits) | ((l - (LENGTH_BASE[s] as number)) << bits)) | ((bits + (LENGTH_EXTRA[s] as number)) << 16)
  }
}
/** Distance 1 (code 0, no extra bits) as distCode writes it. */
const DIST_1 = 5

/** A distance's code and extra bits, shifted left by 5 above their bit count (at most 18 bits: 23 in all). */
function distCode (d: number): number {
  if (d <= 4) return (reverse(d - 1, 5) << 5) | 5
  // Past 4, each power of two holds two codes: d - 1 is 2 or 3 shifted left by the count of extra bits, plus them.
  const extra = 30 - Math.clz32(d - 1)
  const top = (d - 1) >> extra
  return ((reverse(2 * extra + top, 5) | ((d - 1 - (top << extra)) << 5)) << 5) | (5 + extra)
}

/** Input bytes coded per filling of the scratch buffer. */
const SEGMENT = 1 << 16
/** Bytes past a segment that its last match and the 4-byte reads around it may look at. */
const LOOKAHEAD = MAX_MATCH + 32
/** The row above the segment (or a row that matches nothing), the segment and what follows it. */
const SRC = new Uint8Array(4 + WINDOW + SEGMENT + LOOKAHEAD)
const SRC_VIEW = new DataView(SRC.buffer)
/** A segment's codes: at most 9 bits a byte, and a match may run past the segment's end. */
const OUT = new Uint8Array(Math.ceil(((SEGMENT + LOOKAHEAD) * 9) / 8) + 16)
const OUT_VIEW = new DataView(OUT.buffer)

// The bit writer between calls: bits not yet written, how many, and where the next byte goes in OUT (a typed array
// rather than module variables, which V8 checks for initialisation at every use).
const WRITER = new Int32Array(3)
const PENDING = 0
const PENDING_BITS = 1
const AT = 2

/** How many of x's low bytes are zero (4 when x is 0): in little-endian reads, how many bytes matched. */
const zeroBytes = (x: number): number => (32 - Math.clz32((x - 1) & ~x)) >> 3

/**
 * Length of the match (3 bytes or more) for the byte after SRC[p], `d` bytes back. The first two reads settle
 * lengths up to 10, which 85 % of the matches in words of text have.
 */
function matchLength (p: number, d: number): number {
  const a = zeroBytes(SRC_VIEW.getInt32(p + 4, true) ^ SRC_VIEW.getInt32(p + 4 - d, true))
  const b = zeroBytes(SRC_VIEW.getInt32(p + 8, true) ^ SRC_VIEW.getInt32(p + 8 - d, true))
  let len = 3 + a + (b & -(a >> 2))
  if (len === 11) {
    for (let z = 4; z === 4 && len < MAX_MATCH; len += z) {
      z = zeroBytes(SRC_VIEW.getInt32(p + 1 + len, true) ^ SRC_VIEW.getInt32(p + 1 + len - d, true))
    }
  }
  return len < MAX_MATCH ? len : MAX_MATCH
}

/**
 * Codes the bytes after SRC[from] while the byte before them is below SRC[until] (two at a time, so one byte more
 * may be coded), with row matches `rowBytes` back, whose distance is coded `rowCode`. Returns where it stopped.
 */
function codeSpan (from: number, until: number, rowBytes: number, rowCode: number): number {
  // Arguments and module variables arrive tagged; made int32 here, the loop keeps them untagged in registers.
  let p = from | 0
  const end = until | 0
  const r = rowBytes | 0
  const rowDist = rowCode | 0
  let bits = WRITER[PENDING] as number
  let count = WRITER[PENDING_BITS] as number
  let to = WRITER[AT] as number
  while (p < end) {
    // Byte 0 of q1 is the one before the next; a and b are 0 when 3 bytes from the next (or the one after) repeat
    // the row above, c and d when they repeat the byte before.
    const q1 = SRC_VIEW.getInt32(p, true)
    const q2 = SRC_VIEW.getInt32(p + 1, true)
    const a = (q1 ^ SRC_VIEW.getInt32(p - r, true)) >>> 8
    const b = (q2 ^ SRC_VIEW.getInt32(p + 1 - r, true)) >>> 8
    const c = (q1 ^ (q1 >>> 8)) & 0xffffff
    const d = (q2 ^ (q2 >>> 8)) & 0xffffff
    const first = (a - 1) | (c - 1)
    if ((first | (b - 1) | (d - 1)) >= 0) {
      const c1 = LIT[(q1 >>> 8) & 0xff] as number
      const c2 = LIT[(q2 >>> 8) & 0xff] as number
      bits |= (c1 & 0xffff) << count
      count += c1 >>> 16
      bits |= (c2 & 0xffff) << count
      count += c2 >>> 16
      p += 2
    } else {
      // A match starts at the next byte or the one after; when after, the next is a literal (without a branch, as
      // which of the two it is cannot be foretold).
      const lit = ~(first >> 31)
      const c1 = (LIT[(q1 >>> 8) & 0xff] as number) & lit
      bits |= (c1 & 0xffff) << count
      count += c1 >>> 16
      p -= lit
      const row = a ^ ((a ^ b) & lit)
      const run = c ^ ((c ^ d) & lit)
      let len: number
      let dist = DIST_1
      if (row === 0) {
        len = matchLength(p, r) | 0
        dist = rowDist
        // The byte before wins only with a longer match, as the row above is tried first.
        if (run === 0 && len < MAX_MATCH) {
          const runLen = matchLength(p, 1) | 0
          if (runLen > len) {
            len = runLen
            dist = DIST_1
          }
        }
      } else {
        len = matchLength(p, 1) | 0
      }
      const lc = LEN[len] as number
      bits |= (lc & 0xffff) << count
      count += lc >>> 16
      // A literal and a length leave up to 29 bits: the whole bytes go before the distance's 18 bits can join.
      OUT_VIEW.setInt32(to, bits, true)
      to += count >>> 3
      bits >>= count & 0x18
      count &= 7
      bits |= (dist >> 5) << count
      count += dist & 31
      p += len
    }
    // Up to 25 bits are pending: the whole bytes among them are written and dropped.
    OUT_VIEW.setInt32(to, bits, true)
    to += count >>> 3
    bits >>= count & 0x18
    count &= 7
  }
  WRITER[PENDING] = bits
  WRITER[PENDING_BITS] = count
  WRITER[AT] = to
  return p
}

/** Writes one literal or the end of the block. */
function codeSymbol (v: number): void {
  const code = LIT[v] as number
  const count = (WRITER[PENDING_BITS] as number) + (code >>> 16)
  const bits = (WRITER[PENDING] as number) | ((code & 0xffff) << (WRITER[PENDING_BITS] as number))
  const to = WRITER[AT] as number
  OUT_VIEW.setInt32(to, bits, true)
  WRITER[AT] = to + (count >>> 3)
  WRITER[PENDING] = bits >> (count & 0x18)
  WRITER[PENDING_BITS] = count & 7
}

/**
 * Adler-32 of SRC[from, from + n) continued from `adler`, four bytes a read: each block of up to 256 reads sums
 * its bytes by lane (two 16-bit lanes a word, which 256 reads cannot overflow) and weighs the lanes at its end.
 */
function adler32 (adler: number, from: number, n: number): number {
  let a = adler & 0xffff
  let b = adler >>> 16
  let i = from
  const end = from + n
  while (end - i >= 4) {
    const words = end - i < 1024 ? (end - i) >> 2 : 256
    const stop = i + words * 4
    let sum = 0
    let sums = 0
    let lanes02 = 0
    let lanes13 = 0
    for (; i < stop; i += 4) {
      const w = SRC_VIEW.getInt32(i, true)
      const lo = w & 0x00ff00ff
      const hi = (w >>> 8) & 0x00ff00ff
      lanes02 += lo
      lanes13 += hi
      const s = lo + hi
      sum += (s & 0xffff) + (s >>> 16)
      sums += sum
    }
    // Byte k of each word is summed 4 * (words left) - k times into b; no term of b exceeds 2^28 before the modulo.
    const weighted = (lanes13 & 0xffff) + 2 * (lanes02 >>> 16) + 3 * (lanes13 >>> 16)
    b = (b + 4 * words * a + 4 * sums - weighted) % ADLER_MOD
    a = (a + sum) % ADLER_MOD
  }
  for (; i < end; i++) b += a += SRC[i] as number
  return ((b % ADLER_MOD) << 16) | (a % ADLER_MOD)
}

/**
 * `data` as a zlib stream. `rowBytes` is the image's row length, so a row equal to the one above costs a match.
 * The returned view is only valid until the next call.
 */
export function zlibFixed (data: Uint8Array, rowBytes: number): Uint8Array {
  const n = data.length
  // Rows of one byte give the same matches as the byte before, which is how they are coded.
  const r = rowBytes > 1 && rowBytes <= WINDOW ? rowBytes : 1
  const rowDist = distCode(r)
  OUT[0] = 0x78 // deflate, 32 KB window
  OUT[1] = 0x01 // fastest level; header checksum
  WRITER[AT] = 2
  // Bits are written least significant first; 1 (last block) then 01 (fixed Huffman codes).
  WRITER[PENDING] = 0b011
  WRITER[PENDING_BITS] = 3
  let whole: Uint8Array | undefined
  let wholeLength = 0
  let adler = 1
  let i = 0
  // SRC[base + k - i] holds data[k], with room before the first row for a row and the 4-byte read ending at it.
  const base = r + 4
  do {
    const stop = n - i > SEGMENT ? i + SEGMENT : n
    const copyEnd = n - stop > LOOKAHEAD - 16 ? stop + LOOKAHEAD - 16 : n
    if (i === 0) {
      SRC.set(copyEnd === n ? data : data.subarray(0, copyEnd), base)
      // Before the first row, its complement, unlike it in every byte (the last write ends with the row).
      for (let k = 0; k < r - 4; k += 4) SRC_VIEW.setInt32(4 + k, ~SRC_VIEW.getInt32(base + k, true), true)
      SRC_VIEW.setInt32(r, ~SRC_VIEW.getInt32(base + r - 4, true), true)
    } else {
      SRC.set(data.subarray(i - base, copyEnd), 0)
    }
    if (copyEnd === n && n > 0) {
      // After the last byte, one equal neither to the byte before nor to the byte above: no match runs past it.
      const last = SRC[base + n - i - 1] as number
      SRC[base + n - i] = (last ^ 1) === SRC[base + n - i - r] ? last ^ 2 : last ^ 1
    }
    let from = i
    if (i === 0 && n > 0) {
      codeSymbol(data[0] as number)
      from = 1
    }
    // Pairs stop before the last byte, which is always a literal.
    const end = stop === n ? n - 1 : stop
    let reached = codeSpan(base + from - i - 1, base + end - i - 1, r, rowDist) - base + 1 + i
    if (reached === n - 1) {
      codeSymbol(data[reached] as number)
      reached = n
    }
    adler = adler32(adler, base, reached - i)
    i = reached
    if (i < n) {
      whole ??= new Uint8Array(Math.ceil((n * 9) / 8) + 16)
      whole.set(OUT.subarray(0, WRITER[AT]), wholeLength)
      wholeLength += WRITER[AT] as number
      WRITER[AT] = 0
    }
  } while (i < n)
  codeSymbol(256)
  let at = WRITER[AT] as number
  if ((WRITER[PENDING_BITS] as number) > 0) OUT[at++] = WRITER[PENDING] as number
  OUT_VIEW.setInt32(at, adler, false)
  at += 4
  if (whole === undefined) return OUT.subarray(0, at)
  whole.set(OUT.subarray(0, at), wholeLength)
  return whole.subarray(0, wholeLength + at)
}
