// Puts the Code128 symbol in the template's barcode box: across the label when the symbol and its quiet zones
// fit there at the density's minimum module, else along the 6-inch side, else the label cannot be made.
// The box holds the bars and both quiet zones; templates keep every other region out of it.
import type { Code128Symbol } from '../barcode/code128-symbol.ts'
import { chooseModuleWidth, QUIET_ZONE_MODULES } from '../barcode/fit.ts'
import { LayoutError } from '../errors.ts'
import type { BarcodeElement } from '../model/label.ts'
import type { Dpi } from '../units.ts'
import type { BarcodeDirection } from './arrangement.ts'
import type { DotRect, ResolvedTemplate } from './resolve.ts'

/** The barcode and which arrangement of the template it needs. */
export interface PlacedBarcode {
  direction: BarcodeDirection
  element: BarcodeElement
}

function place (symbol: Code128Symbol, box: DotRect, direction: BarcodeDirection, dpi: Dpi, align: 'left' | 'center'): BarcodeElement | undefined {
  const along = direction === 'horizontal' ? box.width : box.height
  const moduleWidth = chooseModuleWidth(symbol.totalModules, along, dpi)
  if (moduleWidth === undefined) return undefined
  const bars = symbol.totalModules * moduleWidth
  const quiet = QUIET_ZONE_MODULES * moduleWidth
  const offset = quiet + (align === 'left' ? 0 : Math.floor((along - bars - 2 * quiet) / 2))
  // Spelled out rather than spread from a shared part: V8 builds object spreads with extra properties far slower.
  const horizontal = direction === 'horizontal'
  return {
    kind: 'barcode',
    moduleWidth,
    quietZoneModules: QUIET_ZONE_MODULES,
    symbol,
    x: horizontal ? box.x + offset : box.x,
    y: horizontal ? box.y : box.y + offset,
    width: horizontal ? bars : box.width,
    height: horizontal ? box.height : bars,
    barHeight: horizontal ? box.height : box.width,
    rotation: horizontal ? 0 : 90
  }
}

/** Places `symbol`; throws LayoutError BARCODE_TOO_LONG when it fits neither way at the minimum module. */
export function placeBarcode (symbol: Code128Symbol, template: ResolvedTemplate, dpi: Dpi, align: 'left' | 'center'): PlacedBarcode {
  for (const direction of ['horizontal', 'vertical'] as const) {
    const element = place(symbol, template[direction].barcode, direction, dpi, align)
    if (element !== undefined) return { direction, element }
  }
  const { barcode } = template.vertical
  const message = `the tracking code's Code128 symbol (${symbol.data.length} characters, ${symbol.totalModules} modules plus ${2 * QUIET_ZONE_MODULES} of quiet zone) does not fit this template's barcode box at ${dpi} dpi even along the 6-inch side (${barcode.height} dots) at the minimum module width`
  throw new LayoutError('BARCODE_TOO_LONG', message, [{ path: 'trackingCode', rule: 'barcode_fits', message: 'too long to print as a scannable Code128 barcode on a 4x6 label; use a shorter tracking code' }])
}
