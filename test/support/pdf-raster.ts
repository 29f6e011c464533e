// Test support: rasterise PDF pages with pdfjs-dist (legacy build for Node) onto @napi-rs/canvas at exactly a
// label's density (scale = dpi / 72, so a 4x6 in page at 203 dpi is 812×1218 pixels, one pixel per printer dot).
// Fonts must be embedded (no standard-font data is loaded); glyphs are drawn as paths. The canvas comes from
// pdfjs's own canvas factory: pdfjs-dist carries its own copy of @napi-rs/canvas, and a canvas from the
// top-level copy rejects pdfjs's Path2D objects.
import { getDocument, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs'
import type { GrayImage } from './zpl-render.ts'

type RenderParameters = Parameters<PDFPageProxy['render']>[0]

/** What pdfjs's Node canvas factory hands out (an @napi-rs/canvas canvas and its 2D context). */
interface NodeCanvas {
  canvas: { toBuffer: (mime: 'image/png') => Buffer }
  context: {
    fillStyle: string
    fillRect: (x: number, y: number, w: number, h: number) => void
    getImageData: (x: number, y: number, w: number, h: number) => { data: Uint8ClampedArray }
  }
}

/** Which page to draw (1-based, default 1) and at what density. */
export interface RasterOptions {
  dpi: number
  page?: number
}

/** A page drawn in RGBA, before thresholding. */
interface RgbaPage {
  width: number
  height: number
  rgba: Uint8ClampedArray
  png: () => Buffer
}

/** Opens a PDF with pdfjs (a private copy of the bytes: pdfjs detaches the buffer it is given). */
export async function openPdf (pdf: Uint8Array): Promise<PDFDocumentProxy> {
  return getDocument({
    data: new Uint8Array(pdf),
    disableFontFace: true,
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0
  }).promise
}

async function drawPage (pdf: Uint8Array, opts: RasterOptions): Promise<RgbaPage> {
  const doc = await openPdf(pdf)
  try {
    const page = await doc.getPage(opts.page ?? 1)
    const viewport = page.getViewport({ scale: opts.dpi / 72 })
    const width = Math.round(viewport.width)
    const height = Math.round(viewport.height)
    const { canvas, context } = (doc.canvasFactory as { create: (w: number, h: number) => NodeCanvas }).create(width, height)
    context.fillStyle = '#ffffff'
    context.fillRect(0, 0, width, height)
    const canvasContext = context as unknown as RenderParameters['canvasContext']
    await page.render({ canvas: null, canvasContext, viewport }).promise
    const { data } = context.getImageData(0, 0, width, height)
    return { width, height, rgba: data, png: () => canvas.toBuffer('image/png') }
  } finally {
    await doc.destroy()
  }
}

/** Page `opts.page` (default 1) as a PNG at `opts.dpi`. */
export async function rasterizePdf (pdf: Uint8Array, opts: RasterOptions): Promise<Buffer> {
  return (await drawPage(pdf, opts)).png()
}

/** Page `opts.page` as a gray image thresholded like pngToGray: luma < 128 is ink (0), the rest paper (255). */
export async function rasterizePdfToGray (pdf: Uint8Array, opts: RasterOptions): Promise<GrayImage> {
  const { width, height, rgba } = await drawPage(pdf, opts)
  const data = new Uint8Array(width * height)
  for (let i = 0; i < data.length; i++) {
    const luma = 0.299 * (rgba[i * 4] as number) + 0.587 * (rgba[i * 4 + 1] as number) + 0.114 * (rgba[i * 4 + 2] as number)
    data[i] = luma < 128 ? 0 : 255
  }
  return { width, height, data }
}
