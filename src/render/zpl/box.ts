import type { BoxElement } from '../../model/label.ts'

/** A rectangle or rule: ^GB draws from its top-left corner, which ^FO sets. */
export function emitBox (el: BoxElement): string {
  return `^FO${el.x},${el.y}^GB${el.width},${el.height},${el.thickness}^FS`
}
