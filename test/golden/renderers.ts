// The two programs that draw golden images: ZPL through the Labelary client to a Labelary-compatible endpoint
// (by default our own, started in-process on 127.0.0.1; with LABELARY_URL, that URL, e.g. the real Labelary)
// and PDF through pdfjs.
import { existsSync, readFileSync } from 'node:fs'
import { loadConfig } from '../../src/config.ts'
import { loadTextFonts } from '../../src/fonts/index.ts'
import type { Label } from '../../src/model/label.ts'
import { renderPdf, type PdfOptions } from '../../src/render/pdf/index.ts'
import { textRasterizerFor } from '../../src/render/bitmap/index.ts'
import { fallbackPdfFonts } from '../../src/service/formats/pdf.ts'
import { createLabelaryClient, type LabelaryClient } from '../../src/labelary/index.ts'
import { createZplRasterizer } from '../../src/render/png/index.ts'
import { renderZpl, type ZplOptions } from '../../src/render/zpl/index.ts'
import type { Dpi } from '../../src/units.ts'
import { labelaryApp } from '../http/labelary/endpoint-app.ts'
import { rasterizePdfToGray } from '../support/pdf-raster.ts'
import { pngToGray } from '../support/zpl-render.ts'
import { fitToLabel, type LabelBitmap } from './bitmap.ts'
import type { RendererInfo } from './manifest.ts'

/** Draws ZPL labels (all of one density) as thresholded bitmaps of exactly the label's size. */
export interface ZplGoldenRenderer {
  info: RendererInfo
  render (labels: Label[], dpi: Dpi): Promise<LabelBitmap[]>
}

/** Draws one label's PDF, rasterised at the label's density. */
export interface PdfGoldenRenderer {
  info: RendererInfo
  render (label: Label, dpi: Dpi): Promise<LabelBitmap>
}

/** Both renderers, and what to release when the suite is done. */
export interface GoldenRenderers {
  zpl: ZplGoldenRenderer
  pdf: PdfGoldenRenderer
  close (): Promise<void>
}

/** Where ZPL goes: nothing (our in-process endpoint) or a Labelary-compatible base URL. */
export interface RendererOptions {
  labelaryUrl?: string
  /** Sent as X-API-Key to `labelaryUrl`. */
  apiKey?: string
  /** Requests per second to `labelaryUrl` (Labelary allows 5). */
  ratePerSecond?: number
  /** zebrash worker threads of the in-process endpoint (default 1: the two density files run in parallel). */
  workers?: number
}

/** Installed version of the first of `names` (package folders under node_modules) that exists. */
function packageVersion (...names: string[]): string {
  for (const name of names) {
    const file = new URL(`../../node_modules/${name}/package.json`, import.meta.url)
    if (existsSync(file)) return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version
  }
  throw new Error(`none of ${names.join(', ')} is installed`)
}

/** zebrash as shipped in zpl-renderer-js: what our self-hosted endpoint runs. */
export function zebrashInfo (via: string): RendererInfo {
  return { name: 'zebrash', version: `zpl-renderer-js ${packageVersion('zpl-renderer-js')}`, via }
}

/**
 * Who draws ZPL sent to `url`: an endpoint on this machine is our own (zebrash); anything else is taken to be
 * another renderer (the real Labelary), which selects the cross-renderer tolerance.
 */
export function zplRendererAt (url: string): RendererInfo {
  const host = new URL(url).hostname
  const local = host === '127.0.0.1' || host === 'localhost' || host === '[::1]'
  return local
    ? zebrashInfo(`Labelary client → ${url}`)
    : { name: 'labelary', version: `${host} (version not reported)`, via: `Labelary client → ${url}` }
}

function pdfRenderer (options: PdfOptions): PdfGoldenRenderer {
  return {
    info: {
      name: 'pdfjs',
      version: `pdfjs-dist ${packageVersion('pdfjs-dist')} on @napi-rs/canvas ${packageVersion('pdfjs-dist/node_modules/@napi-rs/canvas', '@napi-rs/canvas')}`,
      via: 'src/render/pdf → test/support/pdf-raster.ts'
    },
    async render (label, dpi) {
      const pdf = await renderPdf(label, options)
      return fitToLabel(await rasterizePdfToGray(pdf, { dpi }), label.widthDots, label.heightDots)
    }
  }
}

