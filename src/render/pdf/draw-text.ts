import type { TextElement } from '../../model/label.ts'
import { TEXT_BASELINE_RATIO } from '../zpl/text.ts'
import { dotsToPoints } from '../../units.ts'
import { FONT_RESOURCE, num, type PageCanvas } from './page-canvas.ts'
import { PdfFonts } from './pdf-fonts.ts'
import { outlineOf } from '../bitmap/label-glyph-font.ts'

/**
 * One line of text placed as the ZPL renderer places it (^FT baseline origin, ^A@ h,w): the em is `fontHeight`
 * dots and glyphs are stretched across by fontWidth/fontHeight (horizontal scaling Tz). The baseline is
 * TEXT_BASELINE_RATIO × height below the box top; rotated 90° (ZPL R, reading top to bottom, letter tops facing
 * right) it is the vertical line `height - baseline` dots in from the box's left edge.
 */
export function drawText (el: TextElement, canvas: PageCanvas, path: string): void {
  if (el.text.length === 0) return
  if (el.glyphs !== undefined) {
    drawShapedText(el, canvas)
    return
  }
  const glyphs = canvas.font.encode(el.text, path)
  const { matrix, originX, originY } = frame(el)
  const size = num(dotsToPoints(el.fontHeight, canvas.dpi))
  const scaling = num((100 * el.fontWidth) / el.fontHeight)
  canvas.write(`BT /${FONT_RESOURCE} ${size} Tf ${scaling} Tz ${matrix} ${canvas.x(originX)} ${canvas.y(originY)} Tm <${glyphs}> Tj ET\n`)
}

/** The text space of a line: x along the baseline, y towards the letter tops; rotated, x points down the page. */
function frame (el: TextElement): { matrix: string, originX: number, originY: number, rotated: boolean } {
  const baseline = Math.round(el.fontHeight * TEXT_BASELINE_RATIO)
  const rotated = el.rotation === 90
  return {
    matrix: rotated ? '0 -1 1 0' : '1 0 0 1',
    originX: rotated ? el.x + el.fontHeight - baseline : el.x,
    originY: rotated ? el.y : el.y + baseline,
    rotated
  }
}

/**
 * Shaped text: every glyph at the place shaping gave it, in its own font. A glyph that only completes its cluster
 * (the dots of an Arabic letter drawn as their own glyph, a second part of a Devanagari vowel) is drawn as a filled
 * outline rather than as text: ToUnicode maps a glyph to text, and such a glyph has none of its own, so as text it
 * would come back as a stray character when the name is copied. The line's text, in the order it was sent, is also
 * the span's ActualText, which readers that know it (Acrobat, PDFium, poppler) copy instead.
 */
function drawShapedText (el: TextElement, canvas: PageCanvas): void {
  const { matrix, originX, originY, rotated } = frame(el)
  const glyphs = el.glyphs ?? []
  const scaling = num((100 * el.fontWidth) / el.fontHeight)
  let out = `/Span << /ActualText <FEFF${utf16Hex(el.text)}> >> BDC BT ${scaling} Tz\n`
  let outlines = ''
  let font = -1
  // Glyphs in one font go out as one run of TJ strings, spaced to their shaped places and raised (Ts) where shaping
  // moved them up or down, so that readers take them as one string (pdfjs orders a right-to-left run only then).
  let run = ''
  let rise = 0
  let runEnd = 0 // where the last glyph of the run leaves the pen, in ems along the line
  const flush = (): void => {
    if (run !== '') out += `[${run}] TJ\n`
    run = ''
  }
  for (let i = 0; i < glyphs.length; i++) {
    const g = glyphs[i] as NonNullable<TextElement['glyphs']>[number]
    const text = clusterText(el, i)
    if (text === '') {
      outlines += glyphOutline(el, canvas, g, { originX, originY, rotated })
      continue
    }
    const subset = canvas.fonts.subset(g.font)
    const code = subset.encodeGlyph(g.id, text)
    // Thousandths of the font size the pen must move back (positive) or on (negative) to reach this glyph.
    const emsPerThousand = canvas.fonts.scale(g.font) / 1000
    const gap = Math.round((runEnd - g.x) / emsPerThousand)
    if (g.font !== font) {
      flush()
      font = g.font
      out += `/${PdfFonts.resourceName(font)} ${num(dotsToPoints(el.fontHeight * canvas.fonts.scale(font), canvas.dpi))} Tf\n`
      const along = g.x * el.fontWidth
      out += `${matrix} ${canvas.x(rotated ? originX : originX + along)} ${canvas.y(rotated ? originY + along : originY)} Tm\n`
    } else if (gap !== 0) {
      run += ` ${gap} `
    }
    const up = g.y * el.fontHeight
    if (up !== rise) {
      flush()
      rise = up
      out += `${num(dotsToPoints(up, canvas.dpi))} Ts\n`
    }
    run += `<${code}>`
    runEnd = g.x + subset.face.glyphById(g.id).advance * emsPerThousand
  }
  flush()
  if (rise !== 0) out += '0 Ts\n'
  canvas.write(out + 'ET\n' + outlines + 'EMC\n')
}

