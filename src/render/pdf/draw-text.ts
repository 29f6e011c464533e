import type { TextElement } from '../../model/label.ts'
import { TEXT_BASELINE_RATIO } from '../zpl/index.ts'
import { dotsToPoints } from '../../units.ts'
import { FONT_RESOURCE, num, type PageCanvas } from './page-canvas.ts'

/**
 * One line of text placed as the ZPL renderer places it (^FT baseline origin, ^A@ h,w): the em is `fontHeight`
 * dots and glyphs are stretched across by fontWidth/fontHeight (horizontal scaling Tz). The baseline is
 * TEXT_BASELINE_RATIO × height below the box top; rotated 90° (ZPL R, reading top to bottom, letter tops facing
 * right) it is the vertical line `height - baseline` dots in from the box's left edge.
 */
export function drawText (el: TextElement, canvas: PageCanvas, path: string): void {
  if (el.text.length === 0) return
  const glyphs = canvas.font.encode(el.text, path)
  const baseline = Math.round(el.fontHeight * TEXT_BASELINE_RATIO)
  const rotated = el.rotation === 90
  // Text space: x along the baseline, y towards the letter tops. Rotated, x points down the page and y right.
  const matrix = rotated ? '0 -1 1 0' : '1 0 0 1'
  const originX = rotated ? el.x + el.fontHeight - baseline : el.x
  const originY = rotated ? el.y : el.y + baseline
  const size = num(dotsToPoints(el.fontHeight, canvas.dpi))
  const scaling = num((100 * el.fontWidth) / el.fontHeight)
  canvas.write(`BT /${FONT_RESOURCE} ${size} Tf ${scaling} Tz ${matrix} ${canvas.x(originX)} ${canvas.y(originY)} Tm <${glyphs}> Tj ET\n`)
}
