import type { BoxElement } from '../../model/label.ts'
import type { PageCanvas } from './page-canvas.ts'

/**
 * A box as ZPL ^GB draws it: solid when the border is as thick as the smaller side, otherwise a frame of
 * four filled rectangles (not a stroked path, whose edges would fall half a line width off the dot grid).
 */
export function drawBox (el: BoxElement, canvas: PageCanvas): void {
  const { x, y, width, height, thickness } = el
  if (thickness >= Math.min(width, height)) {
    canvas.rect(x, y, width, height)
  } else {
    canvas.rect(x, y, width, thickness)
    canvas.rect(x, y + height - thickness, width, thickness)
    canvas.rect(x, y + thickness, thickness, height - 2 * thickness)
    canvas.rect(x + width - thickness, y + thickness, thickness, height - 2 * thickness)
  }
  canvas.write('f\n')
}
