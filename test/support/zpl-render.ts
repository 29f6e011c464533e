// Test support: render ZPL locally with zebrash (zpl-renderer-js, loaded once) and turn PNGs into gray pixels.
import sharp from 'sharp'
import { zebrashCompatible } from '../../src/render/png/zebrash-fixups.ts'

// The preview fix-ups for zebrash's defects live with the PNG renderer; re-exported for tests that show them.
export { zebrashCompatible }

/** A gray image, 1 byte per pixel, thresholded to 0 (ink) or 255 (paper). */
export interface GrayImage {
  width: number
  height: number
  data: Uint8Array
}

/** Options for `renderZplToPng`: density and label size in inches (default 4x6); the PNG is exactly the label's dots. */
export interface RenderOptions {
  dpi: 203 | 300
  widthIn?: number
  heightIn?: number
  /** Send the ZPL exactly as given, without `zebrashCompatible` (to show zebrash's own behaviour). */
  raw?: boolean
}

type ZplApi = {
  zplToBase64Async: (zpl: string, widthMm?: number, heightMm?: number, dpmm?: number) => Promise<string>
  zplToBase64MultipleAsync: (zpl: string, widthMm?: number, heightMm?: number, dpmm?: number) => Promise<string[]>
}

let api: Promise<ZplApi> | undefined

function zebrash (): Promise<ZplApi> {
  api ??= import('zpl-renderer-js').then(async (m) => (await m.ready).api)
  return api
}

/**
 * Canvas size in millimetres that zebrash turns into exactly the label's dots. zebrash centres a ^PW
 * narrower than its canvas, so a canvas of 4 in at 12 dpmm (1219 dots) would shift a 1200-dot label.
 */
function canvasMm (opts: RenderOptions): { widthMm: number, heightMm: number, dpmm: number } {
  const dpmm = opts.dpi === 203 ? 8 : 12
  return {
    widthMm: Math.round((opts.widthIn ?? 4) * opts.dpi) / dpmm,
    heightMm: Math.round((opts.heightIn ?? 6) * opts.dpi) / dpmm,
    dpmm
  }
}

/** Renders one ZPL label (`^XA…^XZ`, optionally preceded by `~DU` downloads) to a PNG at the given density. */
export async function renderZplToPng (zpl: string, opts: RenderOptions): Promise<Buffer> {
  const { widthMm, heightMm, dpmm } = canvasMm(opts)
  const { zplToBase64Async } = await zebrash()
  const source = opts.raw === true ? zpl : zebrashCompatible(zpl)
  const base64 = await zplToBase64Async(source, widthMm, heightMm, dpmm)
  return Buffer.from(base64, 'base64')
}

/** Renders every label (`^XA…^XZ`) in the ZPL, one PNG each: counts what a printer would print. */
export async function renderZplToPngs (zpl: string, opts: RenderOptions): Promise<Buffer[]> {
  const { widthMm, heightMm, dpmm } = canvasMm(opts)
  const api = await zebrash()
  const source = opts.raw === true ? zpl : zebrashCompatible(zpl)
  const pages = await api.zplToBase64MultipleAsync(source, widthMm, heightMm, dpmm)
  return pages.map((p) => Buffer.from(p, 'base64'))
}

/** Decodes a PNG to 1 byte per pixel, thresholded at 128 to 0 (dark) / 255 (light). */
export async function pngToGray (png: Buffer | Uint8Array): Promise<GrayImage> {
  const { data, info } = await sharp(png).flatten({ background: '#ffffff' }).grayscale().raw().toBuffer({ resolveWithObject: true })
  const out = new Uint8Array(info.width * info.height)
  for (let i = 0; i < out.length; i++) out[i] = (data[i * info.channels] as number) < 128 ? 0 : 255
  return { width: info.width, height: info.height, data: out }
}

/** The gray image as opaque RGBA: what pixelmatch compares and zxing reads. */
export function toRgba (image: GrayImage): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(image.width * image.height * 4)
  for (let i = 0; i < image.data.length; i++) {
    const v = image.data[i] as number
    rgba[i * 4] = v
    rgba[i * 4 + 1] = v
    rgba[i * 4 + 2] = v
    rgba[i * 4 + 3] = 255
  }
  return rgba
}
