// The script font chain: the label font first, then Noto fallbacks for Arabic, Hebrew, Thai, Devanagari and CJK,
// checked at start-up and each loaded once, when a text first needs it (HarfBuzz initialises asynchronously once;
// shaping is synchronous after that).
import { fileURLToPath } from 'node:url'
import type { LabelFont } from '../label-font.ts'
import { isNeverPrintable } from '../printable.ts'
import { breakOpportunities, graphemeBoundaries } from './breaks.ts'
import { openChainFont, readChainFontFile, readChainFontHeader, type LoadedFont } from './chain-font.ts'
import type { FontHeader } from './font-tables.ts'
import { buildCoverage, isJoiner, isVariationSelector } from './coverage.ts'
import { FALLBACK_FONTS, type FallbackFont, type FallbackRole } from './fallback-fonts.ts'
import { createGlyphPaths } from './glyph-path.ts'
import { harfbuzz } from './harfbuzz.ts'
import { FontChooser, hanStyle } from './itemize.ts'
import { createShaper, type ShaperFont } from './shaper.ts'
import type { ChainFont, ScriptFonts } from './types.ts'

export type { ChainFont, HanStyle, PathCommand, PlacedGlyph, ScriptFonts, ShapedLine, ShapeOptions } from './types.ts'
export { FALLBACK_FONTS, type FallbackRole } from './fallback-fonts.ts'

export interface ScriptFontOptions {
  /** Fallback font files by role (as given, so absolute paths from the config); the others stay the bundled ones. */
  files?: Partial<Record<FallbackRole, string>>
  /** Where the label font was read from, for ChainFont.file of fonts[0]. */
  primaryFile?: string
  /** false: every fallback at scale 1 (its ink may then leave the label font's envelope; see ShapedLine.inkTop). */
  fitEnvelope?: boolean
}

/** Loads the fallback fonts after `primary`; throws ConfigError naming the file that is missing or not plain TrueType. */
export async function loadScriptFonts (primary: LabelFont, options: ScriptFontOptions = {}): Promise<ScriptFonts> {
  return await Promise.resolve(loadScriptFontsSync(primary, options))
}

/**
 * loadScriptFonts, for start-up code that is synchronous (HarfBuzz is ready once this module is). Each fallback's
 * file is checked and its character map read now; the font itself (its bytes, HarfBuzz's copy, its ink) is loaded
 * when a text first needs it, unless `fitEnvelope` asks for scales, which need every font's ink at once.
 */
