import type { BoxElement } from '../../model/label.ts'

/** ZPL of frozen boxes: a template's rules and frames are frozen elements shared by every label it lays out. */
const shared = new WeakMap<BoxElement, string>()

function boxZpl (el: BoxElement): string {
  return `^FO${el.x},${el.y}^GB${el.width},${el.height},${el.thickness}^FS`
}

/** A rectangle or rule: ^GB draws from its top-left corner, which ^FO sets. */
export function emitBox (el: BoxElement): string {
  // Only a frozen element can be remembered: any other could be changed after its ZPL was made.
  if (!Object.isFrozen(el)) return boxZpl(el)
  let zpl = shared.get(el)
  if (zpl === undefined) shared.set(el, zpl = boxZpl(el))
  return zpl
}
