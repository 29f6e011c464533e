// A glyph outline filled into a 1-bit mask: a dot is ink when its centre lies inside the outline (non-zero
// winding, as TrueType outlines are meant to be filled). Sampling centres, never coverage, is what a thermal
// printhead does with a graphic, so the mask prints exactly as drawn and the same glyph always gives the same dots.
import type { Mask } from './bitmap.ts'
import { fillSpan } from './bitmap.ts'

/** One outline command in font units, y up (fontkit's path command shape). */
export interface OutlineCommand {
  command: 'moveTo' | 'lineTo' | 'quadraticCurveTo' | 'bezierCurveTo' | 'closePath'
  args: number[]
}

/** How a glyph is placed: dots per font unit along and across the text, rotation, and a sub-dot shift along it. */
export interface GlyphPlacement {
  /** Dots per font unit along the text (the em's width). */
  scaleRun: number
  /** Dots per font unit towards the tops of the letters (the em's height). */
  scaleUp: number
  /** 0: text left to right, letter tops up. 90: text top to bottom, letter tops to the right (ZPL R). */
  rotation: 0 | 90
  /** Fraction of a dot the origin lies past a whole dot, along the text. */
  shift: number
}

/** Curves are cut into straight pieces no longer than this many dots, far below what a 1-bit dot shows. */
const FLATNESS = 0.35
const EMPTY = new Uint8Array(0)

/** Fills `commands` into a mask positioned relative to the pen origin (on the baseline). */
export function rasterizeGlyph (commands: readonly OutlineCommand[], placement: GlyphPlacement): Mask {
  const edges = flatten(commands, placement)
  if (edges.length === 0) return { left: 0, top: 0, width: 0, height: 0, stride: 0, bits: EMPTY }
  let minX = Infinity
  let minY = Infinity
  let maxX = -Infinity
  let maxY = -Infinity
  for (let i = 0; i < edges.length; i += 4) {
    const x0 = edges[i] as number
    const y0 = edges[i + 1] as number
    const x1 = edges[i + 2] as number
    const y1 = edges[i + 3] as number
    minX = Math.min(minX, x0, x1)
    maxX = Math.max(maxX, x0, x1)
    minY = Math.min(minY, y0, y1)
    maxY = Math.max(maxY, y0, y1)
  }
  // The dots whose centres (c + 0.5) can lie inside the outline's extent.
  const left = Math.ceil(minX - 0.5) | 0
  const top = Math.ceil(minY - 0.5) | 0
  const width = Math.ceil(maxX - 0.5) - left
  const height = Math.ceil(maxY - 0.5) - top
  if (width <= 0 || height <= 0) return { left: 0, top: 0, width: 0, height: 0, stride: 0, bits: EMPTY }
  const stride = (width + 7) >> 3
  const bits = new Uint8Array(stride * height)
  const crossings: number[] = []
  for (let row = 0; row < height; row++) {
    const sampleY = top + row + 0.5
    crossings.length = 0
    for (let i = 0; i < edges.length; i += 4) {
      const y0 = edges[i + 1] as number
      const y1 = edges[i + 3] as number
      const down = y0 <= sampleY && y1 > sampleY
      if (!down && !(y1 <= sampleY && y0 > sampleY)) continue
      const x0 = edges[i] as number
      const x1 = edges[i + 2] as number
      crossings.push(x0 + ((sampleY - y0) * (x1 - x0)) / (y1 - y0), down ? 1 : -1)
    }
    if (crossings.length === 0) continue
    fillRow(crossings, bits, row * stride, left, width)
  }
  return trim({ left, top, width, height, stride, bits })
}

/** Fills the dots of one row whose centres lie where the winding number is not zero. */
function fillRow (crossings: number[], bits: Uint8Array, rowStart: number, left: number, width: number): void {
  const order: number[] = []
  for (let i = 0; i < crossings.length; i += 2) order.push(i)
  order.sort((a, b) => (crossings[a] as number) - (crossings[b] as number))
  let winding = 0
  let spanStart = 0
  for (const i of order) {
    const x = crossings[i] as number
    const before = winding
    winding += crossings[i + 1] as number
    if (before === 0 && winding !== 0) spanStart = x
    else if (before !== 0 && winding === 0) {
      // Dots whose centre c + 0.5 lies in [spanStart, x).
      const from = Math.max(0, Math.ceil(spanStart - 0.5) - left)
      const to = Math.min(width, Math.ceil(x - 0.5) - left)
      fillSpan(bits, rowStart, from, to)
    }
  }
}