export function loadScriptFontsSync (primary: LabelFont, options: ScriptFontOptions = {}): ScriptFonts {
  const fallbacks = FALLBACK_FONTS.map((f) => ({ ...f, file: options.files?.[f.role] ?? fileURLToPath(new URL(`../../../${f.file}`, import.meta.url)) }))
  // Check every file before starting HarfBuzz so that a missing or broken font is reported at once.
  const headers = fallbacks.map((f) => readChainFontHeader(f.file))
  const hb = harfbuzz()
  const loadedFonts: (LoadedFont | undefined)[] = [openChainFont(hb, options.primaryFile ?? primary.name, primary.bytes, primary.name)]
  const loaded = (i: number): LoadedFont => {
    let font = loadedFonts[i]
    if (font === undefined) {
      const file = (fallbacks[i - 1] as FallbackFont).file
      font = loadedFonts[i] = openChainFont(hb, file, readChainFontFile(file), headers[i - 1]?.name)
    }
    return font
  }
  const coverage = buildCoverage([(loadedFonts[0] as LoadedFont).unicodes, ...headers.map((h) => h.unicodes)], primary.hasChar)
  const envelopes: ({ inkTop: number, inkBottom: number } | undefined)[] = [{ inkTop: primary.ascent, inkBottom: primary.descent }]
  const envelope = (i: number): { inkTop: number, inkBottom: number } =>
    (envelopes[i] ??= sampleInk(loaded(i), fallbacks[i - 1] as FallbackFont, primary))
  const fonts: ChainFont[] = [primary.name, ...headers.map((h) => h.name)].map((name, i) => {
    const unitsPerEm = i === 0 ? (loadedFonts[0] as LoadedFont).unitsPerEm : (headers[i - 1] as FontHeader).unitsPerEm
    const scale = i === 0 || options.fitEnvelope === false ? 1 : fitScale(envelope(i), unitsPerEm, primary)
    return {
      name,
      file: i === 0 ? options.primaryFile ?? primary.name : (fallbacks[i - 1] as FallbackFont).file,
      get bytes () { return loaded(i).bytes },
      unitsPerEm,
      scale,
      get inkTop () { return envelope(i).inkTop },
      get inkBottom () { return envelope(i).inkBottom }
    }
  })
  const index = (role: FallbackRole): number => 1 + fallbacks.findIndex((f) => f.role === role)
  const chooser = new FontChooser(coverage, { japanese: index('japanese'), korean: index('korean'), chinese: index('chinese') })
  const shaperFonts: ShaperFont[] = fonts.map((f, i) => ({
    get loaded () { return loaded(i) },
    emsPerUnit: f.scale / f.unitsPerEm,
    language: i === 0 ? undefined : fallbacks[i - 1]?.language
  }))
  const shaper = createShaper(hb, shaperFonts, primary, chooser)

  // The label font's own characters, marks excepted: text made only of these is drawn exactly as LabelFont measures.
  const simple = new Uint8Array(0x10000)
  for (let cp = 0; cp < 0x10000; cp++) if (primary.hasChar(cp) && !coverage.extendsCluster(cp)) simple[cp] = 1
  const isSimple = (text: string): boolean => {
    for (let i = 0; i < text.length; i++) if (simple[text.charCodeAt(i)] !== 1) return false
    return true
  }

  const firstUnsupported = (text: string): string | undefined => {
    for (let start = 0; start < text.length;) {
      const end = chooser.clusterEnd(text, start)
      const font = chooser.choose(chooser.fontsFor(text, start, end), 0)
      let mask = 0xffff
      for (let i = start; i < end;) {
        const cp = text.codePointAt(i) as number
        const at = i
        i += cp > 0xffff ? 2 : 1
        // Joiners and variation selectors shape the fallback scripts' letters; elsewhere they print nothing.
        if (isJoiner(cp) || isVariationSelector(cp)) {
          if (font > 0 && at > start) continue
          return String.fromCodePoint(cp)
        }
        mask &= coverage.mask(cp)
        // No font has the character, or none has it together with the rest of its cluster.
        if (font < 0 && mask === 0) return String.fromCodePoint(cp)
      }
      start = end
    }
    return undefined
  }

  return {
    fonts,
    covers: (cp) => !isNeverPrintable(cp) && coverage.mask(cp) !== 0,
    firstUnsupported,
    isSimple,
    shape: (text, shapeOptions) => (isSimple(text) ? shaper.shapeSimple(text) : shaper.shape(text, shapeOptions)),
    hanStyle,
    glyphPath: createGlyphPaths(hb, loaded, fonts.length),
    breakOpportunities,
    graphemeBoundaries
  }
}

/** Ink extremes of the letters and digits the chain draws with this fallback (those the label font does not have). */
function sampleInk (font: LoadedFont, fallback: FallbackFont, primary: LabelFont): { inkTop: number, inkBottom: number } {
  let inkTop = 0
  let inkBottom = 0
  for (const cp of font.unicodes) {
    if (primary.hasChar(cp) || isNeverPrintable(cp) || !fallback.scaleSample.test(String.fromCodePoint(cp))) continue
    const at = font.inkAt(font.font.nominalGlyph(cp) ?? 0)
    if (at < 0) continue
    inkTop = Math.max(inkTop, font.boxes[at + 3] as number)
    inkBottom = Math.min(inkBottom, font.boxes[at + 1] as number)
  }
  return { inkTop, inkBottom }
}

function fitScale (envelope: { inkTop: number, inkBottom: number }, unitsPerEm: number, primary: LabelFont): number {
  let scale = 1
  if (envelope.inkTop > 0) scale = Math.min(scale, (primary.ascent / primary.unitsPerEm) / (envelope.inkTop / unitsPerEm))
  if (envelope.inkBottom < 0) scale = Math.min(scale, (primary.descent / primary.unitsPerEm) / (envelope.inkBottom / unitsPerEm))
  return scale
}
