// Test support: render ZPL locally with zebrash (zpl-renderer-js, loaded once) and turn PNGs into gray pixels.
import sharp from 'sharp'

/** A gray image, 1 byte per pixel, thresholded to 0 (ink) or 255 (paper). */
export interface GrayImage {
  width: number
  height: number
  data: Uint8Array
}

/** Options for `renderZplToPng`: density and label size in inches (default 4x6). */
export interface RenderOptions {
  dpi: 203 | 300
  widthIn?: number
  heightIn?: number
}

type ZplApi = { zplToBase64Async: (zpl: string, widthMm?: number, heightMm?: number, dpmm?: number) => Promise<string> }

let api: Promise<ZplApi> | undefined

function zebrash (): Promise<ZplApi> {
  api ??= import('zpl-renderer-js').then(async (m) => (await m.ready).api)
  return api
}

/** Renders one ZPL label (`^XA…^XZ`, optionally preceded by `~DU` downloads) to a PNG at the given density. */
export async function renderZplToPng (zpl: string, opts: RenderOptions): Promise<Buffer> {
  const mmPerIn = 25.4
  const dpmm = opts.dpi === 203 ? 8 : 12
  const { zplToBase64Async } = await zebrash()
  const base64 = await zplToBase64Async(zpl, (opts.widthIn ?? 4) * mmPerIn, (opts.heightIn ?? 6) * mmPerIn, dpmm)
  return Buffer.from(base64, 'base64')
}

/** Decodes a PNG to 1 byte per pixel, thresholded at 128 to 0 (dark) / 255 (light). */
export async function pngToGray (png: Buffer | Uint8Array): Promise<GrayImage> {
  const { data, info } = await sharp(png).flatten({ background: '#ffffff' }).grayscale().raw().toBuffer({ resolveWithObject: true })
  const out = new Uint8Array(info.width * info.height)
  for (let i = 0; i < out.length; i++) out[i] = (data[i * info.channels] as number) < 128 ? 0 : 255
  return { width: info.width, height: info.height, data: out }
}
