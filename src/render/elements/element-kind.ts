// What a label element kind is to the renderers: one module per kind (text.ts, box.ts, barcode.ts) holding how
// ZPL, the PDF and the bitmap draw it and which sizes must be whole dots, listed once in index.ts. Each renderer
// walks the label's elements through that list instead of a switch of its own.
import type { FieldIssue } from '../../errors.ts'
import type { LabelElement } from '../../model/label.ts'
import type { Bitmap } from '../bitmap/bitmap.ts'
import type { PlacedMask, TextRasterizer } from '../bitmap/text-glyphs.ts'
import type { PageCanvas } from '../pdf/page-canvas.ts'
import type { FontCommands } from '../zpl/text.ts'

/** What a ZPL emitter is given: made once per set of ZPL options, shared by every label. */
export interface ZplContext {
  /** Text in the label font stored on the printer (`text: font`), or as graphics. */
  asFont: boolean
  fonts: FontCommands
  glyphs: TextRasterizer
}

/** What a bitmap drawer is given for one label. */
export interface BitmapContext {
  text: TextRasterizer
  /** Reused between text elements so drawing a label allocates no mask list per element. */
  scratch: PlacedMask[]
}

/**
 * One element kind of the label model (src/model/label.ts) and how every renderer draws it. Methods, not function
 * properties: an entry for one kind then stands for any kind in the registry (the renderers pick it by `el.kind`).
 */
export interface ElementKind<K extends LabelElement['kind'] = LabelElement['kind']> {
  kind: K
  /** Fields that must be whole dots ≥ 1 besides the box (x, y, width, height), checked before a PDF is drawn. */
  wholeDotSizes: readonly string[]
  /** The element has a `rotation` (0 or 90). */
  rotates: boolean
  /** Further checks that the element can be drawn exactly; `path` names it (`elements[3]`). */
  check? (el: Extract<LabelElement, { kind: K }>, path: string, issues: FieldIssue[]): void
  /** The element's ZPL fields. */
  zpl (el: Extract<LabelElement, { kind: K }>, context: ZplContext): string
  /** Draws it into a PDF page's content stream; `path` names it in errors. */
  pdf (el: Extract<LabelElement, { kind: K }>, canvas: PageCanvas, path: string): void
  /** Draws it as dots. */
  bitmap (el: Extract<LabelElement, { kind: K }>, bitmap: Bitmap, context: BitmapContext): void
}

/** Keeps the kind's literal type, so the registry can be checked against the model's element kinds. */
export function defineElementKind<K extends LabelElement['kind']> (kind: ElementKind<K>): ElementKind<K> {
  return kind
}
