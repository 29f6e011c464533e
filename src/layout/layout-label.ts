// LabelData + template + density → Label. Everything is worked out in whole dots at the requested density
// (the template's inches are converted once per density in resolve.ts); nothing is scaled afterwards.
import { encodeCode128 } from '../barcode/code128.ts'
import type { LabelFont } from '../fonts/index.ts'
import type { LabelData, LabelWarning } from '../model/label-data.ts'
import type { Label, LabelElement } from '../model/label.ts'
import { labelSizeDots, type Dpi } from '../units.ts'
import { MAX_ADDRESS_LINES, MAX_REFERENCES } from './fields.ts'
import { placeBarcode } from './place-barcode.ts'
import { placeText } from './place-text.ts'
import { resolveTemplate, type ResolvedRegion, type TextPlacement } from './resolve.ts'
import type { Template, UnprintedField } from './template.ts'

/** What a label is laid out with: all loaded once at start-up. */
export interface LayoutOptions {
  template: Template
  dpi: Dpi
  font: LabelFont
}

/** Where a column item goes; placeText reads it and keeps nothing, so one object serves every item. */
const columnPlace: TextPlacement = { x: 0, y: 0, width: 0, rotation: 0 }

function placeRegion (region: ResolvedRegion, data: LabelData, font: LabelFont, out: LabelElement[], warnings: LabelWarning[]): void {
  switch (region.kind) {
    case 'text':
      if (region.onlyWhen !== undefined && (region.onlyWhen.get(data) !== '') !== region.onlyWhen.filled) return
      placeText(region.spec, region.place, data, font, out, warnings)
      return
    case 'column': {
      // Each item takes only the height its lines need, so an absent company leaves no gap.
      const { rect } = region
      let y = rect.y
      columnPlace.x = rect.x
      columnPlace.width = rect.width
      for (const item of region.items) {
        columnPlace.y = y
        const used = placeText(item, columnPlace, data, font, out, warnings)
        if (used > 0) y += used + region.gap
      }
      return
    }
    case 'line':
    case 'box':
      out.push(region.element)
  }
}

function unprinted (path: string): LabelWarning {
  return { code: 'FIELD_NOT_PRINTED', path, message: 'this template has no place for this value, so it is not on the label' }
}

/** Values the label data has but the template does not print are reported, never dropped silently. */
function reportUnprinted (fields: readonly UnprintedField[], data: LabelData, warnings: LabelWarning[]): void {
  let last = ''
  for (const field of fields) {
    if (field.get(data) === '') continue
    if (field.reportAs !== last) warnings.push(unprinted(field.reportAs))
    last = field.reportAs
  }
  for (let i = MAX_REFERENCES; i < data.references.length; i++) warnings.push(unprinted(`references.${i}`))
  for (const [who, address] of [['shipper', data.shipper.address], ['recipient', data.recipient.address]] as const) {
    for (let i = MAX_ADDRESS_LINES; i < (address?.lines.length ?? 0); i++) warnings.push(unprinted(`${who}.address.lines.${i}`))
  }
}

/**
 * Lays out one label. Throws UnsupportedCharacterError (path = label-data path) for text the font cannot
 * print, BarcodeDataError for a tracking code Code128 cannot encode and LayoutError when the barcode does not
 * fit; text that does not fit at its smallest size is cut with "…" and reported in `warnings`.
 */
export function layoutLabel (data: LabelData, options: LayoutOptions): Label {
  const { template, dpi, font } = options
  const size = labelSizeDots(dpi)
  const symbol = encodeCode128(data.trackingCode)
  const resolved = resolveTemplate(template, font, dpi)
  const barcode = placeBarcode(symbol, resolved, dpi, template.barcodeAlign)
  const elements: LabelElement[] = []
  const warnings: LabelWarning[] = []
  for (const region of resolved[barcode.direction].regions) placeRegion(region, data, font, elements, warnings)
  reportUnprinted(template.arrangements[barcode.direction].unprinted, data, warnings)
  elements.push(barcode.element)
  return {
    dpi,
    widthDots: size.width,
    heightDots: size.height,
    elements,
    warnings,
    trackingCode: data.trackingCode,
    template: template.name
  }
}