/**
 * ZPL through the Labelary client: all labels of a density in one document, as the service makes them by default
 * (text as graphics, nothing installed on the renderer); the client asks for each label's PNG by index.
 */
function throughClient (client: LabelaryClient, info: RendererInfo, options: ZplOptions): ZplGoldenRenderer {
  return {
    info,
    async render (labels, dpi) {
      const first = labels[0]
      if (first === undefined) return []
      if (labels.some((l) => l.widthDots !== first.widthDots || l.heightDots !== first.heightDots)) {
        throw new Error('labels of one density must share a size to be rendered in one document')
      }
      const zpl = labels.map((label) => renderZpl(label, options)).join('')
      const { images } = await client.render({
        zpl, dpmm: dpi === 203 ? 8 : 12, widthIn: first.widthDots / dpi, heightIn: first.heightDots / dpi, accept: 'image/png'
      })
      if (images.length !== labels.length) throw new Error(`${info.via}: ${images.length} images for ${labels.length} labels`)
      return Promise.all(images.map(async (png, i) => {
        const label = labels[i] as Label
        return fitToLabel(await pngToGray(png), label.widthDots, label.heightDots)
      }))
    }
  }
}

/** Our Labelary-compatible endpoint over a zebrash worker pool, listening on 127.0.0.1 on a free port. */
async function startSelfHosted (workers: number): Promise<{ url: string, close: () => Promise<void> }> {
  const rasterizer = createZplRasterizer({ workers })
  try {
    const app = await labelaryApp(rasterizer)
    const address = await app.listen({ host: '127.0.0.1', port: 0 })
    return { url: address, close: async () => { await app.close(); await rasterizer.close() } }
  } catch (err) {
    await rasterizer.close()
    throw err
  }
}

/** How a process shares the endpoint: its zebrash workers, and how many processes use LABELARY_URL at once. */
export interface Sharing {
  workers?: number
  /** Clients running at the same time (the two density test files): each gets this share of the rate. */
  clients?: number
}

/**
 * Renderer options from the environment (the golden suite is test code, so it may read it): LABELARY_URL
 * selects the endpoint (`golden:check`), LABELARY_API_KEY and LABELARY_RATE_PER_SECOND as for the service.
 * The rate is split between clients running at once, so together they stay within Labelary's limit.
 */
export function rendererOptionsFromEnv (env: Record<string, string | undefined>, sharing: Sharing = {}): RendererOptions {
  const url = env.LABELARY_URL?.trim()
  const config = loadConfig({ LABELARY_API_KEY: env.LABELARY_API_KEY, LABELARY_RATE_PER_SECOND: env.LABELARY_RATE_PER_SECOND })
  return {
    labelaryUrl: url === undefined || url === '' ? undefined : url,
    apiKey: config.labelaryApiKey,
    ratePerSecond: config.labelaryRatePerSecond / (sharing.clients ?? 1),
    workers: sharing.workers
  }
}

/**
 * Opens the renderers the golden suite uses. Without `labelaryUrl`, ZPL goes through the Labelary client to our
 * own endpoint started here (no rate limit worth the name: it is local); with one, to that URL at its rate.
 */
export async function openRenderers (options: RendererOptions = {}): Promise<GoldenRenderers> {
  const font = loadTextFonts(loadConfig({}).fontFile)
  const server = options.labelaryUrl === undefined ? await startSelfHosted(options.workers ?? 1) : undefined
  const url = server?.url ?? options.labelaryUrl as string
  const client = createLabelaryClient({
    baseUrl: url,
    apiKey: options.apiKey,
    ratePerSecond: server === undefined ? options.ratePerSecond ?? 5 : 1000
  })
  // The in-process endpoint's port changes every run; the manifest names it without, so updates stay quiet.
  const info = server === undefined ? zplRendererAt(url) : zebrashInfo('Labelary client → our endpoint, in-process on 127.0.0.1')
  return {
    zpl: throughClient(client, info, { fontPath: font.zplPath, text: 'graphic', glyphs: textRasterizerFor(font) }),
    pdf: pdfRenderer({ fontBytes: font.bytes, fallbackFonts: fallbackPdfFonts(font) }),
    close: async () => {
      await client.close()
      await server?.close()
    }
  }
}
