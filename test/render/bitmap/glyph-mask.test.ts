import { describe, expect, it } from 'vitest'
import { Bitmap } from '../../../src/render/bitmap/bitmap.ts'
import { rasterizeGlyph, type OutlineCommand } from '../../../src/render/bitmap/glyph-mask.ts'

const square = (x0: number, y0: number, x1: number, y1: number, clockwise = false): OutlineCommand[] => {
  const corners = clockwise ? [[x0, y0], [x0, y1], [x1, y1], [x1, y0]] : [[x0, y0], [x1, y0], [x1, y1], [x0, y1]]
  return [
    { command: 'moveTo', args: corners[0] as number[] },
    ...corners.slice(1).map((c) => ({ command: 'lineTo' as const, args: c })),
    { command: 'closePath', args: [] }
  ]
}

function draw (commands: OutlineCommand[], rotation: 0 | 90 = 0, shift = 0): { rows: string[], left: number, top: number } {
  const mask = rasterizeGlyph(commands, { scaleRun: 1, scaleUp: 1, rotation, shift })
  const b = new Bitmap(mask.width, mask.height)
  b.blit(mask, 0, 0)
  const rows = Array.from({ length: b.height }, (_, y) => Array.from({ length: b.width }, (_, x) => (b.get(x, y) ? '#' : '.')).join(''))
  return { rows, left: mask.left, top: mask.top }
}

describe('rasterizeGlyph', () => {
  it('inks exactly the dots whose centres are inside, y up in the font and down on the label', () => {
    // A 3 × 2 square sitting on the baseline: rows -2 and -1 above the origin, columns 1..3.
    expect(draw(square(1, 0, 4, 2))).toEqual({ rows: ['###', '###'], left: 1, top: -2 })
  })

  it('fills by non-zero winding: overlapping contours stay ink, a reversed inner contour is a hole', () => {
    expect(draw([...square(0, 0, 4, 4), ...square(1, 1, 3, 3)]).rows).toEqual(['####', '####', '####', '####'])
    expect(draw([...square(0, 0, 4, 4), ...square(1, 1, 3, 3, true)]).rows).toEqual(['####', '#..#', '#..#', '####'])
  })

  it('moves the glyph by a fraction of a dot only where that changes which centres are inside', () => {
    expect(draw(square(0, 0, 2.4, 1), 0, 0).rows).toEqual(['##'])
    expect(draw(square(0, 0, 2.4, 1), 0, 0.25).rows).toEqual(['###'])
  })

  it('turns the glyph clockwise for rotated text: letter tops face right, text runs down', () => {
    // A bar 4 long (along the text) and 1 tall (towards the tops): rotated it is 1 dot wide and 4 dots down.
    expect(draw(square(0, 0, 4, 1), 90)).toEqual({ rows: ['#', '#', '#', '#'], left: 0, top: 0 })
  })

  it('flattens curves: a quadratic bowl fills under its curve', () => {
    const bowl: OutlineCommand[] = [
      { command: 'moveTo', args: [0, 0] },
      { command: 'lineTo', args: [8, 0] },
      { command: 'quadraticCurveTo', args: [4, 8, 0, 0] },
      { command: 'closePath', args: [] }
    ]
    const { rows } = draw(bowl)
    expect(rows.at(-1)).toBe('########')
    expect(rows[0]).toMatch(/^\.+#+\.+$/)
  })

  it('gives an empty mask for an empty outline', () => {
    expect(rasterizeGlyph([], { scaleRun: 1, scaleUp: 1, rotation: 0, shift: 0 }).width).toBe(0)
  })
})
