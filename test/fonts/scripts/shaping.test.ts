import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../../src/config.ts'
import { loadLabelFont, loadScriptFonts, type ScriptFonts, type ShapedLine } from '../../../src/fonts/index.ts'

const primary = loadLabelFont(path.join(PROJECT_ROOT, 'fonts/RobotoCondensed-Bold.ttf'))
let chain: ScriptFonts
beforeAll(async () => { chain = await loadScriptFonts(primary) })

const fontIndex = (name: string): number => chain.fonts.findIndex((f) => f.name === name)
/** Chain fonts drawing the glyphs of text[from, to). */
const fontsOf = (line: ShapedLine, from: number, to: number): Set<string> =>
  new Set(line.glyphs.filter((g) => g.cluster >= from && g.cluster < to).map((g) => chain.fonts[g.font]?.name as string))
/** The glyphs' clusters in visual order. */
const clusters = (line: ShapedLine): number[] => line.glyphs.map((g) => g.cluster)

describe('script fonts: which font draws what', () => {
  it('draws each script with its font and Latin, digits and spaces with the label font', () => {
    const cases: Array<[string, string, string]> = [
      ['山田 やまだ', 'やまだ', 'NotoSansJP-Bold'],
      ['김민준', '김민준', 'NotoSansKR-Bold'],
      ['王小明', '王小明', 'NotoSansSC-Bold'],
      ['محمد 12', 'محمد', 'NotoSansArabic-Bold'],
      ['דוד 42', 'דוד', 'NotoSansHebrew-Bold'],
      ['สมชาย 7', 'สมชาย', 'NotoSansThai-Bold'],
      ['राजेश 3', 'राजेश', 'NotoSansDevanagari-Bold']
    ]
    for (const [text, word, font] of cases) {
      const line = chain.shape(text)
      const at = text.indexOf(word)
      expect(fontsOf(line, at, at + word.length), text).toEqual(new Set([font]))
      const digit = text.search(/\d/)
      if (digit >= 0) expect(fontsOf(line, digit, digit + 1), text).toEqual(new Set([primary.name]))
    }
  })

  it('unifies Han by the text around it: Japanese beside kana, Korean beside Hangul, else Chinese', () => {
    expect(fontsOf(chain.shape('東京'), 0, 2)).toEqual(new Set(['NotoSansSC-Bold']))
    expect(fontsOf(chain.shape('東京 とうきょう'), 0, 2)).toEqual(new Set(['NotoSansJP-Bold']))
    expect(fontsOf(chain.shape('東京 서울'), 0, 2)).toEqual(new Set(['NotoSansKR-Bold']))
  })

  it('lets a wrapped line take its Han style from the whole field, or the caller say it', () => {
    const field = '東京都千代田区 やまだ'
    expect(chain.hanStyle(field)).toBe('japanese')
    expect(fontsOf(chain.shape('東京都千代田区', { han: chain.hanStyle(field) }), 0, 7)).toEqual(new Set(['NotoSansJP-Bold']))
    expect(fontsOf(chain.shape('東京都千代田区', { han: 'korean' }), 0, 7)).toEqual(new Set(['NotoSansKR-Bold']))
  })

  it('keeps a decomposed Vietnamese name in the label font, composed, at the advances of its composed form', () => {
    const composed = 'Nguyễn Thị Hường'
    const decomposed = composed.normalize('NFD')
    expect(decomposed).not.toBe(composed)
    expect(chain.isSimple(composed)).toBe(true)
    expect(chain.firstUnsupported(decomposed)).toBeUndefined()
    const line = chain.shape(decomposed)
    expect(new Set(line.glyphs.map((g) => g.font))).toEqual(new Set([0]))
    expect(line.glyphs).toHaveLength([...composed].length)
    expect(line.advance).toBeCloseTo(primary.advanceUnits(composed) / primary.unitsPerEm, 9)
  })
})

