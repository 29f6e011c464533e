// Which renderer the suite says drew the ZPL decides the tolerance: our own endpoint on this machine is
// zebrash (exact match), any other Labelary-compatible URL (golden:check against api.labelary.com) is not.
// ZPL goldens reach the suite through the Labelary client and our endpoint, pixel for pixel as drawn.
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import { loadLabelFont } from '../../src/fonts/index.ts'
import { createZplRasterizer } from '../../src/render/png/index.ts'
import { renderZpl } from '../../src/render/zpl/index.ts'
import { barcodeLabel, textElement } from '../render/zpl/labels.ts'
import { pngToGray } from '../support/zpl-render.ts'
import { INK } from './bitmap.ts'
import { compareImages } from './compare.ts'
import { graphicModeOptions } from '../render/zpl/labels.ts'
import { openRenderers, rendererOptionsFromEnv, zebrashInfo, zplRendererAt } from './renderers.ts'
import { CROSS_RENDERER, pixelBudget, toleranceFor } from './tolerance.ts'

const golden = zebrashInfo('Labelary client → http://127.0.0.1:40000')

describe('ZPL renderer behind a Labelary URL', () => {
  it.each(['http://127.0.0.1:40123', 'http://localhost:3000/', 'http://[::1]:8080'])('%s is our zebrash: budget 0', (url) => {
    const info = zplRendererAt(url)
    expect(info).toMatchObject({ name: 'zebrash', version: golden.version, via: `Labelary client → ${url}` })
    expect(pixelBudget(toleranceFor(golden, info), 812, 1218)).toBe(0)
  })

  it('api.labelary.com is another renderer: the cross-renderer budget', () => {
    const info = zplRendererAt('https://api.labelary.com')
    expect(info.name).toBe('labelary')
    expect(toleranceFor(golden, info)).toBe(CROSS_RENDERER)
    expect(pixelBudget(toleranceFor(golden, info), 812, 1218)).toBe(Math.floor(CROSS_RENDERER.ppm * 812 * 1218 / 1e6))
  })

  it('records the installed zpl-renderer-js version', () => {
    expect(golden.version).toMatch(/^zpl-renderer-js \d+\.\d+\.\d+$/)
  })
})

describe('renderer options from the environment', () => {
  it('renders through our own endpoint unless LABELARY_URL is set, at Labelary’s 5 requests/s shared by the clients', () => {
    expect(rendererOptionsFromEnv({})).toMatchObject({ labelaryUrl: undefined, ratePerSecond: 5 })
    expect(rendererOptionsFromEnv({ LABELARY_URL: ' ' }).labelaryUrl).toBeUndefined()
    expect(rendererOptionsFromEnv({ LABELARY_URL: 'https://api.labelary.com', LABELARY_API_KEY: 'k', LABELARY_RATE_PER_SECOND: '3' }))
      .toMatchObject({ labelaryUrl: 'https://api.labelary.com', apiKey: 'k', ratePerSecond: 3 })
    expect(rendererOptionsFromEnv({ LABELARY_URL: 'https://api.labelary.com' }, { clients: 2 }).ratePerSecond).toBe(2.5)
  })
})

describe('ZPL goldens through the Labelary client and our endpoint', () => {
  it('draw exactly what the rasterizer draws, and say how they were made', async () => {
    const dpi = 203
    const { label } = barcodeLabel('LWXMKQTZRHPVNDB', dpi, 0)
    label.elements.push(textElement(30, 400, 'Łukasiewicz Αθηνά Дмитрий', 40, 420))
    const renderers = await openRenderers()
    const rasterizer = createZplRasterizer({ workers: 1 })
    try {
      const [image] = await renderers.zpl.render([label], dpi)
      expect(renderers.zpl.info).toMatchObject({ name: 'zebrash', via: 'Labelary client → our endpoint, in-process on 127.0.0.1' })
      const font = loadLabelFont(loadConfig({}).fontFile)
      const direct = await pngToGray(await rasterizer.renderLabelPng(renderZpl(label, graphicModeOptions(font.bytes)), dpi))
      expect(image?.data.filter((v) => v === INK).length).toBeGreaterThan(10_000)
      expect(image && compareImages(direct, image).mismatched).toBe(0)
    } finally {
      await rasterizer.close()
      await renderers.close()
    }
  })
})
