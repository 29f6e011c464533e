// The worker pool with real zebrash: few renders (≈ 0.05–0.5 s each), one pool for the file.
import sharp from 'sharp'
import { afterAll, describe, expect, it } from 'vitest'
import { encodeCode128 } from '../../../src/barcode/code128.ts'
import { createZplRasterizer, splitZplLabels } from '../../../src/render/png/index.ts'
import { decodeCode128, measureBars } from '../../support/decode-barcode.ts'
import { readFileSync } from 'node:fs'
import { renderZpl, zplFontDownload } from '../../../src/render/zpl/index.ts'
import { pngToGray, renderZplToPng } from '../../support/zpl-render.ts'
import { barcodeLabel, FONT_PATH, fontModeOptions, textElement } from '../zpl/labels.ts'

const rasterizer = createZplRasterizer({ workers: 2 })
afterAll(() => rasterizer.close())

const LABEL = '^XA^FO50,50^A0N,40,40^FDHello^FS^FO50,150^GB300,20,20^FS^XZ'
const size4x6 = { widthIn: 4, heightIn: 6 } as const

/** PNG header facts: width, height, bit depth, colour type. */
function ihdr (png: Buffer): { width: number, height: number, bitDepth: number, colourType: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20), bitDepth: png.readUInt8(24), colourType: png.readUInt8(25) }
}

describe('createZplRasterizer', () => {
  it('renders one 1-bit PNG per label at the label’s exact dots (8 dpmm 4x6 = 812×1218)', async () => {
    const pngs = await rasterizer.render(`${LABEL}\n${LABEL.replace('Hello', 'Two')}\n`, { dpmm: 8, ...size4x6 })
    expect(pngs).toHaveLength(2)
    for (const png of pngs) expect(ihdr(png)).toEqual({ width: 812, height: 1218, bitDepth: 1, colourType: 0 })
    const gray = await pngToGray(pngs[0] as Buffer)
    expect(gray.data[160 * 812 + 100]).toBe(0) // inside the box
    expect(gray.data[5 * 812 + 5]).toBe(255)
  })

  it('renders the label service’s single label at 300 dpi as 1200×1800, and rotates clockwise', async () => {
    expect(ihdr(await rasterizer.renderLabelPng(LABEL, 300))).toMatchObject({ width: 1200, height: 1800 })
    const [rotated] = await rasterizer.render(LABEL, { dpmm: 8, ...size4x6, rotation: 90 })
    const gray = await pngToGray(rotated as Buffer)
    expect([gray.width, gray.height]).toEqual([1218, 812])
    // The box at x 50–349, y 150–169 turns clockwise to x 1048–1067 (1218 − 1 − y), y 50–349.
    expect(gray.data[100 * 1218 + 1058]).toBe(0)
    expect(gray.data[100 * 1218 + 160]).toBe(255)
  })

  it('draws a B→C Code128 symbol bar for bar as our encoder (and a printer) does', async () => {
    const symbol = encodeCode128('TBA123456789000')
    expect(symbol.zplData).toContain('>5')
    const zpl = `^XA^FO50,90^BY2^BCN,152,N,N,N,N^FD${symbol.zplData}^FS^XZ`
    const gray = await pngToGray(await rasterizer.renderLabelPng(zpl, 203))
    const bars = measureBars(gray, { row: 150 }).slice(1, -1).map((r) => r.length / 2)
    expect(bars).toEqual(symbol.pattern)
    expect((await decodeCode128(gray)).map((d) => d.text)).toEqual(['TBA123456789000'])
  })

  it('renders the label service’s ZPL (font download, then the label) exactly as the tests’ zebrash does', async () => {
    const font = readFileSync(new URL('../../../fonts/RobotoCondensed-Bold.ttf', import.meta.url))
    const { label } = barcodeLabel('TBA123456789000', 300, 0)
    label.elements.push(textElement(60, 600, 'Jordan Alvarez gjpq', 60, 500))
    const zpl = zplFontDownload(font, FONT_PATH) + renderZpl(label, fontModeOptions())
    const [ours, reference] = await Promise.all([rasterizer.renderLabelPng(zpl, 300), renderZplToPng(zpl, { dpi: 300 })])
    const [a, b] = await Promise.all([pngToGray(ours), pngToGray(reference)])
    expect([a.width, a.height]).toEqual([1200, 1800])
    expect(Buffer.from(a.data).equals(Buffer.from(b.data))).toBe(true)
    expect(a.data.subarray(600 * 1200, 660 * 1200).includes(0)).toBe(true) // the text drew
    expect((await decodeCode128(a)).map((d) => d.text)).toEqual(['TBA123456789000'])
  })

  it('renders a format with nothing to draw as a blank label, as a printer does', async () => {
    const [png] = await rasterizer.render('^xa^xz', { dpmm: 6, widthIn: 2, heightIn: 1 })
    const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true })
    expect([info.width, info.height]).toEqual([304, 152])
    expect(data.every((v) => v === 255)).toBe(true)
  })

  it('renders one label of split ZPL with the downloads before it', async () => {
    const split = splitZplLabels(`${LABEL}^XA^FO0,0^GB10,10,10^FS^XZ`)
    const png = await rasterizer.renderLabel(split, 1, { dpmm: 8, widthIn: 1, heightIn: 1 })
    const gray = await pngToGray(png)
    expect([gray.width, gray.height, gray.data[5 * 203 + 5], gray.data[50 * 203 + 100]]).toEqual([203, 203, 0, 255])
  })

  it('does not block the event loop while labels render', async () => {
    let maxLag = 0
    let last = performance.now()
    const timer = setInterval(() => {
      const now = performance.now()
      maxLag = Math.max(maxLag, now - last - 5)
      last = now
    }, 5)
    const started = performance.now()
    await rasterizer.render(Array(6).fill(LABEL).join(''), { dpmm: 12, ...size4x6 })
    const took = performance.now() - started
    clearInterval(timer)
    expect(maxLag).toBeLessThan(Math.max(60, took / 3))
  })

  it('reports pool memory per worker thread', () => {
    const stats = rasterizer.stats()
    expect(stats.rssBytes).toBeGreaterThan(0)
    expect(stats.labelsRendered).toBeGreaterThan(0)
    expect(stats.workers.length).toBeGreaterThanOrEqual(1)
    for (const w of stats.workers) expect(w.heapUsedBytes).toBeGreaterThan(0)
  })
})

