// Where layout puts the barcode: across the label at the widest module that fits, along the 6-inch side when it
// does not fit across, and an error when it fits neither way.
import { describe, expect, it } from 'vitest'
import { BarcodeDataError } from '../../src/barcode/barcode-data-error.ts'
import { LayoutError } from '../../src/errors.ts'
import type { LabelData } from '../../src/model/label-data.ts'
import { TEMPLATES, fullData } from './fixtures.ts'
import { ALL, barcodeOf, labelProblems, layout, texts } from './label-checks.ts'

function withCode (trackingCode: string): LabelData {
  return { ...fullData(), trackingCode }
}

const ALNUM_35 = 'LWX' + 'Q7R2T9V4X6Z1B3D5F8H0J2K4M6N8P1S3U'.slice(0, 32)
const NUMERIC_15 = '420941035551234'

describe('layoutLabel barcode', () => {
  it.each(ALL)('%s at %i dpi: a 15-digit numeric code goes across the label at the widest module that fits', (name, dpi) => {
    const label = layout(withCode(NUMERIC_15), name, dpi)
    const bars = barcodeOf(label)
    expect(bars.rotation).toBe(0)
    expect(bars.symbol.data).toBe(NUMERIC_15)
    expect(bars.moduleWidth).toBeGreaterThanOrEqual(dpi === 203 ? 2 : 3)
    // One module wider would not fit the box with its quiet zones.
    const box = label.widthDots
    expect((bars.symbol.totalModules + 20) * (bars.moduleWidth + 1)).toBeGreaterThan(box)
    expect(labelProblems(label, TEMPLATES.get(name)!)).toEqual([])
    expect(texts(label).some((e) => e.text.includes(NUMERIC_15))).toBe(true)
  })

  it.each(ALL)('%s at %i dpi: a 35-character alphanumeric code is laid along the 6-inch side', (name, dpi) => {
    const label = layout(withCode(ALNUM_35), name, dpi)
    const bars = barcodeOf(label)
    expect(ALNUM_35).toHaveLength(35)
    expect([bars.rotation, bars.symbol.data, bars.moduleWidth]).toEqual([90, ALNUM_35, dpi === 203 ? 2 : 3])
    expect(bars.height).toBe(bars.symbol.totalModules * bars.moduleWidth)
    expect(labelProblems(label, TEMPLATES.get(name)!)).toEqual([])
    expect(texts(label).some((e) => e.text.includes(ALNUM_35))).toBe(true)
  })

  it.each(ALL)('%s at %i dpi: a code too long even along the 6-inch side fails with BARCODE_TOO_LONG', (name, dpi) => {
    const code = 'LWX' + 'ABCDEFGHJK'.repeat(6)
    const err = (() => { try { layout(withCode(code), name, dpi) } catch (e) { return e } })()
    expect(err).toBeInstanceOf(LayoutError)
    expect((err as LayoutError).code).toBe('BARCODE_TOO_LONG')
    expect((err as LayoutError).issues[0]?.path).toBe('trackingCode')
  })

  it('lets the barcode module\'s own error through for characters Code128 cannot encode', () => {
    const err = (() => { try { layout(withCode('DL12345é7890ABC'), 'standard', 203) } catch (e) { return e } })()
    expect(err).toBeInstanceOf(BarcodeDataError)
    expect((err as BarcodeDataError).code).toBe('INVALID_BARCODE_DATA')
  })
})
