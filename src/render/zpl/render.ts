// Label → ZPL: a fixed header, then one emitter per element kind.
import type { Label } from '../../model/label.ts'
import { emitBarcode } from './barcode.ts'
import { emitBox } from './box.ts'
import { emitGraphicText } from './graphic-text.ts'
import type { ZplOptions } from './options.ts'
import { emitText, fontCommandsFor } from './text.ts'

/**
 * Settings a printer may keep from earlier jobs (saved with ^JUS) that would move, mirror, invert or rescale
 * our label, reset for this format: UTF-8 field data (^CI28), normal print orientation (^PON), no mirror (^PMN),
 * no reverse print (^LRN), units in dots (^MUD), no label shift (^LS0), origin at the corner (^LH0,0).
 * Media settings (tear-off/peel/cut, darkness, speed, label top) stay the printer's: they are calibration.
 */
function header (label: Label): string {
  return `^XA^CI28^MUD^PW${label.widthDots}^LL${label.heightDots}^LH0,0^LS0^PON^PMN^LRN`
}

/**
 * The label as exactly one ZPL format (`^XA…^XZ`). In font mode the label font must already be on the printer
 * (see zplFontDownload); in graphic mode nothing needs to be.
 */
export function renderZpl (label: Label, options: ZplOptions): string {
  const fonts = fontCommandsFor(options.fontPath)
  const asFont = options.text === 'font'
  let zpl = header(label)
  // A switch, not a table of emitters: each call site then sees one element shape and can be inlined.
  for (const el of label.elements) {
    switch (el.kind) {
      case 'text':
        // Shaped text (other scripts, fallback fonts) is a graphic in either mode: the printer's font has no such glyphs.
        zpl += asFont && el.glyphs === undefined ? emitText(el, fonts) : emitGraphicText(el, options.glyphs)
        break
      case 'box': zpl += emitBox(el); break
      case 'barcode': zpl += emitBarcode(el); break
    }
  }
  return zpl + '^XZ'
}
