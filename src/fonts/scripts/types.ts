// The shapes the script font chain hands to layout and the renderers.

/** One font of the chain; fonts[0] is the primary label font. */
export interface ChainFont {
  /** PostScript-style name, e.g. `NotoSansJP-Bold`. */
  name: string
  /** The file it was read from. */
  file: string
  /** The TrueType file as read (PDF subsets are cut from it). */
  bytes: Uint8Array
  unitsPerEm: number
  /**
   * ≤ 1: multiplier on this font's em so that the ink of the letters and digits the chain draws with it
   * (`inkTop`/`inkBottom`) stays within the primary font's ink envelope (LabelFont.ascent/descent of fonts[0]);
   * 1 for the primary.
   */
  scale: number
  /** Highest ink, in font units, of the letters and digits the chain draws with this font (see `scale`). */
  inkTop: number
  /** Lowest ink, in font units (negative below the baseline), of those letters and digits. */
  inkBottom: number
}

/** A glyph placed on a line. Units are ems of the line's font size (1 = the size), x right, y UP from the baseline. */
export interface PlacedGlyph {
  /** Index into ScriptFonts.fonts. */
  font: number
  /** Glyph id in that font. */
  id: number
  x: number
  y: number
  advance: number
  /** UTF-16 index in the logical text of the first character this glyph draws (for copy-paste and ToUnicode). */
  cluster: number
}

export interface ShapedLine {
  /** Visual order, left to right. */
  glyphs: PlacedGlyph[]
  /** Ems. */
  advance: number
  /** Ems: how far ink reaches left of x=0 (≥ 0). */
  inkLeft: number
  /** Ems: how far ink reaches right of `advance` (≥ 0). */
  inkRight: number
  /** Ems, y up: the highest ink of the line as shaped (stacked marks included); 0 for a line without ink. */
  inkTop: number
  /** Ems, y up: the lowest ink of the line as shaped (negative below the baseline); 0 without ink. */
  inkBottom: number
}

/** One drawing command of a glyph outline, in font units, y up. Every contour ends with `close`. */
export type PathCommand =
  | { op: 'move', x: number, y: number }
  | { op: 'line', x: number, y: number }
  | { op: 'quad', cx: number, cy: number, x: number, y: number }
  | { op: 'cubic', c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number }
  | { op: 'close' }

/** Which CJK font draws Han characters (Han unification): Japanese, Korean or Simplified Chinese glyph forms. */
export type HanStyle = 'japanese' | 'korean' | 'chinese'

export interface ShapeOptions {
  /**
   * Han glyph forms for this line; by default taken from the line itself (kana: Japanese, Hangul: Korean, else
   * Chinese). Give `hanStyle(wholeText)` so every wrapped line of a field agrees, or the recipient country's.
   */
  han?: HanStyle
}

export interface ScriptFonts {
  fonts: ChainFont[]
  /** Whether some font of the chain prints this code point (LabelFont's isNeverPrintable rules still apply). */
  covers: (cp: number) => boolean
  /** First character no font prints, or undefined. */
  firstUnsupported: (text: string) => string | undefined
  /** True when `text` can be drawn by fonts[0] glyph by glyph at its advances (no shaping, no fallback, no RTL). */
  isSimple: (text: string) => boolean
  /** Shapes one line of text: fonts chosen per character, runs shaped by HarfBuzz, placed in visual order. */
  shape: (text: string, options?: ShapeOptions) => ShapedLine
  /** The Han style `shape` would pick for `text` (see ShapeOptions.han). */
  hanStyle: (text: string) => HanStyle
  /** Outline of a glyph in font units, y up (for the rasterizer). */
  glyphPath: (font: number, id: number) => PathCommand[]
  /**
   * Break opportunities in `text` as sorted UTF-16 indexes where a line may start: after spaces, after hyphens,
   * between CJK ideographs/kana/Hangul, at Thai word boundaries; never inside a grapheme cluster.
   */
  breakOpportunities: (text: string) => number[]
  /** Grapheme cluster boundaries (last-resort breaks and ellipsis cuts), 0 and text.length included. */
  graphemeBoundaries: (text: string) => number[]
}
