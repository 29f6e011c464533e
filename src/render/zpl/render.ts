// Label → ZPL: a fixed header, then one emitter per element kind, looked up in a table.
import type { Label, LabelElement } from '../../model/label.ts'
import { emitBarcode } from './barcode.ts'
import { emitBox } from './box.ts'
import type { ZplOptions } from './options.ts'
import { emitText } from './text.ts'

type Emitter<K extends LabelElement['kind']> = (el: Extract<LabelElement, { kind: K }>, options: ZplOptions) => string

const EMITTERS: { [K in LabelElement['kind']]: Emitter<K> } = {
  text: emitText,
  box: emitBox,
  barcode: emitBarcode
}

/**
 * Settings a printer may keep from earlier jobs (saved with ^JUS) that would move, mirror, invert or rescale
 * our label, reset for this format: UTF-8 field data (^CI28), normal print orientation (^PON), no mirror (^PMN),
 * no reverse print (^LRN), units in dots (^MUD), no label shift (^LS0), origin at the corner (^LH0,0).
 * Media settings (tear-off/peel/cut, darkness, speed, label top) stay the printer's: they are calibration.
 */
function header (label: Label): string {
  return `^XA^CI28^MUD^PW${label.widthDots}^LL${label.heightDots}^LH0,0^LS0^PON^PMN^LRN`
}

/** The label as exactly one ZPL format (`^XA…^XZ`); the font must already be on the printer (see zplFontDownload). */
export function renderZpl (label: Label, options: ZplOptions): string {
  let zpl = header(label)
  for (const el of label.elements) {
    const emit = EMITTERS[el.kind] as (el: LabelElement, options: ZplOptions) => string
    zpl += emit(el, options)
  }
  return zpl + '^XZ'
}
