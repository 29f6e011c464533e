// ZPL's Z64 encoding of graphic data: zlib-compressed, Base64-encoded, followed by the CRC-16 (XMODEM: polynomial
// 0x1021, initial value 0) of the Base64 text, as Zebra's own tools write it (`:Z64:<base64>:<crc>`).
import { zlibFixed } from './fast-deflate.ts'

const CRC_TABLE = (() => {
  const table = new Uint16Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n << 8
    for (let k = 0; k < 8; k++) c = c & 0x8000 ? ((c << 1) ^ 0x1021) & 0xffff : (c << 1) & 0xffff
    table[n] = c
  }
  return table
})()

/** CRC-16/XMODEM of an ASCII string. */
export function crc16Xmodem (text: string): number {
  let crc = 0
  for (let i = 0; i < text.length; i++) crc = ((crc << 8) & 0xffff) ^ (CRC_TABLE[((crc >> 8) ^ text.charCodeAt(i)) & 0xff] as number)
  return crc
}

/** `:Z64:<base64>:<crc>` for a 1-bit image's `bytes`, whose rows are `rowBytes` long. */
export function z64 (bytes: Uint8Array, rowBytes: number): string {
  const packed = zlibFixed(bytes, rowBytes)
  const base64 = Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength).toString('base64')
  return `:Z64:${base64}:${crc16Xmodem(base64).toString(16).toUpperCase().padStart(4, '0')}`
}
