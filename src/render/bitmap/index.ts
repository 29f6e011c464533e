// The label as dots: one 1-bit drawing of the positioned layout for PNG labels, ZPL graphics and parity checks.
export { Bitmap, type Mask } from './bitmap.ts'
export { drawLabelBitmap } from './draw-label.ts'
export { encodeBitmapPng } from './png.ts'
export { TextRasterizer, type PrimaryGlyphFont, type PlacedMask } from './text-glyphs.ts'
export { labelGlyphFont, fallbackGlyphFont, textRasterizerFor } from './label-glyph-font.ts'
export type { GlyphFont } from './glyph-source.ts'
export type { OutlineCommand } from './glyph-mask.ts'
