// Property test: random text in every script the fonts cover, at every length a field can have, is laid out so
// that every dot of its ink (as the rasterizer draws it, stacked marks and deep Arabic descenders included) stays
// inside the template region of its field, and nothing is refused. Seeded, so a failure can be replayed.
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadTextFonts } from '../../src/fonts/index.ts'
import { layoutLabel } from '../../src/layout/index.ts'
import { resolveTemplate, type DotRect } from '../../src/layout/resolve.ts'
import type { Label, TextElement } from '../../src/model/label.ts'
import { textRasterizerFor } from '../../src/render/bitmap/index.ts'
import { fullData, REPO_ROOT, TEMPLATES } from './fixtures.ts'
import { seededRandom } from '../support/random.ts'

const FONTS = loadTextFonts(path.join(REPO_ROOT, 'fonts/RobotoCondensed-Bold.ttf'))
const RASTER = textRasterizerFor(FONTS)

/** Letters (and marks) of each script, from which random words are drawn. */
const SCRIPTS: Record<string, string> = {
  japanese: 'あいうえおかきくけこさしすせそたちつてとがぎぐげごアイウエオカキクケコャュョッー東京都大阪市山田太郎花子区町村丁目番号',
  chinese: '北京上海广州深圳王李张刘陈杨黄赵周吴区路街号楼层室中华人民共和国',
  korean: '가나다라마바사아자차카타파하김이박최정강조윤장임서울부산구동로길층호',
  arabic: 'ابتثجحخدذرزسشصضطظعغفقكلمنهويىةءأإآؤئًٌٍَُِّْ0123456789',
  hebrew: 'אבגדהוזחטיכלמנסעפצקרשתךםןףץ0123456789',
  thai: 'กขคงจฉชซญดตถทนบปผพฟมยรลวศษสหอฮะาำิีึืุูเแโใไ่้๊๋็์',
  hindi: 'कखगघचछजझटठडढणतथदधनपफबभमयरलवशषसहािीुूेैोौंःँ्०१२३४५६७८९',
  vietnamese: 'ăâđêôơưáàảãạắằẳẵặấầẩẫậéèẻẽẹếềểễệíìỉĩịóòỏõọốồổỗộớờởỡợúùủũụứừửữựýỳỷỹỵ',
  mixed: 'abcdefghijklmnopqrstuvwxyz0123456789ابتثجحخدرسشعلمنهوي'
}

function words (letters: string[], next: () => number, length: number): string {
  let out = ''
  while (out.length < length) {
    const n = 1 + Math.floor(next() * 8)
    for (let i = 0; i < n; i++) out += letters[Math.floor(next() * letters.length)] as string
    out += ' '
  }
  return out.trim().replace(/^[\u0300-\u036f\u064b-\u0652\u0e31-\u0e4e\u093c-\u094d\u0900-\u0903]+/u, '') || 'x'
}

/** Each text element's ink (the union of its glyph masks) with the region rects of its field. */
function inkOutsideRegions (label: Label, template: string): string[] {
  const resolved = resolveTemplate(TEMPLATES.get(template)!, FONTS, label.dpi)
  const barcode = label.elements.find((e) => e.kind === 'barcode')!
  const regions = resolved[barcode.rotation === 0 ? 'horizontal' : 'vertical'].regions
  const rectsOf = new Map<string, DotRect[]>()
  for (const r of regions) {
    const ids = r.texts.map((t) => t.id)
    for (const id of ids) rectsOf.set(id, [...(rectsOf.get(id) ?? []), r.rect])
  }
  const problems: string[] = []
  for (const el of label.elements.filter((e): e is TextElement => e.kind === 'text')) {
    const rects = rectsOf.get(el.field) ?? []
    for (const { mask, x, y } of RASTER.place(el)) {
      const ink = { x, y, width: mask.width, height: mask.height }
      const inside = rects.some((r) => ink.x >= r.x && ink.y >= r.y && ink.x + ink.width <= r.x + r.width && ink.y + ink.height <= r.y + r.height)
      if (!inside) problems.push(`${el.field} "${el.text}": ink ${ink.x},${ink.y} ${ink.width}x${ink.height} outside ${JSON.stringify(rects)}`)
    }
  }
  return problems
}

describe('text in every script stays inside its region', () => {
  for (const [script, pool] of Object.entries(SCRIPTS)) {
    it(`${script}: 24 random labels per template and density`, () => {
      const letters = [...pool]
      const next = seededRandom(script.length * 7919)
      for (let round = 0; round < 6; round++) {
        const data = fullData()
        const len = (max: number): number => 1 + Math.floor(next() * max)
        data.recipient.name = words(letters, next, len(50))
        data.recipient.company = words(letters, next, len(40))
        data.recipient.address.lines = [words(letters, next, len(50)), words(letters, next, len(30))]
        data.shipper.name = words(letters, next, len(30))
        data.instructions = words(letters, next, len(100))
        for (const template of ['standard', 'dashlink'] as const) {
          for (const dpi of [203, 300] as const) {
            const label = layoutLabel(data, { template: TEMPLATES.get(template)!, dpi, font: FONTS })
            expect(inkOutsideRegions(label, template), `${script} round ${round} ${template} ${dpi}`).toEqual([])
          }
        }
      }
    })
  }
})
