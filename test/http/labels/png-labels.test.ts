import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createZplRasterizer, type ZplRasterizer } from '../../../src/render/png/index.ts'
import { testApp, testLabelService } from '../../support/app.ts'
import { decodeCode128 } from '../../support/decode-barcode.ts'
import { pngToGray } from '../../support/zpl-render.ts'
import { fullRecord } from './fixtures.ts'

let rasterizer: ZplRasterizer
let app: FastifyInstance
beforeAll(async () => {
  rasterizer = createZplRasterizer({ workers: 1 })
  const service = testLabelService({ pngRenderer: (zpl, dpi) => rasterizer.renderLabelPng(zpl, dpi) })
  app = await testApp({ service })
})
afterAll(async () => {
  await app.close()
  await rasterizer.close()
})

/** Width, height, bit depth and colour type from a PNG's IHDR chunk. */
function pngHeader (png: Buffer): { width: number, height: number, bitDepth: number, colorType: number } {
  expect(png.subarray(1, 4).toString('latin1')).toBe('PNG')
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), bitDepth: png[24] as number, colorType: png[25] as number }
}

describe('POST /v1/labels with format png', () => {
  it.each([[203, 812, 1218], [300, 1200, 1800]] as const)('answers a 1-bit %i dpi PNG whose barcode decodes', async (dpi, width, height) => {
    const res = await app.inject({
      method: 'POST',
      url: `/v1/labels?format=png&dpi=${dpi}`,
      payload: fullRecord(),
      headers: { accept: 'image/png' }
    })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('image/png')
    expect(res.headers['x-tracking-code']).toBe('LWX100200300400500')
    expect(pngHeader(res.rawPayload)).toEqual({ width, height, bitDepth: 1, colorType: 0 })
    const decoded = await decodeCode128(await pngToGray(res.rawPayload))
    expect(decoded.map((d) => d.text)).toEqual(['LWX100200300400500'])
  })

  it('wraps the PNG in the envelope when no raw type is accepted', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/labels', payload: { record: fullRecord(), format: 'png' } })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.label_format).toBe('png')
    expect(pngHeader(Buffer.from(body.label_string, 'base64')).width).toBe(812)
  })
})

describe('PNG labels without a renderer', () => {
  it('answers 503 RENDERER_UNAVAILABLE, not a 500', async () => {
    const bare = await testApp()
    try {
      const res = await bare.inject({ method: 'POST', url: '/v1/labels?format=png', payload: fullRecord() })
      expect(res.statusCode).toBe(503)
      expect(res.json().error.code).toBe('RENDERER_UNAVAILABLE')
    } finally {
      await bare.close()
    }
  })
})
