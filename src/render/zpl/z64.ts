// ZPL's Z64 encoding of graphic data: zlib-compressed, Base64-encoded, followed by the CRC-16 (XMODEM: polynomial
// 0x1021, initial value 0) of the Base64 text, as Zebra's own tools write it (`:Z64:<base64>:<crc>`).
//
// The Base64 text and its CRC are made in one pass, 6 bytes to 8 characters a step. The characters come two at a
// time from a table of 12-bit values. This CRC is linear, so the CRC after 8 more characters is the CRC before
// moved past 8 characters (two table reads) xor the CRC of each pair of characters alone, moved past the characters
// that follow it in the step (one read each); the chain from one step's CRC to the next is two reads long. The
// whole `:Z64:…:crc` text is written into one reused buffer and read out as a string once.
import { zlibFixed } from './fast-deflate.ts'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

const CRC_TABLE = (() => {
  const table = new Uint16Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n << 8
    for (let k = 0; k < 8; k++) c = c & 0x8000 ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff
    table[n] = c
  }
  return table
})()

function crcByte (crc: number, byte: number): number {
  return ((crc << 8) & 0xffff) ^ (CRC_TABLE[((crc >> 8) ^ byte) & 0xff] as number)
}

function crcZeros (crc: number, count: number): number {
  for (let k = 0; k < count; k++) crc = crcByte(crc, 0)
  return crc
}

/** For 12 bits, their two Base64 characters, the first in the low byte. */
const PAIR = new Uint16Array(4096)
/** For 12 bits, the CRC (from 0) of their two characters followed by 0, 2, 4 or 6 more characters of value 0. */
const CRC_AT_0 = new Uint16Array(4096)
const CRC_AT_2 = new Uint16Array(4096)
const CRC_AT_4 = new Uint16Array(4096)
const CRC_AT_6 = new Uint16Array(4096)
for (let x = 0; x < 4096; x++) {
  const a = ALPHABET.charCodeAt(x >> 6)
  const b = ALPHABET.charCodeAt(x & 63)
  PAIR[x] = a | (b << 8)
  const crc = crcByte(crcByte(0, a), b)
  CRC_AT_0[x] = crc
  CRC_AT_2[x] = crcZeros(crc, 2)
  CRC_AT_4[x] = crcZeros(crc, 4)
  CRC_AT_6[x] = crcZeros(crc, 6)
}
/** A CRC moved past 8 characters of value 0, from its high and its low byte. */
const SKIP_HIGH = new Uint16Array(256)
const SKIP_LOW = new Uint16Array(256)
for (let v = 0; v < 256; v++) {
  SKIP_HIGH[v] = crcZeros(v << 8, 8)
  SKIP_LOW[v] = crcZeros(v, 8)
}

const PREFIX = ':Z64:'
/** Compressed bytes encoded per pass through the buffers below: a multiple of 6, so only the last pass has a tail. */
const CHUNK = 6 << 14
const STAGE = new Uint8Array(CHUNK + 4)
const STAGE_VIEW = new DataView(STAGE.buffer)
/** Where the Base64 text starts in TEXT, right after the prefix: a multiple of 4, so 4-byte writes are aligned. */
const TEXT_START = 8
const TEXT = Buffer.alloc(TEXT_START + (CHUNK / 3) * 4 + 16)
const TEXT_VIEW = new DataView(TEXT.buffer, TEXT.byteOffset, TEXT.byteLength)
TEXT.write(PREFIX, TEXT_START - PREFIX.length, 'latin1')

/** `:Z64:<base64>:<crc>` for a 1-bit image's `bytes`, whose rows are `rowBytes` long. */
export function z64 (bytes: Uint8Array, rowBytes: number): string {
  return z64Encode(zlibFixed(bytes, rowBytes))
}

/** `:Z64:<base64>:<crc>` for bytes already compressed. */
export function z64Encode (packed: Uint8Array): string {
  const n = packed.length
  let crc = 0
  let text = ''
  for (let from = 0; ; from += CHUNK) {
    const take = n - from < CHUNK ? n - from : CHUNK
    STAGE.set(take === n ? packed : packed.subarray(from, from + take))
    let to = TEXT_START
    let i = 0
    for (; i + 6 <= take; i += 6) {
      // The 3 bytes at i, most significant first (the fourth byte read is dropped), and the 3 after them.
      const t = STAGE_VIEW.getInt32(i, false) >>> 8
      const u = STAGE_VIEW.getInt32(i + 3, false) >>> 8
      TEXT_VIEW.setInt32(to, (PAIR[t >>> 12] as number) | ((PAIR[t & 0xfff] as number) << 16), true)
      TEXT_VIEW.setInt32(to + 4, (PAIR[u >>> 12] as number) | ((PAIR[u & 0xfff] as number) << 16), true)
      crc = (SKIP_HIGH[crc >>> 8] as number) ^ (SKIP_LOW[crc & 0xff] as number) ^ (CRC_AT_6[t >>> 12] as number) ^
        (CRC_AT_4[t & 0xfff] as number) ^ (CRC_AT_2[u >>> 12] as number) ^ (CRC_AT_0[u & 0xfff] as number)
      to += 8
    }
    // Up to 5 bytes left (in the last pass only): 4 characters for each 3, with '=' for the bytes missing.
    for (; i < take; i += 3) {
      const t = ((STAGE[i] as number) << 16) | (i + 1 < take ? (STAGE[i + 1] as number) << 8 : 0) | (i + 2 < take ? (STAGE[i + 2] as number) : 0)
      for (let k = 0; k < 4; k++) {
        const c = k <= take - i ? ALPHABET.charCodeAt((t >> (18 - 6 * k)) & 63) : 0x3d
        TEXT[to++] = c
        crc = crcByte(crc, c)
      }
    }
    const last = from + take === n
    if (last) {
      TEXT[to++] = 0x3a // ':'
      for (let shift = 12; shift >= 0; shift -= 4) {
        const digit = (crc >> shift) & 0xf
        TEXT[to++] = digit < 10 ? 0x30 + digit : 0x37 + digit
      }
    }
    // The first pass's text keeps the prefix written once at start-up; later ones start after it.
    const part = TEXT.toString('latin1', from === 0 ? TEXT_START - PREFIX.length : TEXT_START, to)
    if (last) return from === 0 ? part : text + part
    text += part
  }
}
