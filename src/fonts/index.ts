export { loadLabelFont, createLabelFont, isPlainTrueType, LABEL_FONT_ZPL_PATH } from './label-font.ts'
export type { LabelFont } from './label-font.ts'
export { loadScriptFonts, FALLBACK_FONTS } from './scripts/index.ts'
export type { ChainFont, FallbackRole, PathCommand, PlacedGlyph, ScriptFonts, ScriptFontOptions, ShapedLine } from './scripts/index.ts'
