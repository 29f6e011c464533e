// Print quality of the barcode measured from the image, not taken from the layout: module width, quiet zones
// and the bar/space runs, along a scan line through the bars that the label's BarcodeElement locates.
import { QUIET_ZONE_MODULES } from '../../src/barcode/fit.ts'
import type { BarcodeElement } from '../../src/model/label.ts'
import { measureBars, type Run, type ScanLine } from '../support/decode-barcode.ts'
import type { GrayImage } from '../support/zpl-render.ts'
import { INK, type Rect } from './bitmap.ts'

/** What the image shows along the scan line through the middle of the bars. */
export interface BarcodeMeasurement {
  /** The scan line used: a row for an upright symbol (N), a column for one turned 90° (R). */
  line: ScanLine
  /** Bars and spaces from the first bar to the last, in drawing order (top to bottom when rotated). */
  runs: Run[]
  /** Where the first bar starts and the last bar ends along the line (end exclusive). */
  start: number
  end: number
  /** (end − start) / total modules: the module the image actually has. */
  moduleDots: number
  /** Narrowest dark run, in dots. */
  narrowestBarDots: number
  /** Clear paper before the first bar and after the last, along the line, in dots and in modules. */
  quietBeforeDots: number
  quietAfterDots: number
  quietBeforeModules: number
  quietAfterModules: number
  /** Ink pixels anywhere in the 10-module quiet-zone rectangles beside the bars (over the full bar height). */
  inkInQuietZones: number
  /** Whether every run is a whole number of measured modules matching the symbol's pattern. */
  patternMatches: boolean
}

function scanLineOf (el: BarcodeElement): ScanLine {
  const middle = Math.floor(el.barHeight / 2)
  return el.rotation === 90 ? { column: el.x + middle } : { row: el.y + middle }
}

/** Quiet-zone rectangles (10 modules of the layout's module) on both sides of the bars. */
function quietRects (el: BarcodeElement): [Rect, Rect] {
  const q = QUIET_ZONE_MODULES * el.moduleWidth
  if (el.rotation === 90) {
    return [
      { left: el.x, top: el.y - q, right: el.x + el.width, bottom: el.y },
      { left: el.x, top: el.y + el.height, right: el.x + el.width, bottom: el.y + el.height + q }
    ]
  }
  return [
    { left: el.x - q, top: el.y, right: el.x, bottom: el.y + el.height },
    { left: el.x + el.width, top: el.y, right: el.x + el.width + q, bottom: el.y + el.height }
  ]
}

function countInk (image: GrayImage, r: Rect): number {
  let n = 0
  for (let y = Math.max(0, r.top); y < Math.min(image.height, r.bottom); y++) {
    for (let x = Math.max(0, r.left); x < Math.min(image.width, r.right); x++) {
      if (image.data[y * image.width + x] === INK) n++
    }
  }
  return n
}

/** Measures the barcode drawn for `el`; undefined when no bar lies where the element says. */
export function measureBarcode (image: GrayImage, el: BarcodeElement): BarcodeMeasurement | undefined {
  const line = scanLineOf(el)
  const all = measureBars(image, line)
  const [from, to] = el.rotation === 90 ? [el.y, el.y + el.height] : [el.x, el.x + el.width]
  const first = all.findIndex((r) => r.dark && r.start + r.length > from - 2 && r.start < to + 2)
  let last = -1
  for (let i = all.length - 1; i >= 0; i--) {
    const r = all[i] as Run
    if (r.dark && r.start < to + 2 && r.start + r.length > from - 2) { last = i; break }
  }
  if (first < 0 || last < first) return undefined
  const runs = all.slice(first, last + 1)
  const start = (runs[0] as Run).start
  const lastRun = runs[runs.length - 1] as Run
  const end = lastRun.start + lastRun.length
  const moduleDots = (end - start) / el.symbol.totalModules
  const before = all[first - 1]
  const after = all[last + 1]
  const quietBeforeDots = before === undefined ? 0 : before.length
  const quietAfterDots = after === undefined ? 0 : after.length
  const expected = el.symbol.pattern
  const patternMatches = runs.length === expected.length &&
    runs.every((r, i) => r.length === (expected[i] as number) * Math.round(moduleDots))
  return {
    line,
    runs,
    start,
    end,
    moduleDots,
    narrowestBarDots: Math.min(...runs.filter((r) => r.dark).map((r) => r.length)),
    quietBeforeDots,
    quietAfterDots,
    quietBeforeModules: quietBeforeDots / moduleDots,
    quietAfterModules: quietAfterDots / moduleDots,
    inkInQuietZones: quietRects(el).reduce((n, r) => n + countInk(image, r), 0),
    patternMatches
  }
}
