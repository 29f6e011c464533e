// Turns fitted lines into TextElements inside their region. Lines are stacked from the region's top (for
// rotated text: from its right edge, where the letter tops face) so the ink of every line, accents and
// descenders included, stays inside the region; each line is aligned along the run by its own width.
import { LayoutError } from '../errors.ts'
import type { LabelFont } from '../fonts/index.ts'
import type { LabelData, LabelWarning } from '../model/label-data.ts'
import type { LabelElement } from '../model/label.ts'
import { baselineOffset, blockHeight, lineAbove, linePitch } from './line-metrics.ts'
import { fillText, pathAt } from './placeholders.ts'
import type { DotRect, ResolvedTextSpec } from './resolve.ts'
import { fitText } from './text-fit.ts'
import { lineDots } from './wrap.ts'

/** Where a text goes: its region in dots and its direction. */
export interface TextPlacement {
  rect: DotRect
  rotation: 0 | 90
}

/** What placing one text adds to the label. */
export interface PlacedText {
  /** Dots across the run taken by the lines' ink (0 when the text is empty). */
  used: number
}

function overhangDots (units: number, size: number, upm: number): number {
  return Math.ceil((units * size) / upm)
}

/**
 * Fills, fits and places one text, pushing its lines to `out` and any truncation warning to `warnings`.
 * The text's region is `place.rect`; `spec.box` says how much of it the text may take.
 */
export function placeText (
  spec: ResolvedTextSpec, place: TextPlacement, data: LabelData, font: LabelFont,
  out: LabelElement[], warnings: LabelWarning[]
): PlacedText {
  const text = fillText(spec.text, data, font)
  if (text.length === 0) return { used: 0 }
  const { box } = spec
  const fitted = fitText(font, text, box)
  if (fitted.droppedAt < text.length) {
    const path = pathAt(spec.text, data, fitted.droppedAt, spec.id)
    const message = `"${fitted.dropped}" did not fit template region ${spec.id} at the smallest font size and was replaced by "…"`
    if (!spec.truncate) {
      throw new LayoutError('LAYOUT_OVERFLOW', `${path}: text does not fit template region ${spec.id}`, [{ path, rule: 'fits_region', message: `too long for its place on the label; "${fitted.dropped}" does not fit` }])
    }
    warnings.push({ code: 'TEXT_TRUNCATED', path, message })
  }
  const { size, lines } = fitted
  const upm = font.unitsPerEm
  const pitch = linePitch(size, box.lineSpacing)
  const { rect, rotation } = place
  // Offset of the first line's box from the region's top (unrotated frame): its ink starts at the top.
  let cross = lineAbove(font, size) - baselineOffset(size)
  for (const line of lines) {
    const first = line.charCodeAt(0)
    const last = line.charCodeAt(line.length - 1)
    const units = font.advanceUnits(line)
    const advance = overhangDots(units, size, upm)
    const ink = lineDots(font, units, first, last, size)
    const free = box.run - ink
    const lead = spec.align === 'left' ? 0 : spec.align === 'right' ? free : Math.floor(free / 2)
    const along = lead + overhangDots(font.leftOverhangUnits(first), size, upm)
    out.push(rotation === 0
      ? { kind: 'text', x: rect.x + along, y: rect.y + cross, width: advance, height: size, text: line, fontHeight: size, fontWidth: size, rotation, field: spec.id }
      : { kind: 'text', x: rect.x + rect.width - cross - size, y: rect.y + along, width: size, height: advance, text: line, fontHeight: size, fontWidth: size, rotation, field: spec.id })
    cross += pitch
  }
  return { used: blockHeight(font, size, lines.length, box.lineSpacing) }
}
