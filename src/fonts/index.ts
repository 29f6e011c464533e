export { loadLabelFont, createLabelFont, isPlainTrueType, withScriptFonts, LABEL_FONT_ZPL_PATH } from './label-font.ts'
export type { LabelFont } from './label-font.ts'
export { loadScriptFonts, loadScriptFontsSync, FALLBACK_FONTS } from './scripts/index.ts'
export type {
  ChainFont, FallbackRole, HanStyle, PathCommand, PlacedGlyph, ScriptFonts, ScriptFontOptions, ShapedLine, ShapeOptions
} from './scripts/index.ts'
export { loadTextFonts } from './text-fonts.ts'
