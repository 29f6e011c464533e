// The Labelary-compatible endpoint with the real rasterizer (few renders) inside the real app (app.inject).
import type { FastifyInstance } from 'fastify'
import { PDFDocument } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createZplRasterizer } from '../../../src/render/png/index.ts'
import { rasterizePdfToGray } from '../../support/pdf-raster.ts'
import { pngToGray } from '../../support/zpl-render.ts'
import { readFileSync } from 'node:fs'
import { LABEL_FONT_ZPL_PATH } from '../../../src/fonts/index.ts'
import { withStoredFonts } from '../../../src/http/labelary/index.ts'
import { testLabelService } from '../../support/app.ts'
import { labelaryApp } from './endpoint-app.ts'

const LABEL = '^XA^FO50,50^A0N,40,40^FDHello^FS^FO50,150^GB300,20,20^FS^XZ'
const rasterizer = createZplRasterizer({ workers: 2 })
let app: FastifyInstance

beforeAll(async () => {
  app = await labelaryApp(rasterizer)
})
afterAll(async () => {
  await app.close()
  await rasterizer.close()
})

function size (png: Buffer): [number, number] {
  return [png.readUInt32BE(16), png.readUInt32BE(20)]
}

describe('POST /v1/printers/{dpmm}/labels/{w}x{h}/{index}/', () => {
  it('renders label 0 as a PNG of 812×1218 at 8dpmm 4x6 from a raw form-urlencoded body, with X-Total-Count', async () => {
    const res = await app.inject({
      method: 'POST', url: '/v1/printers/8dpmm/labels/4x6/0/', payload: LABEL + LABEL,
      headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'image/png' }
    })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('image/png')
    expect(res.headers['x-total-count']).toBe('2')
    expect(size(res.rawPayload)).toEqual([812, 1218])
  })

  it('renders 1200×1800 at 12dpmm from the multipart field "file", rotated by X-Rotation', async () => {
    const boundary = 'XyZ123'
    const payload = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="l.zpl"\r\nContent-Type: application/octet-stream\r\n\r\n${LABEL}\r\n--${boundary}--\r\n`
    const res = await app.inject({
      method: 'POST', url: '/v1/printers/12dpmm/labels/4x6/0', payload,
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}`, 'x-rotation': '90' }
    })
    expect(res.statusCode).toBe(200)
    expect(size(res.rawPayload)).toEqual([1800, 1200])
  })

  it('returns a PDF of every label when no index is given, one label-sized page each', async () => {
    const res = await app.inject({
      method: 'POST', url: '/v1/printers/8dpmm/labels/4x6/', payload: `${LABEL}\n${LABEL}\n${LABEL}`,
      headers: { accept: 'application/pdf', 'x-linter': 'On' }
    })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
    expect(res.headers['x-warnings']).toBe('')
    const pdf = await PDFDocument.load(res.rawPayload)
    expect(pdf.getPageCount()).toBe(3)
    expect(pdf.getPage(0).getSize()).toEqual({ width: 288, height: 432 })
    // The page is the PNG, pixel for pixel (the PNG data goes into the PDF undecoded).
    const png = await app.inject({ method: 'POST', url: '/v1/printers/8dpmm/labels/4x6/0/', payload: LABEL })
    const [page, image] = await Promise.all([rasterizePdfToGray(res.rawPayload, { dpi: 203 }), pngToGray(png.rawPayload)])
    expect([page.width, page.height]).toEqual([image.width, image.height])
    expect(Buffer.from(page.data).equals(Buffer.from(image.data))).toBe(true)
  })
})

describe('fonts the endpoint holds as a provisioned printer does', () => {
  const font = testLabelService()
  const stored = { path: LABEL_FONT_ZPL_PATH, download: font.fontDownloadZpl() }
  const labelZpl = font.renderZpl({ record: JSON.parse(readFileSync(new URL('../../../bench/fixtures/generic-record.json', import.meta.url), 'utf8')) as unknown, source: 'generic', dpi: 203, text: 'font' }).zpl
  const png = async (target: FastifyInstance, zpl: string): Promise<Buffer> =>
    (await target.inject({ method: 'POST', url: '/v1/printers/8dpmm/labels/4x6/0/', payload: zpl, headers: { accept: 'image/png' } })).rawPayload

  it('draws a label that uses the label font without downloading it exactly as with the download', async () => {
    const holding = await labelaryApp(rasterizer, [stored])
    try {
      const withDownload = await png(holding, stored.download + labelZpl)
      expect(await png(holding, labelZpl)).toEqual(withDownload)
      // Without the stored font, zebrash falls back to another face: a different picture.
      expect(await png(app, labelZpl)).not.toEqual(withDownload)
    } finally {
      await holding.close()
    }
  })

  it('adds the download only where the ZPL names the font and does not download it itself, in any case', () => {
    const fonts = [{ path: 'E:LWSANS.TTF', download: '~DUE:LWSANS.TTF,2,AAAA\n' }]
    expect(withStoredFonts('^XA^A@N,20,20,e:lwsans.ttf^FDx^FS^XZ', fonts)).toBe('~DUE:LWSANS.TTF,2,AAAA\n^XA^A@N,20,20,e:lwsans.ttf^FDx^FS^XZ')
    expect(withStoredFonts('^XA^A0N,20,20^FDx^FS^XZ', fonts)).toBe('^XA^A0N,20,20^FDx^FS^XZ')
    const ownDownload = '~DUE:LWSANS.TTF,2,BBBB\n^XA^A@N,20,20,E:LWSANS.TTF^FDx^FS^XZ'
    expect(withStoredFonts(ownDownload, fonts)).toBe(ownDownload)
  })
})

