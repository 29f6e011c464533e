// The fonts a label service prints with: the label font and its script fallbacks, loaded once at start-up.
import { loadLabelFont, withScriptFonts, type LabelFont } from './label-font.ts'
import { loadScriptFontsSync, type ScriptFontOptions } from './scripts/index.ts'

/**
 * The label font in `fontFile` with the script fallback chain; throws ConfigError naming any unusable file. The
 * fallbacks keep their own em (an Arabic name squeezed into the label font's shallow descent would print at 0.4 of
 * the size); layout fits each shaped line by its own ink instead.
 */
export function loadTextFonts (fontFile: string, options: ScriptFontOptions = {}): LabelFont {
  const primary = loadLabelFont(fontFile)
  return withScriptFonts(primary, loadScriptFontsSync(primary, { primaryFile: fontFile, fitEnvelope: false, ...options }))
}
