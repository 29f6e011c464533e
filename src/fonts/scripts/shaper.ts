// Shapes one line: runs from itemize() shaped by HarfBuzz with their font, direction and language, glyphs
// placed left to right in ems. Text the label font draws glyph by glyph takes a table-driven path instead, with
// the same advances LabelFont measures, so Latin labels are placed exactly as before.
import type { Buffer as HbBuffer, Feature } from 'harfbuzzjs'
import type { LabelFont } from '../label-font.ts'
import type { LoadedFont } from './chain-font.ts'
import type { harfbuzz } from './harfbuzz.ts'
import { itemize, type FontChooser } from './itemize.ts'
import type { PlacedGlyph, ShapeOptions, ShapedLine } from './types.ts'

type HarfBuzz = Awaited<ReturnType<typeof harfbuzz>>

export interface ShaperFont {
  loaded: LoadedFont
  /** Ems per font unit: scale / unitsPerEm. */
  emsPerUnit: number
  language?: string
}

/**
 * The label font is placed unkerned at its advances (ZPL and PDF draw it that way), so kerning and ligatures stay
 * off for it; marks are still positioned and decomposed text still composed.
 */
const PRIMARY_FEATURES = ['-kern', '-liga', '-clig', '-calt', '-dlig', '-dist']

export interface Shaper {
  shape: (text: string, options?: ShapeOptions) => ShapedLine
  /** Glyphs of text the label font draws one per character at its advances (see ScriptFonts.isSimple). */
  shapeSimple: (text: string) => ShapedLine
}

export function createShaper (hb: HarfBuzz, fonts: readonly ShaperFont[], primary: LabelFont, chooser: FontChooser): Shaper {
  const primaryFeatures = PRIMARY_FEATURES.map((f) => hb.Feature.fromString(f)).filter((f): f is Feature => f !== undefined)
  const buffer: HbBuffer = new hb.Buffer()
  const primaryFont = (fonts[0] as ShaperFont).loaded
  const primaryGlyphs = new Uint16Array(0x10000)
  for (const cp of primaryFont.unicodes) {
    if (cp < 0x10000) primaryGlyphs[cp] = primaryFont.font.nominalGlyph(cp) ?? 0
  }
  const primaryEms = 1 / primary.unitsPerEm

  const finish = (glyphs: PlacedGlyph[], advance: number): ShapedLine => {
    let left = 0
    let right = advance
    let top = 0
    let bottom = 0
    let inked = false
    for (const g of glyphs) {
      const f = fonts[g.font] as ShaperFont
      const at = f.loaded.inkAt(g.id)
      if (at < 0) continue
      const box = f.loaded.boxes
      const k = f.emsPerUnit
      const x0 = g.x + (box[at] as number) * k
      const x1 = g.x + (box[at + 2] as number) * k
      const y0 = g.y + (box[at + 1] as number) * k
      const y1 = g.y + (box[at + 3] as number) * k
      if (!inked) { top = y1; bottom = y0; inked = true }
      left = Math.min(left, x0)
      right = Math.max(right, x1)
      top = Math.max(top, y1)
      bottom = Math.min(bottom, y0)
    }
    return { glyphs, advance, inkLeft: -left, inkRight: right - advance, inkTop: top, inkBottom: bottom }
  }

  const shapeSimple = (text: string): ShapedLine => {
    const glyphs: PlacedGlyph[] = []
    let x = 0
    for (let i = 0; i < text.length; i++) {
      const cp = text.charCodeAt(i)
      const advance = primary.charAdvanceUnits(cp) * primaryEms
      glyphs.push({ font: 0, id: primaryGlyphs[cp] as number, x, y: 0, advance, cluster: i })
      x += advance
    }
    return finish(glyphs, x)
  }

  const shape = (text: string, options?: ShapeOptions): ShapedLine => {
    const glyphs: PlacedGlyph[] = []
    let x = 0
    for (const run of itemize(text, chooser, options?.han)) {
      const f = fonts[run.font] as ShaperFont
      buffer.clearContents()
      // The whole line goes in as context, so Arabic joining sees the letters beyond a run's ends.
      buffer.addText(text, run.start, run.end - run.start)
      buffer.setDirection(run.level % 2 === 1 ? hb.Direction.RTL : hb.Direction.LTR)
      if (f.language !== undefined) buffer.setLanguage(f.language)
      buffer.guessSegmentProperties()
      hb.shape(f.loaded.font, buffer, run.font === 0 ? primaryFeatures : undefined)
      const k = f.emsPerUnit
      // Two plain arrays: harfbuzzjs's combined getter defines properties per glyph and costs several times more.
      const infos = buffer.getGlyphInfos()
      const positions = buffer.getGlyphPositions()
      infos.forEach((info, i) => {
        const p = positions[i]
        const advance = (p?.xAdvance ?? 0) * k
        glyphs.push({ font: run.font, id: info.codepoint, x: x + (p?.xOffset ?? 0) * k, y: (p?.yOffset ?? 0) * k, advance, cluster: info.cluster })
        x += advance
      })
    }
    return finish(glyphs, x)
  }

  return { shape, shapeSimple }
}
