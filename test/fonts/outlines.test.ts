// Printers fill glyph outlines with the nonzero rule; zebrash (PNG labels, the local Labelary endpoint, goldens)
// fills even-odd. The two agree only on outlines without overlapping contours, which fonts/remove-overlaps.py makes.
import path from 'node:path'
import { createCanvas, Path2D } from '@napi-rs/canvas'
import fontkit from '@pdf-lib/fontkit'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../src/config.ts'
import { loadLabelFont } from '../../src/fonts/index.ts'
import { zplFontDownload } from '../../src/render/zpl/index.ts'
import { pngToGray, renderZplToPng } from '../support/zpl-render.ts'

const labelFont = loadLabelFont(path.join(PROJECT_ROOT, 'fonts/RobotoCondensed-Bold.ttf'))
const font = fontkit.create(Buffer.from(labelFont.bytes))

const EM = 96
const canvas = createCanvas(EM * 2, EM * 2)
const context = canvas.getContext('2d')

/** Pixels the glyph inks at EM pixels per em under one fill rule. */
function inked (svgPath: string, rule: 'nonzero' | 'evenodd'): Uint8Array {
  const scale = EM / font.unitsPerEm
  context.setTransform(1, 0, 0, 1, 0, 0)
  context.clearRect(0, 0, EM * 2, EM * 2)
  context.setTransform(scale, 0, 0, -scale, EM / 2, EM * 1.5)
  context.fill(new Path2D(svgPath), rule)
  const rgba = context.getImageData(0, 0, EM * 2, EM * 2).data
  const out = new Uint8Array(rgba.length / 4)
  for (let i = 0; i < out.length; i++) out[i] = (rgba[i * 4 + 3] as number) > 127 ? 1 : 0
  return out
}

describe('label font outlines', () => {
  it('fill the same pixels under the even-odd rule as under nonzero, for every character the font prints', () => {
    const differing: string[] = []
    let checked = 0
    for (const cp of font.characterSet) {
      if (!labelFont.hasChar(cp)) continue
      const svg = font.glyphForCodePoint(cp).path.toSVG()
      if (svg === '') continue
      const nonzero = inked(svg, 'nonzero')
      const evenOdd = inked(svg, 'evenodd')
      let diff = 0
      for (let i = 0; i < nonzero.length; i++) diff += (nonzero[i] as number) ^ (evenOdd[i] as number)
      if (diff > 0) differing.push(`${String.fromCodePoint(cp)} U+${cp.toString(16).toUpperCase().padStart(4, '0')} (${diff} px)`)
      checked++
    }
    expect(checked).toBeGreaterThan(800)
    expect(differing).toEqual([])
  })

  it('print "+" solid in a zebrash preview: its centre, where the two bars cross, is inked', async () => {
    const size = 200
    const [x, y] = [100, 400]
    const { bbox } = font.glyphForCodePoint('+'.codePointAt(0) as number)
    const cx = Math.round(x + ((bbox.minX + bbox.maxX) / 2) * size / font.unitsPerEm)
    const cy = Math.round(y - ((bbox.minY + bbox.maxY) / 2) * size / font.unitsPerEm)
    const zpl = `${zplFontDownload(labelFont.bytes, labelFont.zplPath)}^XA^CI28^FT${x},${y}^A@N,${size},${size},${labelFont.zplPath}^FD+^FS^XZ`
    const gray = await pngToGray(await renderZplToPng(zpl, { dpi: 203 }))
    // Probe a few dots around the centre, so a rounding of the glyph's place cannot miss the crossing.
    for (const [dx, dy] of [[0, 0], [-2, 0], [2, 0], [0, -2], [0, 2]] as const) {
      expect(gray.data[(cy + dy) * gray.width + cx + dx], `dot ${cx + dx},${cy + dy}`).toBe(0)
    }
    // And the glyph is there at all: paper beside it.
    expect(gray.data[cy * gray.width + x - 20]).toBe(255)
  })
})