/** A glyph's outline as a filled path at its place (quadratic pieces as the equivalent cubic curves). */
function glyphOutline (
  el: TextElement, canvas: PageCanvas, g: NonNullable<TextElement['glyphs']>[number], at: { originX: number, originY: number, rotated: boolean }
): string {
  const face = canvas.fonts.subset(g.font).face
  const perUnit = canvas.fonts.scale(g.font) / face.font.unitsPerEm
  const point = (ux: number, uy: number): string => {
    const along = g.x * el.fontWidth + ux * el.fontWidth * perUnit
    const up = g.y * el.fontHeight + uy * el.fontHeight * perUnit
    return at.rotated
      ? `${canvas.x(at.originX + up)} ${canvas.y(at.originY + along)}`
      : `${canvas.x(at.originX + along)} ${canvas.y(at.originY - up)}`
  }
  const commands = outlineOf(face.font, g.id)
  let path = ''
  let [cx, cy] = [0, 0]
  for (const { command, args: a } of commands) {
    if (command === 'moveTo') path += `${point(a[0] as number, a[1] as number)} m\n`
    else if (command === 'lineTo') path += `${point(a[0] as number, a[1] as number)} l\n`
    else if (command === 'quadraticCurveTo') {
      const [qx, qy, x, y] = a as [number, number, number, number]
      path += `${point(cx + (2 / 3) * (qx - cx), cy + (2 / 3) * (qy - cy))} ${point(x + (2 / 3) * (qx - x), y + (2 / 3) * (qy - y))} ${point(x, y)} c\n`
    } else if (command === 'bezierCurveTo') path += `${point(a[0] as number, a[1] as number)} ${point(a[2] as number, a[3] as number)} ${point(a[4] as number, a[5] as number)} c\n`
    else if (command === 'closePath') path += 'h\n'
    if (a.length >= 2) [cx, cy] = [a[a.length - 2] as number, a[a.length - 1] as number]
  }
  return path === '' ? '' : path + 'f\n'
}

/**
 * The characters glyph `i` stands for: its cluster's text (up to the next cluster in the text) for the first glyph of
 * the cluster, nothing for the glyphs that complete it (dots, marks), so the text is read back once.
 */
function clusterText (el: TextElement, i: number): string {
  const glyphs = el.glyphs ?? []
  const start = (glyphs[i] as { cluster: number }).cluster
  if (glyphs.findIndex((g) => g.cluster === start) !== i) return ''
  let end = el.text.length
  for (const g of glyphs) if (g.cluster > start && g.cluster < end) end = g.cluster
  return el.text.slice(start, end)
}

function utf16Hex (text: string): string {
  let hex = ''
  for (let i = 0; i < text.length; i++) hex += text.charCodeAt(i).toString(16).padStart(4, '0')
  return hex
}
