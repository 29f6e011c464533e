// The label font's metrics, precomputed once at start-up so that measuring text on the hot path is a table
// lookup per character (no font parsing, no allocation).
import { readFileSync } from 'node:fs'
import fontkit from '@pdf-lib/fontkit'
import { ConfigError } from '../errors.ts'
import { isNeverPrintable } from './printable.ts'
import type { ScriptFonts } from './scripts/types.ts'

/** Where ZPL labels expect the label font on the printer (stored there with `~DU`, used with `^A@`). */
export const LABEL_FONT_ZPL_PATH = 'E:LWSANS.TTF'

/** Code points the advance table covers: the Basic Multilingual Plane (the font maps nothing beyond it). */
const TABLE_SIZE = 0x10000
const UNSUPPORTED = -1

/** The label font: its bytes for embedding or downloading, and fast metrics for layout. */
export interface LabelFont {
  /** The TrueType file as read. */
  bytes: Uint8Array
  /** PostScript name, e.g. `RobotoCondensed-Bold`. */
  name: string
  /** Path of the font on the printer, for `^A@` and `~DU`. */
  zplPath: string
  unitsPerEm: number
  /** Highest ink of any printable glyph above the baseline, in font units (positive). */
  ascent: number
  /** Lowest ink of any printable glyph, in font units (negative: below the baseline). */
  descent: number
  /** True when the code point has a visible glyph (or is a space) in this font. */
  hasChar: (cp: number) => boolean
  /** Advance width of one code point in font units (the missing-glyph width for unsupported ones). */
  charAdvanceUnits: (cp: number) => number
  /** How far the glyph's ink reaches left of its origin, in font units (0 when it does not). */
  leftOverhangUnits: (cp: number) => number
  /** How far the glyph's ink reaches right of its advance, in font units (0 when it does not). */
  rightOverhangUnits: (cp: number) => number
  /** Sum of the advance widths of `text` in font units, unkerned (ZPL and our PDF place glyphs unkerned). */
  advanceUnits: (text: string) => number
  /**
   * Advance of `text` in dots when printed with `^A@N,fontHeightDots,fontWidthDots`: the em square is
   * `fontHeightDots` tall and stretched horizontally by width/height, so dots = units / unitsPerEm × width.
   */
  advance: (text: string, fontHeightDots: number, fontWidthDots: number) => number
  /** The first character of `text` the font cannot print, or undefined when all can be printed. */
  firstUnsupported: (text: string) => string | undefined
  /** `advanceUnits(text)` when the font can print every character of it, else -1: check and measure in one pass. */
  printableUnits: (text: string) => number
  /**
   * The fallback fonts and shaper for text the label font cannot print glyph by glyph (other scripts, right to
   * left, combining marks). When present, hasChar and firstUnsupported answer for the whole chain; the advance
   * functions above still measure the label font alone, and layout shapes text that needs it.
   */
  scripts?: ScriptFonts
}

/** Reads and indexes the label font; throws ConfigError naming the file when it is missing or unusable. */
export function loadLabelFont (file: string): LabelFont {
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(readFileSync(file))
  } catch (err) {
    throw new ConfigError(`label font ${file} cannot be read`, { cause: err })
  }
  try {
    return createLabelFont(bytes)
  } catch (err) {
    throw new ConfigError(`label font ${file} is not a usable TrueType font: ${(err as Error).message}`, { cause: err })
  }
}

/** sfnt versions of a TrueType font with glyf outlines (0x00010000, 'true'); not 'OTTO' (CFF), WOFF or a collection. */
const TRUETYPE_VERSIONS = new Set([0x00010000, 0x74727565])

/** Whether `bytes` are a plain TrueType font file, as printers take them and PDF subsets are cut from. */
export function isPlainTrueType (bytes: Uint8Array): boolean {
  return bytes.length >= 12 && TRUETYPE_VERSIONS.has(new DataView(bytes.buffer, bytes.byteOffset, 4).getUint32(0))
}

