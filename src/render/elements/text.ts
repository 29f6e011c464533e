// Text elements: one line of the label font (or shaped glyphs of the fallback fonts). The drawing itself is large and
// renderer-specific, so it stays beside each renderer's font handling (zpl/text.ts, zpl/graphic-text.ts,
// pdf/draw-text.ts, bitmap/text-glyphs.ts); this module is the kind's one entry.
import type { TextElement } from '../../model/label.ts'
import type { Bitmap } from '../bitmap/bitmap.ts'
import { drawText } from '../pdf/draw-text.ts'
import { emitGraphicText } from '../zpl/graphic-text.ts'
import { emitText } from '../zpl/text.ts'
import { defineElementKind, type BitmapContext, type ZplContext } from './element-kind.ts'

/** Shaped text (other scripts, fallback fonts) is a graphic in either mode: the printer's font has no such glyphs. */
function textZpl (el: TextElement, context: ZplContext): string {
  return context.asFont && el.glyphs === undefined ? emitText(el, context.fonts) : emitGraphicText(el, context.glyphs)
}

function drawBitmapText (el: TextElement, bitmap: Bitmap, { text, scratch }: BitmapContext): void {
  scratch.length = 0
  for (const { mask, x, y } of text.place(el, scratch)) bitmap.blit(mask, x, y)
}

export const textKind = defineElementKind({
  kind: 'text',
  wholeDotSizes: ['fontHeight', 'fontWidth'],
  rotates: true,
  zpl: textZpl,
  pdf: (el, canvas, path) => { drawText(el, canvas, el.field !== '' ? el.field : `${path}.text`) },
  bitmap: drawBitmapText
})
