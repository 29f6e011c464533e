// LabelData + template + density → Label. Everything is worked out in whole dots at the requested density
// (the template's inches are converted once per density in resolve.ts); nothing is scaled afterwards.
import { encodeCode128 } from '../barcode/code128.ts'
import type { LabelFont } from '../fonts/index.ts'
import type { LabelData, LabelWarning } from '../model/label-data.ts'
import type { Label, LabelElement } from '../model/label.ts'
import { labelSizeDots, type Dpi } from '../units.ts'
import { placeBarcode } from './place-barcode.ts'
import { placeText } from './place-text.ts'
import { resolveTemplate, type ResolvedRegion } from './resolve.ts'
import type { Template } from './template.ts'

/** What a label is laid out with: all loaded once at start-up. */
export interface LayoutOptions {
  template: Template
  dpi: Dpi
  font: LabelFont
}

function placeRegion (region: ResolvedRegion, data: LabelData, font: LabelFont, out: LabelElement[], warnings: LabelWarning[]): void {
  switch (region.kind) {
    case 'text':
      placeText(region.spec, region, data, font, out, warnings)
      return
    case 'column': {
      // Each item takes only the height its lines need, so an absent company leaves no gap.
      const { rect } = region
      let y = rect.y
      for (const item of region.items) {
        const { used } = placeText(item, { rect: { x: rect.x, y, width: rect.width, height: item.height }, rotation: 0 }, data, font, out, warnings)
        if (used > 0) y += used + region.gap
      }
      return
    }
    case 'line':
    case 'box':
      out.push({ kind: 'box', ...region.rect, thickness: region.thickness })
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
