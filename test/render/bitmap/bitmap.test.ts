import { describe, expect, it } from 'vitest'
import { Bitmap, type Mask } from '../../../src/render/bitmap/bitmap.ts'

function maskOf (rows: string[]): Mask {
  const width = rows[0]?.length ?? 0
  const stride = (width + 7) >> 3
  const bits = new Uint8Array(stride * rows.length)
  rows.forEach((row, y) => {
    for (let x = 0; x < width; x++) if (row[x] === '#') bits[y * stride + (x >> 3)] = (bits[y * stride + (x >> 3)] as number) | (0x80 >> (x & 7))
  })
  return { left: 0, top: 0, width, height: rows.length, stride, bits }
}

function rowsOf (b: Bitmap): string[] {
  return Array.from({ length: b.height }, (_, y) => Array.from({ length: b.width }, (_, x) => (b.get(x, y) ? '#' : '.')).join(''))
}

describe('Bitmap', () => {
  it('fills rectangles clipped to the picture', () => {
    const b = new Bitmap(13, 4)
    b.fillRect(-2, 1, 5, 2)
    b.fillRect(10, -1, 10, 2)
    expect(rowsOf(b)).toEqual(['..........###', '###..........', '###..........', '.............'])
    expect(b.inkCount()).toBe(9)
  })

  it('ORs masks in at every bit offset, as setting each dot would', () => {
    const mask = maskOf(['#.##.#####.#', '.##########.', '#..........#'])
    for (let x = -12; x <= 22; x++) {
      for (let y = -3; y <= 5; y++) {
        const b = new Bitmap(21, 5)
        b.fillRect(0, 4, 1, 1)
        b.blit(mask, x, y)
        const expected = new Bitmap(21, 5)
        expected.fillRect(0, 4, 1, 1)
        for (let r = 0; r < 3; r++) for (let c = 0; c < 12; c++) if (mask.bits[r * mask.stride + (c >> 3)]! & (0x80 >> (c & 7))) expected.fillRect(x + c,
          y + r, 1, 1)
        expect(rowsOf(b), `at ${x},${y}`).toEqual(rowsOf(expected))
        // Padding bits past the last column stay clear: encoders read whole bytes.
        for (let r = 0; r < b.height; r++) expect(b.data[r * b.stride + b.stride - 1]! & 0x07).toBe(0)
      }
    }
  })
})
