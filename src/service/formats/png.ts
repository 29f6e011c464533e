// PNG: the label as a 1-bit picture, drawn dot for dot as the printer prints it. No batch form: one picture a label.
import { drawLabelBitmap, encodeBitmapPng } from '../../render/bitmap/index.ts'
import { defineFormat } from './format.ts'

export const pngFormat = defineFormat({
  name: 'png',
  contentType: 'image/png',
  acceptAliases: [],
  extension: 'png',
  binary: true,
  renderer: ({ glyphs }) => (label) => encodeBitmapPng(drawLabelBitmap(label, glyphs))
})