describe('GET with the ZPL in the path', () => {
  it('renders the URL-encoded ZPL', async () => {
    const res = await app.inject({ method: 'GET', url: `/v1/printers/6dpmm/labels/2x1/0/${encodeURIComponent('^xa^fo10,10^gb50,50,50^fs^xz')}` })
    expect(res.statusCode).toBe(200)
    expect(size(res.rawPayload)).toEqual([304, 152])
  })

  it('takes ZPL longer than a path parameter may be (Labelary allows ~3000 characters in the URL)', async () => {
    const zpl = `^XA${'^FO10,10^GB50,50,50^FS'.repeat(40)}^XZ`
    const res = await app.inject({ method: 'GET', url: `/v1/printers/8dpmm/labels/1x1/0/${encodeURIComponent(zpl)}`, headers: { accept: 'application/pdf' } })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('application/pdf')
  })
})

describe('errors as Labelary answers them (plain text)', () => {
  const post = (url: string, payload: string, headers: Record<string, string> = {}) => app.inject({ method: 'POST', url, payload, headers })

  it.each([
    ['an unknown density', '/v1/printers/9dpmm/labels/4x6/0/', LABEL, {}, 400, /print density/],
    ['a bad size', '/v1/printers/8dpmm/labels/4xsix/0/', LABEL, {}, 400, /label size/],
    ['a size over 15 in', '/v1/printers/8dpmm/labels/4x16/0/', LABEL, {}, 400, /at most 15/],
    ['a bad rotation', '/v1/printers/8dpmm/labels/4x6/0/', LABEL, { 'x-rotation': '45' }, 400, /rotation/],
    ['ZPL zebrash cannot parse', '/v1/printers/8dpmm/labels/4x6/0/', '^XA^GFA,10,10,1,ZZ^FS^XZ', {}, 400, /\^GFA/],
    ['a bad index', '/v1/printers/8dpmm/labels/4x6/first/', LABEL, {}, 400, /label index/],
    ['a multipart form without "file"', '/v1/printers/8dpmm/labels/4x6/0/', '--b\r\nContent-Disposition: form-data; name="zpl"\r\n\r\n^XA^XZ\r\n--b--\r\n',
      { 'content-type': 'multipart/form-data; boundary=b' }, 400, /"file"/],
    ['an index past the last label', '/v1/printers/8dpmm/labels/4x6/2/', LABEL + LABEL, {}, 404, /index 2 is out of range; the ZPL holds 2 labels/],
    ['no label at all', '/v1/printers/8dpmm/labels/4x6/0/', 'hello', {}, 404, /no labels/],
    ['more than 50 labels', '/v1/printers/8dpmm/labels/4x6/', LABEL.repeat(51), { accept: 'application/pdf' }, 413, /51 labels; at most 50/],
    ['an unsupported Accept', '/v1/printers/8dpmm/labels/4x6/0/', LABEL, { accept: 'application/json' }, 406, /image\/png or application\/pdf/]
  ])('%s', async (_name, url, payload, headers, status, message) => {
    const res = await post(url, payload, headers)
    expect(res.statusCode).toBe(status)
    expect(res.headers['content-type']).toMatch(/^text\/plain/)
    expect(res.body).toMatch(/^ERROR: /)
    expect(res.body).toMatch(message)
  })

  it('answers a malformed %-escape in a GET\'s ZPL, refused before routing, as plain text too', async () => {
    const res = await app.inject({ method: 'GET', url: '/v1/printers/8dpmm/labels/4x6/0/^XA^FDHalf 50%_off^FS^XZ' })
    expect(res.statusCode).toBe(400)
    expect(res.headers['content-type']).toMatch(/^text\/plain/)
    expect(res.body).toMatch(/^ERROR: the URL is not valid: every % must start a complete escape/)
  })

  it('leaves the JSON error envelope of the other routes alone', async () => {
    const res = await app.inject({ method: 'POST', url: '/v1/labels', payload: '{"record":', headers: { 'content-type': 'application/json' } })
    expect(res.statusCode).toBe(400)
    expect(res.json()).toMatchObject({ error: { code: expect.any(String) } })
    // The printing API shares the /v1/printers/ prefix and answers in JSON.
    for (const url of ['/v1/labels/%zz', '/v1/printers/%zz/jobs', '/v1/printers/dock%zz']) {
      expect((await app.inject({ method: 'GET', url })).json(), url).toMatchObject({ error: { code: 'BAD_URL' } })
    }
  })
})
