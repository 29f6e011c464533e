import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../src/config.ts'
import { ConfigError } from '../../src/errors.ts'
import { createLabelFont, LABEL_FONT_ZPL_PATH, loadLabelFont } from '../../src/fonts/index.ts'

const font = loadLabelFont(path.join(PROJECT_ROOT, 'fonts/RobotoCondensed-Bold.ttf'))

describe('label font', () => {
  it('covers Latin with accents, Polish, Greek and Cyrillic', () => {
    for (const text of ['Renée Müller-Lüdenscheidt', 'Zażółć gęślą jaźń', 'Αθήνα Ωμέγα', 'Москва Щёлково']) {
      expect(font.firstUnsupported(text), text).toBeUndefined()
    }
  })

  it('names the first character it cannot print, whole even when it is a surrogate pair', () => {
    expect(font.firstUnsupported('Tokyo 東京')).toBe('東')
    expect(font.firstUnsupported('box 📦 here')).toBe('📦')
    expect(font.hasChar('東'.codePointAt(0) as number)).toBe(false)
  })

  it('checks and measures in one pass: the advance of printable text, -1 as soon as one character is not', () => {
    for (const text of ['Renée Müller', 'Zażółć', 'Αθήνα', 'Москва', '']) expect(font.printableUnits(text), text).toBe(font.advanceUnits(text))
    expect(font.advanceUnits('Hello')).toBeGreaterThan(0)
    for (const text of ['Tokyo 東京', 'box 📦', 'a\u200bb', '\u0007']) expect(font.printableUnits(text), text).toBe(-1)
  })

  it('refuses invisible and control characters even when the font maps them', () => {
    for (const ch of ['\u00ad', '\u200b', '\ufeff', '\u0007', '\ue000']) {
      expect(font.firstUnsupported(`a${ch}b`), `U+${(ch.codePointAt(0) as number).toString(16)}`).toBe(ch)
    }
  })

  it('measures text as ZPL ^A@ scales it: font units over units per em times the cell width', () => {
    const units = font.advanceUnits('Hello')
    expect(units).toBe([...'Hello'].reduce((sum, c) => sum + font.charAdvanceUnits(c.codePointAt(0) as number), 0))
    expect(font.advance('Hello', 40, 40)).toBeCloseTo((units * 40) / font.unitsPerEm, 9)
    // Only the width stretches the text; the height does not change the advance.
    expect(font.advance('Hello', 80, 40)).toBe(font.advance('Hello', 40, 40))
    expect(font.advance('Hello', 40, 20)).toBeCloseTo(font.advance('Hello', 40, 40) / 2, 9)
  })

  it('knows its metrics and where printers keep it', () => {
    expect(font.name).toBe('RobotoCondensed-Bold')
    expect(font.zplPath).toBe(LABEL_FONT_ZPL_PATH)
    expect(font.ascent).toBeGreaterThan(0)
    expect(font.descent).toBeLessThan(0)
  })

  it('fails at start-up with a config error naming a missing file', () => {
    expect(() => loadLabelFont('fonts/missing.ttf')).toThrow(ConfigError)
    expect(() => loadLabelFont('fonts/missing.ttf')).toThrow(/fonts\/missing\.ttf/)
    expect(() => loadLabelFont(path.join(PROJECT_ROOT, 'fonts/OFL.txt'))).toThrow(/not a usable TrueType font/)
  })

  it('refuses at start-up a font that is not a plain TrueType file (CFF outlines, WOFF), which printers and PDF subsets need', () => {
    const ttf = readFileSync(path.join(PROJECT_ROOT, 'fonts/RobotoCondensed-Bold.ttf'))
    for (const signature of ['OTTO', 'wOFF']) {
      const other = Buffer.from(ttf)
      other.write(signature, 0, 'latin1')
      expect(() => createLabelFont(other)).toThrow(/not an uncompressed TrueType \(\.ttf\) font/)
    }
    expect(createLabelFont(ttf).name).toBe('RobotoCondensed-Bold')
  })
})
