// loadTextFonts checks every script font at start-up but reads a font's glyphs only when a text first needs it: a
// broken file is still refused at start naming it, and a font no label has used yet was never read.
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../src/config.ts'
import { ConfigError } from '../../src/errors.ts'
import { loadTextFonts } from '../../src/fonts/index.ts'

const LABEL_FONT = path.join(PROJECT_ROOT, 'fonts/RobotoCondensed-Bold.ttf')
const dir = mkdtempSync(path.join(tmpdir(), 'labelworks-text-fonts-'))
afterAll(() => { rmSync(dir, { recursive: true, force: true }) })

describe('loadTextFonts', () => {
  it('reads a script font when a text first needs it, not at start-up', () => {
    const japanese = path.join(dir, 'japanese.ttf')
    const thai = path.join(dir, 'thai.ttf')
    copyFileSync(path.join(PROJECT_ROOT, 'fonts/noto/NotoSansJP-Bold.ttf'), japanese)
    copyFileSync(path.join(PROJECT_ROOT, 'fonts/noto/NotoSansThai-Bold.ttf'), thai)
    const font = loadTextFonts(LABEL_FONT, { files: { japanese, thai } })
    const scripts = font.scripts
    if (scripts === undefined) throw new Error('no script fonts')
    expect(scripts.fonts[5]).toMatchObject({ name: 'NotoSansJP-Bold', file: japanese, unitsPerEm: 1000, scale: 1 })
    expect(scripts.firstUnsupported('やまだ')).toBeUndefined()
    // Thai is drawn once, so its font is read; the Japanese file goes away before any Japanese text is shaped.
    expect(scripts.shape('สมชาย').glyphs.every((g) => g.font === 3)).toBe(true)
    rmSync(thai)
    rmSync(japanese)
    expect(scripts.shape('สมชาย ใจดี').glyphs.some((g) => g.font === 3)).toBe(true)
    expect(() => scripts.shape('やまだ')).toThrow(ConfigError)
    expect(() => scripts.shape('やまだ')).toThrow(japanese)
    expect(scripts.shape('Jordan').glyphs.every((g) => g.font === 0)).toBe(true)
  })

  it('still refuses at start-up a script font that is missing, not TrueType or has no font behind its header, naming it', () => {
    const truncated = path.join(dir, 'truncated.ttf')
    const text = path.join(dir, 'text.ttf')
    writeFileSync(truncated, Buffer.from([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]))
    writeFileSync(text, 'not a font at all')
    for (const file of [truncated, text, path.join(dir, 'missing.ttf')]) {
      expect(() => loadTextFonts(LABEL_FONT, { files: { arabic: file } }), file).toThrow(ConfigError)
      expect(() => loadTextFonts(LABEL_FONT, { files: { arabic: file } }), file).toThrow(file)
    }
  })
})
