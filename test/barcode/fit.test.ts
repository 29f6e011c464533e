import { describe, expect, it } from 'vitest'
import {
  chooseModuleWidth, MAX_MODULE_DOTS, MIN_MODULE_DOTS, QUIET_ZONE_MODULES, quietZoneDots, symbolWidthDots
} from '../../src/barcode/fit.ts'
import { encodeCode128 } from '../../src/barcode/code128.ts'

describe('chooseModuleWidth', () => {
  it('picks the widest whole-dot module whose symbol and quiet zones fit', () => {
    const modules = encodeCode128('123456789012345').totalModules // 134
    for (const dpi of [203, 300] as const) {
      for (const available of [300, 400, 812, 1200, 1218, 1800]) {
        const m = chooseModuleWidth(modules, available, dpi)
        if (m === undefined) {
          expect((modules + 2 * QUIET_ZONE_MODULES) * MIN_MODULE_DOTS[dpi]).toBeGreaterThan(available)
          continue
        }
        expect(m).toBeGreaterThanOrEqual(MIN_MODULE_DOTS[dpi])
        expect(symbolWidthDots(modules, m) + 2 * quietZoneDots(m)).toBeLessThanOrEqual(available)
        if (m < MAX_MODULE_DOTS) expect(symbolWidthDots(modules, m + 1) + 2 * quietZoneDots(m + 1)).toBeGreaterThan(available)
      }
    }
  })

  it('uses 2 dots at 203 dpi and 3 at 300 dpi as the minimum', () => {
    expect(chooseModuleWidth(100, 240, 203)).toBe(2)
    expect(chooseModuleWidth(100, 239, 203)).toBeUndefined()
    expect(chooseModuleWidth(100, 360, 300)).toBe(3)
    expect(chooseModuleWidth(100, 359, 300)).toBeUndefined()
  })

  it('caps the module at the ZPL ^BY limit or the given maximum', () => {
    expect(chooseModuleWidth(20, 100000, 203)).toBe(MAX_MODULE_DOTS)
    expect(chooseModuleWidth(20, 100000, 300, 4)).toBe(4)
  })

  it('does not fit the 35-character code across a 4 in label at the minimum module, but fits along 6 in', () => {
    const modules = encodeCode128('DLKJ3D4TNGQMPGAKHNU6VRJP8F92D17YXQA').totalModules
    expect(chooseModuleWidth(modules, 812, 203)).toBeUndefined()
    expect(chooseModuleWidth(modules, 1218, 203)).toBe(2)
    expect(chooseModuleWidth(modules, 1200, 300)).toBeUndefined()
    expect(chooseModuleWidth(modules, 1800, 300)).toBe(4)
  })
})
