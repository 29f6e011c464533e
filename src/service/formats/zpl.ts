// ZPL: one `^XA…^XZ` format a label; a batch is those formats one after another, a line each.
import { renderZpl, type ZplOptions, type ZplTextMode } from '../../render/zpl/index.ts'
import { defineFormat, type FormatResources } from './format.ts'

/** ZPL options for each text mode, made once: the hot path picks one per label without building anything. */
export function zplOptionsOf ({ font, glyphs }: FormatResources): (text: ZplTextMode | undefined) => ZplOptions {
  const graphic: ZplOptions = { fontPath: font.zplPath, text: 'graphic', glyphs }
  const asFont: ZplOptions = { ...graphic, text: 'font' }
  return (text) => (text === 'font' ? asFont : graphic)
}

export const zplFormat = defineFormat({
  name: 'zpl',
  contentType: 'x-application/zpl; charset=utf-8',
  acceptAliases: ['application/zpl', 'application/x-zpl', 'text/plain'],
  extension: 'zpl',
  binary: false,
  renderer (resources) {
    const optionsFor = zplOptionsOf(resources)
    return (label, options) => Buffer.from(renderZpl(label, optionsFor(options.text)), 'utf8')
  },
  batcher (resources) {
    const optionsFor = zplOptionsOf(resources)
    const { fontDownload } = resources
    return (options, write) => {
      const zplOptions = optionsFor(options.text)
      let started = options.includeFont !== true
      return {
        async add (label) {
          if (!started) {
            started = true
            await write(Buffer.from(fontDownload, 'utf8'))
          }
          await write(Buffer.from(renderZpl(label, zplOptions) + '\n', 'utf8'))
        },
        async finish () {
          if (!started) await write(Buffer.from(fontDownload, 'utf8'))
        }
      }
    }
  }
})
