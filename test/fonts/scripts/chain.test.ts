import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../../src/config.ts'
import { ConfigError } from '../../../src/errors.ts'
import { loadLabelFont, loadScriptFonts, type PathCommand, type ScriptFonts } from '../../../src/fonts/index.ts'

const primary = loadLabelFont(path.join(PROJECT_ROOT, 'fonts/RobotoCondensed-Bold.ttf'))
const dir = mkdtempSync(path.join(tmpdir(), 'labelworks-script-fonts-'))
let chain: ScriptFonts
beforeAll(async () => { chain = await loadScriptFonts(primary) })
afterAll(() => { rmSync(dir, { recursive: true, force: true }) })

async function refusal (files: Record<string, string>): Promise<unknown> {
  return await loadScriptFonts(primary, { files }).then(() => undefined, (err: unknown) => err)
}

describe('script font chain: loading', () => {
  it('loads the label font and seven bundled fallbacks, each with its file and bytes', () => {
    expect(chain.fonts.map((f) => f.name)).toEqual([
      'RobotoCondensed-Bold', 'NotoSansArabic-Bold', 'NotoSansHebrew-Bold', 'NotoSansThai-Bold',
      'NotoSansDevanagari-Bold', 'NotoSansJP-Bold', 'NotoSansKR-Bold', 'NotoSansSC-Bold'
    ])
    for (const font of chain.fonts.slice(1)) {
      expect(readFileSync(font.file).equals(Buffer.from(font.bytes)), font.file).toBe(true)
      expect(font.unitsPerEm).toBe(1000)
    }
  })

  it('refuses a missing font, a file that is not TrueType and a CFF font, naming the file', async () => {
    const missing = path.join(dir, 'missing.ttf')
    const garbage = path.join(dir, 'garbage.ttf')
    const cff = path.join(dir, 'cff.otf')
    writeFileSync(garbage, 'not a font at all')
    writeFileSync(cff, Buffer.concat([Buffer.from('OTTO'), Buffer.alloc(64)]))
    for (const [role, file] of [['arabic', missing], ['thai', garbage], ['japanese', cff]] as const) {
      const err = await refusal({ [role]: file })
      expect(err, file).toBeInstanceOf(ConfigError)
      expect((err as ConfigError).code).toBe('INVALID_CONFIG')
      expect((err as Error).message).toContain(file)
    }
  })

  it('refuses a TrueType header with no font behind it, naming the file', async () => {
    const truncated = path.join(dir, 'truncated.ttf')
    writeFileSync(truncated, Buffer.from([0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]))
    const err = await refusal({ hebrew: truncated })
    expect(err).toBeInstanceOf(ConfigError)
    expect((err as Error).message).toContain(truncated)
  })
})

/** Every contour starts with a move and ends with a close, and the path draws curves. */
function expectClosedContours (commands: PathCommand[]): void {
  expect(commands.length).toBeGreaterThan(4)
  expect(commands[0]?.op).toBe('move')
  expect(commands.at(-1)?.op).toBe('close')
  commands.forEach((c, i) => { if (c.op === 'move' && i > 0) expect(commands[i - 1]?.op).toBe('close') })
  expect(commands.some((c) => c.op === 'quad' || c.op === 'cubic')).toBe(true)
}

describe('script font chain: scale', () => {
  it('shrinks a fallback whose letters reach beyond the label font envelope, and leaves it at 1 when asked', async () => {
    const arabic = chain.fonts.find((f) => f.name === 'NotoSansArabic-Bold')
    expect(arabic?.scale).toBeLessThan(1)
    const unscaled = await loadScriptFonts(primary, { fitEnvelope: false })
    expect(unscaled.fonts.map((f) => f.scale)).toEqual(unscaled.fonts.map(() => 1))
    // The same glyphs, larger by the inverse of the scale.
    const [fitted, full] = [chain.shape('محمد'), unscaled.shape('محمد')]
    expect(full.glyphs.map((g) => g.id)).toEqual(fitted.glyphs.map((g) => g.id))
    expect(full.advance * (arabic?.scale as number)).toBeCloseTo(fitted.advance, 9)
    expect(full.inkBottom).toBeLessThan(fitted.inkBottom)
  })

  it('draws an unsupported character as the missing glyph without throwing (callers refuse it first)', () => {
    const line = chain.shape('box 📦')
    expect(line.glyphs.at(-1)).toMatchObject({ font: 0, id: 0, cluster: 4 })
  })
})

