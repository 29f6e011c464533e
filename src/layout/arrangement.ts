// A template has two arrangements: the barcode across the label (as written) and the barcode along the
// 6-inch side (each region's `whenBarcodeVertical` applied). Both are checked and compiled the same way.
import type { TemplateFile, TemplateRegion } from './template-schema.ts'

/** Which way the barcode runs; names the arrangement. */
export type BarcodeDirection = 'horizontal' | 'vertical'

/** A region as it stands in one arrangement, with where it came from in the file. */
export interface ArrangedRegion {
  region: TemplateRegion
  /** JSON path of the region in the file, e.g. `regions[3]`. */
  path: string
  /** JSON path of the values in effect (`regions[3].whenBarcodeVertical` when overridden there). */
  geometryPath: string
}

/** The regions of one arrangement in file order, overrides applied, hidden ones left out. */
export function arrangeRegions (file: TemplateFile, direction: BarcodeDirection): ArrangedRegion[] {
  const out: ArrangedRegion[] = []
  file.regions.forEach((region, i) => {
    const path = `regions[${i}]`
    const override = direction === 'vertical' ? region.whenBarcodeVertical : undefined
    if (override === undefined) {
      out.push({ region, path, geometryPath: path })
      return
    }
    if (override.hidden === true) return
    const { hidden: _hidden, ...changes } = override
    out.push({ region: { ...region, ...changes } as TemplateRegion, path, geometryPath: `${path}.whenBarcodeVertical` })
  })
  return out
}
