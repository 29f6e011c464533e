import { describe, expect, it } from 'vitest'
import { ELLIPSIS, fitText, type TextBox } from '../../src/layout/text-fit.ts'
import { blockHeight } from '../../src/layout/line-metrics.ts'
import { textDots } from '../../src/layout/wrap.ts'
import { FONT } from './fixtures.ts'

const box = (run: number, overrides: Partial<TextBox> = {}): TextBox =>
  ({ run, cross: 80, maxSize: 40, minSize: 20, maxLines: 3, lineSpacing: 1.15, ...overrides })

function checkFits (lines: string[], size: number, b: TextBox): void {
  for (const line of lines) expect(textDots(FONT, line, size), line).toBeLessThanOrEqual(b.run)
  expect(blockHeight(FONT, size, lines.length, b.lineSpacing)).toBeLessThanOrEqual(b.cross)
}

describe('fitText', () => {
  it('keeps a short text on one line at the largest size', () => {
    const fitted = fitText(FONT, 'Jane Doe', box(600))
    expect(fitted).toEqual({ size: 40, lines: ['Jane Doe'], dropped: '', droppedAt: 8 })
  })

  it('shrinks first: one line at the largest size that fits the run, not below the floor', () => {
    const text = 'Maximiliana Wolkenstein'
    const b = box(textDots(FONT, text, 30))
    const fitted = fitText(FONT, text, b)
    expect(fitted.lines).toEqual([text])
    expect(fitted.size).toBeGreaterThanOrEqual(30)
    expect(fitted.size).toBeLessThan(40)
    expect(textDots(FONT, text, fitted.size + 1)).toBeGreaterThan(b.run)
  })

  it('then wraps at spaces, into as few lines as the room allows, at the largest size for them', () => {
    const text = 'Ring the bell twice and wait for the concierge at the west lobby desk'
    const b = box(textDots(FONT, text, 20) / 2 + 40)
    const fitted = fitText(FONT, text, b)
    expect(fitted.lines.length).toBe(2)
    expect(fitted.lines.join(' ')).toBe(text)
    expect(fitted.size).toBeGreaterThanOrEqual(20)
    checkFits(fitted.lines, fitted.size, b)
  })

  it('breaks inside a word only when the word alone is wider than a line at the floor size', () => {
    const text = 'X'.repeat(60)
    const b = box(textDots(FONT, 'X'.repeat(25), 20))
    const fitted = fitText(FONT, text, b)
    expect(fitted.lines.join('')).toBe(text)
    checkFits(fitted.lines, fitted.size, b)
  })

  it('breaks a word too wide for a line after a hyphen before it breaks inside the word', () => {
    const text = 'BestClothingBrand-CA-1'
    const b = box(textDots(FONT, 'BestClothingBrand-', 20) + 2, { cross: 200 })
    const fitted = fitText(FONT, text, b)
    expect(fitted.lines).toEqual(['BestClothingBrand-', 'CA-1'])
    checkFits(fitted.lines, fitted.size, b)
    const narrow = box(textDots(FONT, 'BestClothing', 20), { cross: 200 })
    expect(fitText(FONT, text, narrow).lines.join('')).toBe(text)
  })

  it('only as a last resort cuts the last line at the floor size and ends it with …', () => {
    const text = 'word '.repeat(80).trim()
    const b = box(300, { cross: 80 })
    const fitted = fitText(FONT, text, b)
    expect(fitted.size).toBe(20)
    expect(fitted.lines.at(-1)?.endsWith(ELLIPSIS)).toBe(true)
    expect(fitted.droppedAt).toBeLessThan(text.length)
    expect(text.startsWith(fitted.lines.join(' ').slice(0, -1).trimEnd())).toBe(true)
    expect(fitted.dropped).toBe(text.slice(fitted.droppedAt).trim())
    checkFits(fitted.lines, fitted.size, b)
  })

  it('keeps overhanging accents inside the run', () => {
    const text = 'ÏÎ ťŤ Ὅμηρος ʃ'
    const b = box(textDots(FONT, text, 20))
    const fitted = fitText(FONT, text, b)
    checkFits(fitted.lines, fitted.size, b)
  })
})
