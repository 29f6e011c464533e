import type { TextRasterizer } from '../bitmap/text-glyphs.ts'

/**
 * How ZPL labels carry their text. `graphic` (the default): each word of text (and each group of up to three
 * digits) is a ^GFA graphic, so the label prints the same on any ZPL printer with nothing installed. `font`: text
 * the label font can print uses `^A@` with the font stored on the printer (see zplFontDownload); other text is
 * still a graphic.
 */
export type ZplTextMode = 'graphic' | 'font'

/** Text modes in the order they are documented; the first is the default. */
export const ZPL_TEXT_MODES: readonly ZplTextMode[] = ['graphic', 'font']

/** How ZPL is rendered. */
export interface ZplOptions {
  /** Where the label font is stored on the printer, e.g. `E:LWSANS.TTF` (font mode). */
  fontPath: string
  text: ZplTextMode
  /** Draws text as graphics: the label font and its fallbacks. */
  glyphs: TextRasterizer
}
