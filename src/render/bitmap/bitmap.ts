// A 1-bit picture of a label or of one text field: rows of packed bits, most significant bit first, 1 = ink.
// It is the layout printed as dots: PNG labels, ZPL ^GF graphics and the parity tests all read it.

/** A 1-bit image; `data` holds `height` rows of `stride` bytes. */
export class Bitmap {
  readonly width: number
  readonly height: number
  readonly stride: number
  readonly data: Uint8Array

  constructor (width: number, height: number) {
    this.width = Math.max(0, width)
    this.height = Math.max(0, height)
    this.stride = (this.width + 7) >> 3
    this.data = new Uint8Array(this.stride * this.height)
  }

  /** Whether dot (x, y) is inked (false outside the picture). */
  get (x: number, y: number): boolean {
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return false
    return ((this.data[y * this.stride + (x >> 3)] as number) & (0x80 >> (x & 7))) !== 0
  }

  /** Inks the dots of a rectangle, clipped to the picture. */
  fillRect (x: number, y: number, width: number, height: number): void {
    const x0 = Math.max(0, x)
    const y0 = Math.max(0, y)
    const x1 = Math.min(this.width, x + width)
    const y1 = Math.min(this.height, y + height)
    if (x0 >= x1 || y0 >= y1) return
    for (let row = y0; row < y1; row++) fillSpan(this.data, row * this.stride, x0, x1)
  }

  /** ORs a mask into the picture with its top-left at (x, y), clipped to the picture. */
  blit (mask: Mask, x: number, y: number): void {
    const shift = ((x % 8) + 8) % 8
    const firstByte = (x - shift) / 8
    for (let r = 0; r < mask.height; r++) {
      const row = y + r
      if (row < 0 || row >= this.height) continue
      const dst = row * this.stride
      const src = r * mask.stride
      for (let i = 0; i < mask.stride; i++) {
        const b = mask.bits[src + i] as number
        if (b === 0) continue
        const at = firstByte + i
        if (at >= 0 && at < this.stride) this.data[dst + at] = (this.data[dst + at] as number) | (b >> shift)
        if (shift !== 0 && at + 1 >= 0 && at + 1 < this.stride) this.data[dst + at + 1] = (this.data[dst + at + 1] as number) | ((b << (8 - shift)) & 0xff)
      }
    }
    // Bits a mask sets right of the picture's last column land in the row's padding bits: clear them.
    const pad = this.stride * 8 - this.width
    if (pad > 0 && x + mask.width > this.width) {
      const keep = (0xff << pad) & 0xff
      for (let row = Math.max(0, y); row < Math.min(this.height, y + mask.height); row++) {
        const at = row * this.stride + this.stride - 1
        this.data[at] = (this.data[at] as number) & keep
      }
    }
  }

  /** Number of inked dots. */
  inkCount (): number {
    let n = 0
    for (const b of this.data) n += BIT_COUNT[b] as number
    return n
  }
}

/** A small 1-bit image placed relative to an origin (a glyph at one size, or a text field). */
export interface Mask {
  /** Offset of the mask's top-left dot from the origin it was drawn for. */
  left: number
  top: number
  width: number
  height: number
  stride: number
  bits: Uint8Array
}

/** Sets bits [x0, x1) of the row starting at byte `rowStart`. */
export function fillSpan (data: Uint8Array, rowStart: number, x0: number, x1: number): void {
  if (x0 >= x1) return
  const first = x0 >> 3
  const last = (x1 - 1) >> 3
  const head = 0xff >> (x0 & 7)
  const tail = (0xff << (7 - ((x1 - 1) & 7))) & 0xff
  if (first === last) {
    data[rowStart + first] = (data[rowStart + first] as number) | (head & tail)
    return
  }
  data[rowStart + first] = (data[rowStart + first] as number) | head
  for (let i = first + 1; i < last; i++) data[rowStart + i] = 0xff
  data[rowStart + last] = (data[rowStart + last] as number) | tail
}

const BIT_COUNT = (() => {
  const t = new Uint8Array(256)
  for (let i = 1; i < 256; i++) t[i] = (i & 1) + (t[i >> 1] as number)
  return t
})()
