import { describe, expect, it } from 'vitest'
import { BASELINE_RATIO, blockHeight, largestSizeForLines, lineAbove, lineBelow } from '../../src/layout/line-metrics.ts'
import { TEXT_BASELINE_RATIO } from '../../src/render/zpl/index.ts'
import { FONT } from './fixtures.ts'

describe('line metrics', () => {
  it('puts the baseline where the ZPL renderer does', () => {
    expect(BASELINE_RATIO).toBe(TEXT_BASELINE_RATIO)
  })

  it('reserves the font\'s real ink above and below the baseline', () => {
    for (const size of [20, 41, 69, 102]) {
      expect(lineAbove(FONT, size)).toBeGreaterThanOrEqual(size * FONT.ascent / FONT.unitsPerEm)
      expect(lineBelow(FONT, size)).toBeGreaterThanOrEqual(size * -FONT.descent / FONT.unitsPerEm)
    }
  })

  it('finds the largest size whose lines fit the room', () => {
    for (const lines of [1, 2, 3]) {
      const size = largestSizeForLines(FONT, 100, lines, 1.15, 200)
      expect(blockHeight(FONT, size, lines, 1.15)).toBeLessThanOrEqual(100)
      expect(blockHeight(FONT, size + 1, lines, 1.15)).toBeGreaterThan(100)
    }
  })
})
