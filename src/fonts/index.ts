export { loadLabelFont, createLabelFont, isPlainTrueType, LABEL_FONT_ZPL_PATH } from './label-font.ts'
export type { LabelFont } from './label-font.ts'
export { loadScriptFonts, FALLBACK_FONTS } from './scripts/index.ts'
export type {
  ChainFont, FallbackRole, HanStyle, PathCommand, PlacedGlyph, ScriptFonts, ScriptFontOptions, ShapedLine, ShapeOptions
} from './scripts/index.ts'