describe('script font chain: glyph outlines', () => {
  it('gives closed contours in font units for a CJK and an Arabic glyph', () => {
    for (const text of ['東', 'ع']) {
      const glyph = chain.shape(text).glyphs[0]
      expect(glyph?.font, text).toBeGreaterThan(0)
      const outline = chain.glyphPath(glyph?.font as number, glyph?.id as number)
      expectClosedContours(outline)
      // Font units, y up: the ideograph reaches well above the baseline of a 1000-unit em.
      const ys = outline.flatMap((c) => ('y' in c ? [c.y] : []))
      expect(Math.max(...ys), text).toBeGreaterThan(500)
      expect(chain.glyphPath(glyph?.font as number, glyph?.id as number)).toBe(outline)
    }
  })
})

/** A small deterministic generator, so that a failure names a string that can be replayed. */
function* randomTexts (alphabet: string, count: number, seed: number): Generator<string> {
  // Whole graphemes, so that a decomposed accent is never drawn alone.
  const chars = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(alphabet)].map((g) => g.segment)
  let state = seed
  const next = (): number => { state = (state * 1103515245 + 12345) % 2 ** 31; return state }
  for (let n = 0; n < count; n++) {
    let text = ''
    const length = 1 + next() % 12
    for (let i = 0; i < length; i++) text += chars[next() % chars.length] as string
    yield text
  }
}

describe('script font chain: random text in each script', () => {
  const alphabets: Record<string, string> = {
    japanese: 'あいうえおかきくけこさしすせそたちつてとやゆよアイウエオカキクケコ山田太郎東京都大阪市 ー・',
    chinese: '王李张刘陈杨黄赵吴周北京上海广州市区路号 ',
    korean: '김이박최정강조윤장임서울부산시구동로 ',
    arabic: 'ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأؤإئةىپچژگکیےَُِّْ 0123456789٠١٢٣',
    hebrew: 'אבגדהוזחטיכךלמםנןסעפףצץקרשת 0123456789-',
    thai: 'กขคงจฉชซญฎฏฐดตถทนบปผฝพฟภมยรลวศษสหอฮะัาำิีึืุูเแโใไ็่้๊๋์ ',
    devanagari: 'अआइईउएओकखगघचछजझटठडढणतथदधनपफबभमयरलवशषसहािीुूृेैोौंः्ँ़ ',
    vietnamese: 'Nguyễn Thị Hường Trần Văn Đức Phạm Lê Hoàng Bùi Đặng'.normalize('NFD')
  }

  it('shapes every string to finite glyphs in logical clusters, with every printable string supported', () => {
    for (const [script, alphabet] of Object.entries(alphabets)) {
      for (const text of randomTexts(alphabet, 60, script.length * 7919)) {
        const line = chain.shape(text)
        expect(chain.firstUnsupported(text), `${script}: ${text}`).toBeUndefined()
        expect(line.glyphs.length, text).toBeGreaterThan(0)
        for (const g of line.glyphs) {
          expect(Number.isFinite(g.x) && Number.isFinite(g.y) && Number.isFinite(g.advance), text).toBe(true)
          expect(g.cluster >= 0 && g.cluster < text.length, text).toBe(true)
          expect(g.id, `${script}: ${text} draws a missing glyph`).toBeGreaterThan(0)
        }
        expect(line.inkTop).toBeGreaterThanOrEqual(line.inkBottom)
        expect(line.inkLeft >= 0 && line.inkRight >= 0).toBe(true)
      }
    }
  })
})