/** Indexes a TrueType font held in memory (see loadLabelFont). */
export function createLabelFont (bytes: Uint8Array, zplPath = LABEL_FONT_ZPL_PATH): LabelFont {
  // Printers get these bytes as a .TTF and PDFs embed subsets cut from them: both need a plain TrueType file,
  // which fontkit alone would not check (it also reads WOFF, collections and CFF outlines).
  if (!isPlainTrueType(bytes)) throw new Error('it is not an uncompressed TrueType (.ttf) font with TrueType outlines')
  const font = fontkit.create(bytes)
  const advances = new Int16Array(TABLE_SIZE).fill(UNSUPPORTED)
  // Accents on narrow letters (Ï, ť, Ὅ) reach past the advance box; layout keeps that ink inside regions.
  const leftOverhang = new Int16Array(TABLE_SIZE)
  const rightOverhang = new Int16Array(TABLE_SIZE)
  let ascent = 0
  let descent = 0
  for (const cp of font.characterSet) {
    if (cp >= TABLE_SIZE || isNeverPrintable(cp)) continue
    const glyph = font.glyphForCodePoint(cp)
    if (glyph.id === 0) continue
    advances[cp] = glyph.advanceWidth
    leftOverhang[cp] = Math.max(0, -glyph.bbox.minX)
    rightOverhang[cp] = Math.max(0, glyph.bbox.maxX - glyph.advanceWidth)
    // An empty glyph's bbox is all zeros, which leaves the extremes alone.
    ascent = Math.max(ascent, glyph.bbox.maxY)
    descent = Math.min(descent, glyph.bbox.minY)
  }
  if (advances[0x20] === UNSUPPORTED) throw new Error('the font has no space character')
  const missingAdvance = font.getGlyph(0).advanceWidth
  const unitsPerEm = font.unitsPerEm

  const charAdvanceUnits = (cp: number): number => {
    const a = cp < TABLE_SIZE ? (advances[cp] as number) : UNSUPPORTED
    return a === UNSUPPORTED ? missingAdvance : a
  }

  const advanceUnits = (text: string): number => {
    let sum = 0
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i)
      const a = advances[c] as number
      if (a !== UNSUPPORTED) { sum += a; continue }
      sum += missingAdvance
      // A surrogate pair is one (unsupported) character.
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const next = text.charCodeAt(i + 1)
        if (next >= 0xdc00 && next <= 0xdfff) i++
      }
    }
    return sum
  }

  const printableUnits = (text: string): number => {
    let sum = 0
    for (let i = 0; i < text.length; i++) {
      const a = advances[text.charCodeAt(i)] as number
      if (a === UNSUPPORTED) return -1
      sum += a
    }
    return sum
  }

  const firstUnsupported = (text: string): string | undefined => {
    for (let i = 0; i < text.length; i++) {
      if (advances[text.charCodeAt(i)] !== UNSUPPORTED) continue
      return String.fromCodePoint(text.codePointAt(i) as number)
    }
    return undefined
  }

  return {
    bytes,
    name: font.postscriptName ?? 'label-font',
    zplPath,
    unitsPerEm,
    ascent,
    descent,
    hasChar: (cp) => cp >= 0 && cp < TABLE_SIZE && advances[cp] !== UNSUPPORTED,
    charAdvanceUnits,
    leftOverhangUnits: (cp) => (cp < TABLE_SIZE ? leftOverhang[cp] as number : 0),
    rightOverhangUnits: (cp) => (cp < TABLE_SIZE ? rightOverhang[cp] as number : 0),
    advanceUnits,
    advance: (text, _fontHeightDots, fontWidthDots) => (advanceUnits(text) * fontWidthDots) / unitsPerEm,
    firstUnsupported,
    printableUnits
  }
}

/** The label font with its script fallbacks: text in any script the chain covers can be laid out and drawn. */
export function withScriptFonts (font: LabelFont, scripts: ScriptFonts): LabelFont {
  return {
    ...font,
    scripts,
    hasChar: (cp) => font.hasChar(cp) || scripts.covers(cp),
    firstUnsupported: (text) => (font.firstUnsupported(text) === undefined ? undefined : scripts.firstUnsupported(text))
  }
}
