import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../../support/app.ts'
import { decodeCode128 } from '../../support/decode-barcode.ts'
import { pngToGray, renderZplToPng } from '../../support/zpl-render.ts'
import { fullRecord } from './fixtures.ts'

let app: FastifyInstance
beforeAll(async () => {
  app = await testApp()
})
afterAll(async () => {
  await app.close()
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

describe('PNG labels drawn in process', () => {
  it.each([203, 300] as const)('are dot for dot what a ZPL printer draws from the self-contained ZPL label (%i dpi)', async (dpi) => {
    const ask = async (format: string, accept: string) => (await app.inject({ method: 'POST', url: `/v1/labels?format=${format}&dpi=${dpi}`, payload: fullRecord(), headers: { accept } })).rawPayload
    const png = await pngToGray(await ask('png', 'image/png'))
    const zpl = (await ask('zpl', 'x-application/zpl')).toString('utf8')
    expect(zpl).not.toContain('^A@')
    const printed = await pngToGray(await renderZplToPng(zpl, { dpi }))
    let differing = 0
    let ink = 0
    for (let i = 0; i < png.data.length; i++) {
      if (png.data[i] === 0) ink++
      if (png.data[i] !== printed.data[i]) differing++
    }
    expect(ink).toBeGreaterThan(20_000)
    expect(differing).toBe(0)
  })
})
