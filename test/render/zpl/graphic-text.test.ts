import { inflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { drawLabelBitmap } from '../../../src/render/bitmap/index.ts'
import { Bitmap } from '../../../src/render/bitmap/bitmap.ts'
import { renderZpl } from '../../../src/render/zpl/index.ts'
import type { Rotation } from '../../../src/model/label.ts'
import { seededRandom } from '../../support/random.ts'
import { emptyLabel, fontModeOptions, graphicModeOptions, textElement } from './labels.ts'

const count = (s: string, part: string): number => s.split(part).length - 1

/** Every ^GFA graphic of a ZPL label drawn back into a bitmap of the label's size, as a printer would. */
function printGraphics (zpl: string, width: number, height: number): Bitmap {
  const out = new Bitmap(width, height)
  for (const m of zpl.matchAll(/\^FO(\d+),(\d+)\^GFA,(\d+),\d+,(\d+),:Z64:([^:]+):[0-9A-F]{4}\^FS/g)) {
    const [x, y, total, stride] = [m[1], m[2], m[3], m[4]].map(Number) as [number, number, number, number]
    const bytes = inflateSync(Buffer.from(m[5] as string, 'base64'))
    expect(bytes.length).toBe(total)
    const height = total / stride
    out.blit({ left: 0, top: 0, width: stride * 8, height, stride, bits: bytes }, x, y)
  }
  return out
}

describe('self-contained ZPL (text as graphics)', () => {
  const injected = '^XZ^XA^FDpwn^FS~JR'
  const label = emptyLabel(203, [textElement(20, 20, injected, 30, 300), textElement(20, 80, 'Łódź Αθήνα Ёлка', 40, 400), textElement(600, 200, 'Rotated', 30, 120, 90)])

  it('uses no font: no ^A@, no download; each word a ^GFA graphic after its text in an escaped ^FX comment', () => {
    const zpl = renderZpl(label, graphicModeOptions())
    expect(zpl).not.toContain('^A@')
    expect(zpl).not.toContain('~DU')
    expect(count(zpl, '^FX')).toBe(3)
    expect(count(zpl, '^GFA,')).toBe(1 + 3 + 1)
    expect(count(zpl, '^XA')).toBe(1)
    expect(count(zpl, '^XZ')).toBe(1)
    expect(count(zpl, '~')).toBe(0)
    expect(zpl).toContain('^FX_5EXZ_5EXA_5EFDpwn_5EFS_7EJR^FO')
    expect(zpl).toContain('^FXŁódź Αθήνα Ёлка^FO')
  })

  it('prints exactly the dots the label bitmap has', () => {
    const options = graphicModeOptions()
    const printed = printGraphics(renderZpl(label, options), label.widthDots, label.heightDots)
    const drawn = drawLabelBitmap(label, options.glyphs)
    expect(drawn.inkCount()).toBeGreaterThan(1500)
    expect(Buffer.from(printed.data).equals(Buffer.from(drawn.data))).toBe(true)
  })

  it('gives the same bytes every time, and the same graphic wherever the same text goes', () => {
    const options = graphicModeOptions()
    expect(renderZpl(label, options)).toBe(renderZpl(label, graphicModeOptions()))
    const at = (x: number, y: number): string => renderZpl(emptyLabel(203, [textElement(x, y, 'Same text', 30, 200)]), options)
    const places = (zpl: string): number[][] => [...zpl.matchAll(/\^FO(\d+),(\d+)\^GFA/g)].map((m) => [Number(m[1]), Number(m[2])])
    const graphics = (zpl: string): string => zpl.replace(/\^FO\d+,\d+/g, '^FO')
    expect(graphics(at(10, 10))).toBe(graphics(at(333, 517)))
    expect(places(at(333, 517))).toEqual(places(at(10, 10)).map(([x = 0, y = 0]) => [x + 323, y + 507]))
    expect(places(at(10, 10))).toHaveLength(2)
  })

  it('draws remembered words exactly where a fresh drawing puts them, at every sub-dot phase and size', () => {
    const options = graphicModeOptions()
    const next = seededRandom(11)
    const words = ['Street', 'Suite', 'San', 'Francisco,', 'CA', 'Avenue', 'WAW', 'fi', 'Ωmega', 'j.']
    const pick = (): string => words[Math.floor(next() * words.length)] as string
    for (let round = 0; round < 40; round++) {
      const size = 18 + Math.floor(next() * 40)
      const texts = Array.from({ length: 6 }, (_, i) => {
        const line = Array.from({ length: 1 + Math.floor(next() * 4) }, pick).join(' '.repeat(1 + Math.floor(next() * 2)))
        return textElement(5 + Math.floor(next() * 300), 10 + i * 70, `${String(round)} ${line}`, size, 700, i === 5 ? 90 : 0)
      })
      const label = emptyLabel(203, texts)
      const printed = printGraphics(renderZpl(label, options), label.widthDots, label.heightDots)
      expect(Buffer.from(printed.data).equals(Buffer.from(drawLabelBitmap(label, options.glyphs).data)), `round ${round}`).toBe(true)
    }
  })

  it('remembers one text in several cells and boxes, each as a fresh drawing gives it', () => {
    const options = graphicModeOptions()
    const cases: Array<[number, number, number, Rotation]> = [[30, 10, 10, 0], [42, 10, 10, 0], [30, 200, 333, 0], [30, 10, 10, 90], [42, 51, 7, 0]]
    for (let round = 0; round < 3; round++) {
      for (const [size, x, y, rotation] of cases) {
        const label = emptyLabel(203, [textElement(x, y, 'Suite 12B', size, 300, rotation)])
        expect(renderZpl(label, options), `${size} at ${x},${y} r${rotation}, round ${round}`).toBe(renderZpl(label, graphicModeOptions()))
      }
    }
  })

  it('leaves out a text that leaves no ink', () => {
    expect(renderZpl(emptyLabel(203, [textElement(20, 20, '   ', 30, 30)]), graphicModeOptions())).not.toContain('^GFA')
  })

  it('in font mode still draws shaped text (fallback fonts) as a graphic', () => {
    const shaped = { ...textElement(20, 20, 'AB', 30, 60), glyphs: [{ font: 0, id: 36, x: 0, y: 0, cluster: 0 }, { font: 0, id: 37, x: 0.5, y: 0, cluster: 1 }] }
    const zpl = renderZpl(emptyLabel(203, [shaped, textElement(20, 80, 'plain', 30, 100)]), fontModeOptions())
    expect(count(zpl, '^GFA,')).toBe(1)
    expect(count(zpl, '^A@N')).toBe(1)
  })
})
