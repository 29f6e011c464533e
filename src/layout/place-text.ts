// Turns fitted lines into TextElements inside their region. Lines are stacked from the region's top (for
// rotated text: from its right edge, where the letter tops face) so the ink of every line, accents and
// descenders included, stays inside the region; each line is aligned along the run by its own width.
import { LayoutError } from '../errors.ts'
import type { LabelFont, ScriptFonts } from '../fonts/index.ts'
import type { LabelData, LabelWarning } from '../model/label-data.ts'
import type { LabelElement, TextElement } from '../model/label.ts'
import { baselineOffset, blockHeight, linePitch } from './line-metrics.ts'
import { fillText, pathAt, type Measured } from './placeholders.ts'
import type { ResolvedTextSpec, TextPlacement } from './text-spec.ts'
import { fitText, singleLineSize, type FittedText } from './text-fit.ts'
import { lineDots } from './wrap.ts'
import { fitShapedText, needsShaping, placedGlyphs, shapeLine, shapedAbove, shapedBlockHeight, shapedDots, shapedInk, shapedPitch } from './shaped-text.ts'

function overhangDots (units: number, size: number, upm: number): number {
  return Math.ceil((units * size) / upm)
}

/** Scratch for fillText's measurement: layout is synchronous, so one object serves every text. */
const measured: Measured = { units: 0 }

/** Where a line of `width` dots of ink starts in a run of `run` dots, by the region's alignment. */
function leadDots (spec: ResolvedTextSpec, width: number): number {
  const free = spec.box.run - width
  return spec.align === 'left' ? 0 : spec.align === 'right' ? free : Math.floor(free / 2)
}

/**
 * One line as an element: `cross` is the offset of its box from the region's top in the unrotated frame, `along`
 * the start of its box along the run, `advance` its length.
 */
function lineElement (
  spec: ResolvedTextSpec, place: TextPlacement, line: string, size: number, cross: number, along: number, advance: number
): TextElement {
  return place.rotation === 0
    ? { kind: 'text', x: place.x + along, y: place.y + cross, width: advance, height: size, text: line, fontHeight: size, fontWidth: size, rotation: 0, field: spec.id }
    : { kind: 'text', x: place.x + place.width - cross - size, y: place.y + along, width: size, height: advance, text: line, fontHeight: size, fontWidth: size, rotation: 90, field: spec.id }
}

/** A line in the label font, whose advance is `units`. */
function fontLine (spec: ResolvedTextSpec, place: TextPlacement, font: LabelFont, line: string, units: number, size: number, cross: number): TextElement {
  const upm = font.unitsPerEm
  const first = line.charCodeAt(0)
  const lead = leadDots(spec, lineDots(font, units, first, line.charCodeAt(line.length - 1), size))
  return lineElement(spec, place, line, size, cross, lead + overhangDots(font.leftOverhangUnits(first), size, upm), overhangDots(units, size, upm))
}

/** placeText for text that is shaped (see shaped-text.ts): every line carries its placed glyphs. */
function placeShapedText (
  spec: ResolvedTextSpec, place: TextPlacement, data: LabelData, font: LabelFont, text: string,
  out: LabelElement[], warnings: LabelWarning[]
): number {
  const han = (font.scripts as ScriptFonts).hanStyle(text)
  let ink = shapedInk(font, han, [text])
  let fitted = fitShapedText(font, text, spec.box, han, ink)
  // Lines broken out of the text may shape with other forms and marks than the whole did: fit again with their ink.
  const lineInk = shapedInk(font, han, [text, ...fitted.lines])
  if (lineInk.top > ink.top || lineInk.bottom < ink.bottom) {
    ink = lineInk
    fitted = fitShapedText(font, text, spec.box, han, ink)
  }
  if (fitted.droppedAt < text.length) reportDropped(spec, data, fitted, warnings)
  const { size, lines } = fitted
  const pitch = shapedPitch(ink, size, spec.box.lineSpacing)
  let cross = shapedAbove(ink, size) - baselineOffset(size)
  for (const line of lines) {
    const shaped = shapeLine(font, line, han)
    const along = leadDots(spec, shapedDots(shaped, size)) + Math.ceil(shaped.inkLeft * size)
    const el = lineElement(spec, place, line, size, cross, along, Math.ceil(shaped.advance * size))
    el.glyphs = placedGlyphs(shaped)
    out.push(el)
    cross += pitch
  }
  return shapedBlockHeight(ink, size, lines.length, spec.box.lineSpacing)
}

function reportDropped (spec: ResolvedTextSpec, data: LabelData, fitted: FittedText, warnings: LabelWarning[]): void {
  const path = pathAt(spec.text, data, fitted.droppedAt, spec.id)
  if (!spec.truncate) {
    throw new LayoutError('LAYOUT_OVERFLOW', `${path}: text does not fit template region ${spec.id}`, [{ path, rule: 'fits_region', message: `too long for its place on the label; "${fitted.dropped}" does not fit` }])
  }
  warnings.push({ code: 'TEXT_TRUNCATED', path, message: `"${fitted.dropped}" did not fit template region ${spec.id} at the smallest font size and was replaced by "…"` })
}

/**
 * Fills, fits and places one text, pushing its lines to `out` and any truncation warning to `warnings`.
 * Returns the dots across the run its lines' ink takes (0 when the text is empty). `spec.box` says how much
 * of the region the text may take.
 */
export function placeText (
  spec: ResolvedTextSpec, place: TextPlacement, data: LabelData, font: LabelFont,
  out: LabelElement[], warnings: LabelWarning[]
): number {
  const text = fillText(spec.text, spec.literals, data, font, measured)
  if (text.length === 0) return 0
  if (needsShaping(font, text)) return placeShapedText(spec, place, data, font, text, out, warnings)
  const { box } = spec
  // Most texts fit one line at some size: measured once, placed without fitting's arrays and objects.
  const { units } = measured
  const single = singleLineSize(font, text, units, box)
  if (single >= box.minSize) {
    out.push(fontLine(spec, place, font, text, units, single, spec.firstLineOffset[single] as number))
    return spec.oneLineHeight[single] as number
  }
  const fitted = fitText(font, text, box)
  if (fitted.droppedAt < text.length) reportDropped(spec, data, fitted, warnings)
  const { size, lines } = fitted
  const pitch = linePitch(size, box.lineSpacing)
  let cross = spec.firstLineOffset[size] as number
  for (const line of lines) {
    out.push(fontLine(spec, place, font, line, font.advanceUnits(line), size, cross))
    cross += pitch
  }
  return blockHeight(font, size, lines.length, box.lineSpacing)
}