describe('script fonts: shaping', () => {
  it('joins Arabic: initial, medial and final forms differ from each other and from the isolated letter', () => {
    const joined = chain.shape('ببب').glyphs.map((g) => g.id)
    const isolated = chain.shape('ب').glyphs[0]?.id
    expect(new Set([...joined, isolated]).size).toBe(4)
  })

  it('forms Devanagari conjuncts and puts the i-matra before its consonant', () => {
    const conjunct = chain.shape('क्ष')
    expect(conjunct.glyphs.length).toBeLessThan(3)
    const ki = chain.shape('कि')
    expect(clusters(ki)).toEqual([0, 0])
    // The matra (U+093F) is written after the consonant but drawn to its left.
    const [first, second] = ki.glyphs
    expect(first?.x).toBeLessThan(second?.x as number)
    expect(first?.id).not.toBe(chain.shape('क').glyphs[0]?.id)
  })

  it('places Thai vowel and tone marks on their consonant without advancing the pen', () => {
    const line = chain.shape('ปิ่น')
    const base = chain.shape('ป')
    const marks = line.glyphs.filter((g) => g.cluster === 0).slice(1)
    expect(marks.length).toBe(2)
    for (const mark of marks) expect(mark.advance).toBe(0)
    expect(line.advance).toBeCloseTo(base.advance + chain.shape('น').advance, 9)
  })

  it('lays Hebrew and Arabic out right to left with Latin digits left to right inside', () => {
    // Visual order: "42", space, then the Hebrew word with its first letter rightmost.
    expect(clusters(chain.shape('דוד 42'))).toEqual([4, 5, 3, 2, 1, 0])
    const arabic = clusters(chain.shape('محمد 123'))
    expect(arabic.slice(0, 3)).toEqual([5, 6, 7])
    expect(arabic.at(-1)).toBe(0)
  })

  it('keeps Latin first and Arabic reversed in a left-to-right line that mixes them', () => {
    const line = chain.shape('Ahmed أحمد')
    expect(clusters(line).slice(0, 6)).toEqual([0, 1, 2, 3, 4, 5])
    // Right to left: clusters fall; the hamza of أ may be a glyph of its own on cluster 6.
    const arabic = clusters(line).slice(6)
    expect(arabic).toEqual([...arabic].sort((a, b) => b - a))
    expect(new Set(arabic)).toEqual(new Set([6, 7, 8, 9]))
    expect(fontsOf(line, 6, 10)).toEqual(new Set(['NotoSansArabic-Bold']))
  })

  it('places label-font text unkerned at LabelFont advances, simple or not', () => {
    const latin = 'AVATAR Wolfgang office To'
    expect(chain.isSimple(latin)).toBe(true)
    const mixed = `${latin} 東京`
    for (const line of [chain.shape(latin), chain.shape(mixed)]) {
      const own = line.glyphs.filter((g) => g.font === 0 && g.cluster < latin.length)
      expect(own).toHaveLength(latin.length)
      own.forEach((g, i) => expect(g.advance, latin[i]).toBeCloseTo(primary.charAdvanceUnits(latin.charCodeAt(i)) / primary.unitsPerEm, 9))
    }
    expect(chain.shape(latin).advance).toBeCloseTo(primary.advanceUnits(latin) / primary.unitsPerEm, 9)
  })

  it('reports ink beyond the advance box, and the line ink above and below the baseline', () => {
    const line = chain.shape('राजेश')
    expect(line.inkTop).toBeGreaterThan(0.5)
    expect(line.inkBottom).toBeLessThanOrEqual(0)
    expect(line.inkLeft).toBeGreaterThanOrEqual(0)
    expect(line.inkRight).toBeGreaterThanOrEqual(0)
    expect(chain.shape('').glyphs).toEqual([])
  })

  it('tells the fast path apart: Latin, Greek and Cyrillic are simple; other scripts, marks and RTL are not', () => {
    for (const text of ['Renée Müller', 'Αθήνα Ωμέγα', 'Москва Щёлково', 'Zażółć']) expect(chain.isSimple(text), text).toBe(true)
    for (const text of ['東京', 'محمد', 'דוד', 'e\u0301', 'สม', 'box 📦']) expect(chain.isSimple(text), text).toBe(false)
  })
})

describe('script fonts: coverage', () => {
  it('refuses emoji and stray joiners, naming the character; accepts a Persian zero-width non-joiner', () => {
    expect(chain.firstUnsupported('Tanaka 📦')).toBe('📦')
    expect(chain.covers(0x1f4e6)).toBe(false)
    expect(chain.firstUnsupported('a\u200db')).toBe('\u200d')
    expect(chain.firstUnsupported('می\u200cخواهم')).toBeUndefined()
    expect(chain.firstUnsupported('山田 太郎 محمد דוד สมชาย राजेश')).toBeUndefined()
    expect(chain.covers(0x200b)).toBe(false)
    expect(chain.covers('東'.codePointAt(0) as number)).toBe(true)
  })

  it('draws every fallback letter and digit inside the label font envelope at its scale', () => {
    const top = primary.ascent / primary.unitsPerEm
    const bottom = primary.descent / primary.unitsPerEm
    expect(chain.fonts[0]?.scale).toBe(1)
    for (const font of chain.fonts.slice(1)) {
      expect(font.scale, font.name).toBeGreaterThan(0)
      expect(font.scale, font.name).toBeLessThanOrEqual(1)
      expect(font.scale * font.inkTop / font.unitsPerEm, font.name).toBeLessThanOrEqual(top + 1e-9)
      expect(font.scale * font.inkBottom / font.unitsPerEm, font.name).toBeGreaterThanOrEqual(bottom - 1e-9)
    }
    expect(fontIndex('NotoSansJP-Bold')).toBeGreaterThan(0)
  })
})