describe('rasterizer errors', () => {
  it('names bad input: no label at all, or ZPL zebrash cannot parse', async () => {
    await expect(rasterizer.render('hello', { dpmm: 8, ...size4x6 })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    const bad = rasterizer.render(`${LABEL}^XA^FO0,0^GFA,10,10,1,ZZZZ^FS^XZ`, { dpmm: 8, ...size4x6 })
    await expect(bad).rejects.toMatchObject({ code: 'RENDER_FAILED', message: expect.stringMatching(/^label 1: .*\^GFA/) })
    await expect(bad).rejects.toHaveProperty('cause')
  })

  it('times out (RENDER_TIMEOUT) and refuses work once closed (RENDERER_UNAVAILABLE)', async () => {
    const quick = createZplRasterizer({ workers: 1, timeoutMs: 1 })
    try {
      await expect(quick.render(LABEL, { dpmm: 8, ...size4x6 })).rejects.toMatchObject({ code: 'RENDER_TIMEOUT' })
    } finally {
      await quick.close()
    }
    await expect(quick.render(LABEL, { dpmm: 8, ...size4x6 })).rejects.toMatchObject({ code: 'RENDERER_UNAVAILABLE' })
  })

  it('answers a full queue and a close while drawing with RENDERER_UNAVAILABLE, not as bad ZPL or a timeout', async () => {
    const small = createZplRasterizer({ workers: 1, maxQueue: 1 })
    try {
      await expect(small.render(LABEL.repeat(3), { dpmm: 8, ...size4x6 })).rejects.toMatchObject({ code: 'RENDERER_UNAVAILABLE', message: expect.stringMatching(/busy/) })
    } finally {
      await small.close()
    }
    const closing = createZplRasterizer({ workers: 1 })
    const inFlight = Promise.allSettled([0, 1].map(() => closing.render(LABEL, { dpmm: 8, ...size4x6 })))
    await closing.close()
    const results = await inFlight
    expect(results.some((r) => r.status === 'rejected')).toBe(true)
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'RENDERER_UNAVAILABLE', cause: expect.anything() })
  })
})

describe('a worker whose zebrash panicked', () => {
  // A font height far past ZPL's 32000 dots: zebrash catches a Go panic, and the next label on that worker asked for
  // 4 GB; a few labels later its Go program died and every label after failed.
  const PANIC = '^XA^FT30,100^A@N,154634,24,E:LWSANS.TTF^FDx^FS^XZ'

  it('is replaced: that label fails alone, and labels queued behind it and after it draw on a fresh worker', async () => {
    const pool = createZplRasterizer({ workers: 1 })
    try {
      await pool.render(LABEL, { dpmm: 8, ...size4x6 })
      const [first] = pool.stats().workers
      const [panicked, queued] = await Promise.allSettled([pool.render(PANIC, { dpmm: 8, ...size4x6 }), pool.render(LABEL, { dpmm: 8, ...size4x6 })])
      expect(panicked).toMatchObject({ status: 'rejected', reason: { code: 'RENDER_FAILED', message: expect.stringMatching(/runtime error/) } })
      expect(queued.status).toBe('fulfilled')
      await pool.render(LABEL, { dpmm: 8, ...size4x6 })
      const workers = pool.stats().workers
      expect(workers.map((w) => w.threadId)).not.toContain(first?.threadId)
      for (const w of workers) expect(w.externalBytes).toBeLessThan(512 * 1024 ** 2)
    } finally {
      await pool.close()
    }
  })
})
