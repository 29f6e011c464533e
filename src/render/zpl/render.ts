// Label → ZPL: a fixed header, then each element's fields from its kind's emitter (src/render/elements/).
import type { Label } from '../../model/label.ts'
import { KIND_OF, type ZplContext } from '../elements/index.ts'
import type { ZplOptions } from './options.ts'
import { fontCommandsFor } from './text.ts'

/**
 * Settings a printer may keep from earlier jobs (saved with ^JUS) that would move, mirror, invert or rescale
 * our label, reset for this format: UTF-8 field data (^CI28), normal print orientation (^PON), no mirror (^PMN),
 * no reverse print (^LRN), units in dots (^MUD), no label shift (^LS0), origin at the corner (^LH0,0).
 * Media settings (tear-off/peel/cut, darkness, speed, label top) stay the printer's: they are calibration.
 */
function header (label: Label): string {
  return `^XA^CI28^MUD^PW${label.widthDots}^LL${label.heightDots}^LH0,0^LS0^PON^PMN^LRN`
}

/** Contexts by the options object they were made from: the service makes its options once, so this is one lookup. */
const contexts = new WeakMap<ZplOptions, ZplContext>()

function contextOf (options: ZplOptions): ZplContext {
  let context = contexts.get(options)
  if (context === undefined) {
    context = { asFont: options.text === 'font', fonts: fontCommandsFor(options.fontPath), glyphs: options.glyphs }
    contexts.set(options, context)
  }
  return context
}

/**
 * The label as exactly one ZPL format (`^XA…^XZ`). In font mode the label font must already be on the printer
 * (see zplFontDownload); in graphic mode nothing needs to be.
 */
export function renderZpl (label: Label, options: ZplOptions): string {
  const context = contextOf(options)
  let zpl = header(label)
  for (const el of label.elements) zpl += KIND_OF[el.kind].zpl(el, context)
  return zpl + '^XZ'
}
