// The label element kinds, one line each (a module per kind beside this file): the ZPL, PDF and bitmap renderers
// and the PDF's label check draw and check each element through its kind's entry.
import { barcodeKind } from './barcode.ts'
import { boxKind } from './box.ts'
import { textKind } from './text.ts'

/** Every element kind the renderers draw. */
export const ELEMENT_KINDS = [
  textKind,
  boxKind,
  barcodeKind
] as const
