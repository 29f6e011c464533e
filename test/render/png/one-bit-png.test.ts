import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { decodeGray8Png, encodeOneBitPng, rotateGray } from '../../../src/render/png/one-bit-png.ts'

// A 13×5 gradient with structure in both directions, so every PNG row filter has work to do.
const width = 13
const height = 5
const pixels = Uint8Array.from({ length: width * height }, (_v, i) => ((i % width) * 20 + Math.floor(i / width) * 37) % 256)

async function grayPng (adaptiveFiltering: boolean): Promise<Buffer> {
  return sharp(Buffer.from(pixels), { raw: { width, height, channels: 1 } }).toColourspace('b-w').png({ adaptiveFiltering, compressionLevel: 9 }).toBuffer()
}

describe('decodeGray8Png', () => {
  it.each([false, true])('reads 8-bit gray PNGs exactly (adaptive filtering %s)', async (adaptive) => {
    expect(decodeGray8Png(await grayPng(adaptive))).toEqual({ width, height, data: pixels })
  })

  it('declines other PNG kinds', async () => {
    const rgb = await sharp({ create: { width: 2, height: 2, channels: 3, background: '#ff0000' } }).png().toBuffer()
    expect(decodeGray8Png(rgb)).toBeUndefined()
    expect(decodeGray8Png(Buffer.from('not a png'))).toBeUndefined()
  })
})

describe('encodeOneBitPng', () => {
  it('writes a 1-bit gray PNG, dark below 128, that other decoders read back', async () => {
    const png = encodeOneBitPng({ width, height, data: pixels })
    expect([png.readUInt8(24), png.readUInt8(25)]).toEqual([1, 0])
    const { data, info } = await sharp(png).toColourspace('b-w').raw().toBuffer({ resolveWithObject: true })
    expect([info.width, info.height, info.channels]).toEqual([width, height, 1])
    expect([...data]).toEqual([...pixels].map((v) => (v >= 128 ? 255 : 0)))
  })
})

describe('rotateGray', () => {
  it('turns clockwise', () => {
    const image = { width: 3, height: 2, data: Uint8Array.from([1, 2, 3, 4, 5, 6]) }
    expect(rotateGray(image, 90)).toEqual({ width: 2, height: 3, data: Uint8Array.from([4, 1, 5, 2, 6, 3]) })
    expect(rotateGray(image, 180)).toEqual({ width: 3, height: 2, data: Uint8Array.from([6, 5, 4, 3, 2, 1]) })
    expect(rotateGray(image, 270)).toEqual({ width: 2, height: 3, data: Uint8Array.from([3, 6, 2, 5, 1, 4]) })
  })
})
