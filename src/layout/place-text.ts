// Turns fitted lines into TextElements inside their region. Lines are stacked from the region's top (for
// rotated text: from its right edge, where the letter tops face) so the ink of every line, accents and
// descenders included, stays inside the region; each line is aligned along the run by its own width.
import { LayoutError } from '../errors.ts'
import type { LabelFont } from '../fonts/index.ts'
import type { LabelData, LabelWarning } from '../model/label-data.ts'
import type { LabelElement } from '../model/label.ts'
import { blockHeight, linePitch } from './line-metrics.ts'
import { fillText, pathAt, type Measured } from './placeholders.ts'
import type { ResolvedTextSpec, TextPlacement } from './resolve.ts'
import { fitText, singleLineSize, type FittedText } from './text-fit.ts'
import { lineDots } from './wrap.ts'

function overhangDots (units: number, size: number, upm: number): number {
  return Math.ceil((units * size) / upm)
}

/** Scratch for fillText's measurement: layout is synchronous, so one object serves every text. */
const measured: Measured = { units: 0 }

/** One line as an element; `cross` is the offset of its box from the region's top in the unrotated frame. */
function lineElement (
  spec: ResolvedTextSpec, place: TextPlacement, font: LabelFont, line: string, units: number, size: number, cross: number
): LabelElement {
  const upm = font.unitsPerEm
  const first = line.charCodeAt(0)
  const advance = overhangDots(units, size, upm)
  const free = spec.box.run - lineDots(font, units, first, line.charCodeAt(line.length - 1), size)
  const lead = spec.align === 'left' ? 0 : spec.align === 'right' ? free : Math.floor(free / 2)
  const along = lead + overhangDots(font.leftOverhangUnits(first), size, upm)
  return place.rotation === 0
    ? { kind: 'text', x: place.x + along, y: place.y + cross, width: advance, height: size, text: line, fontHeight: size, fontWidth: size, rotation: 0, field: spec.id }
    : { kind: 'text', x: place.x + place.width - cross - size, y: place.y + along, width: size, height: advance, text: line, fontHeight: size, fontWidth: size, rotation: 90, field: spec.id }
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
  const { box } = spec
  // Most texts fit one line at some size: measured once, placed without fitting's arrays and objects.
  const { units } = measured
  const single = singleLineSize(font, text, units, box)
  if (single >= box.minSize) {
    out.push(lineElement(spec, place, font, text, units, single, spec.firstLineOffset[single] as number))
    return spec.oneLineHeight[single] as number
  }
  const fitted = fitText(font, text, box)
  if (fitted.droppedAt < text.length) reportDropped(spec, data, fitted, warnings)
  const { size, lines } = fitted
  const pitch = linePitch(size, box.lineSpacing)
  let cross = spec.firstLineOffset[size] as number
  for (const line of lines) {
    out.push(lineElement(spec, place, font, line, font.advanceUnits(line), size, cross))
    cross += pitch
  }
  return blockHeight(font, size, lines.length, box.lineSpacing)
}