/** The outline as straight edges (x0, y0, x1, y1) in dots, y down, relative to the whole-dot origin. */
function flatten (commands: readonly OutlineCommand[], p: GlyphPlacement): number[] {
  const edges: number[] = []
  const map = p.rotation === 0
    ? (x: number, y: number): [number, number] => [p.shift + x * p.scaleRun, -y * p.scaleUp]
    : (x: number, y: number): [number, number] => [y * p.scaleUp, p.shift + x * p.scaleRun]
  let startX = 0
  let startY = 0
  let curX = 0
  let curY = 0
  let open = false
  const lineTo = (x: number, y: number): void => {
    if (x !== curX || y !== curY) edges.push(curX, curY, x, y)
    curX = x
    curY = y
  }
  const close = (): void => {
    if (open) lineTo(startX, startY)
    open = false
  }
  for (const { command, args } of commands) {
    if (command === 'moveTo') {
      close();
      [curX, curY] = map(args[0] as number, args[1] as number)
      startX = curX
      startY = curY
      open = true
    } else if (command === 'lineTo') {
      const [x, y] = map(args[0] as number, args[1] as number)
      lineTo(x, y)
    } else if (command === 'quadraticCurveTo') {
      const [cx, cy] = map(args[0] as number, args[1] as number)
      const [x, y] = map(args[2] as number, args[3] as number)
      const x0 = curX
      const y0 = curY
      const n = pieces(Math.hypot(cx - x0, cy - y0) + Math.hypot(x - cx, y - cy))
      for (let k = 1; k <= n; k++) {
        const t = k / n
        const u = 1 - t
        lineTo(u * u * x0 + 2 * u * t * cx + t * t * x, u * u * y0 + 2 * u * t * cy + t * t * y)
      }
    } else if (command === 'bezierCurveTo') {
      const [c1x, c1y] = map(args[0] as number, args[1] as number)
      const [c2x, c2y] = map(args[2] as number, args[3] as number)
      const [x, y] = map(args[4] as number, args[5] as number)
      const x0 = curX
      const y0 = curY
      const n = pieces(Math.hypot(c1x - x0, c1y - y0) + Math.hypot(c2x - c1x, c2y - c1y) + Math.hypot(x - c2x, y - c2y))
      for (let k = 1; k <= n; k++) {
        const t = k / n
        const u = 1 - t
        lineTo(
          u * u * u * x0 + 3 * u * u * t * c1x + 3 * u * t * t * c2x + t * t * t * x,
          u * u * u * y0 + 3 * u * u * t * c1y + 3 * u * t * t * c2y + t * t * t * y
        )
      }
    } else {
      close()
    }
  }
  close()
  return edges
}

function pieces (length: number): number {
  return Math.min(64, Math.max(1, Math.ceil(length / (FLATNESS * 8))))
}

/** Drops empty rows and columns at the edges, so masks (and ZPL graphics made from them) hold only ink. */
function trim (mask: Mask): Mask {
  const { stride, bits } = mask
  let firstRow = 0
  let lastRow = mask.height - 1
  const rowEmpty = (r: number): boolean => {
    for (let i = 0; i < stride; i++) if (bits[r * stride + i] !== 0) return false
    return true
  }
  while (firstRow <= lastRow && rowEmpty(firstRow)) firstRow++
  while (lastRow >= firstRow && rowEmpty(lastRow)) lastRow--
  if (firstRow > lastRow) return { left: 0, top: 0, width: 0, height: 0, stride: 0, bits: EMPTY }
  if (firstRow === 0 && lastRow === mask.height - 1) return mask
  const height = lastRow - firstRow + 1
  return { ...mask, top: mask.top + firstRow, height, bits: bits.slice(firstRow * stride, (lastRow + 1) * stride) }
}
