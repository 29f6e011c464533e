// Glyph outlines for the rasterizer, drawn by HarfBuzz in font units (y up) and kept per font: a label uses a
// few dozen glyphs, drawn again for every copy and density.
import type { DrawFuncs } from 'harfbuzzjs'
import type { LoadedFont } from './chain-font.ts'
import type { harfbuzz } from './harfbuzz.ts'
import type { PathCommand } from './types.ts'

type HarfBuzz = Awaited<ReturnType<typeof harfbuzz>>

/** Outlines kept per font before the cache starts over (a bound on memory for long-running servers). */
const CACHED_PER_FONT = 4096

/** Outlines of the chain's `count` fonts; `fontAt(i)` gives font i (loading it the first time it is asked for). */
export function createGlyphPaths (hb: HarfBuzz, fontAt: (font: number) => LoadedFont, count: number): (font: number, id: number) => PathCommand[] {
  const funcs: DrawFuncs = new hb.DrawFuncs()
  // HarfBuzz hands back the array given to drawGlyph as drawData.
  const to = (out: unknown): PathCommand[] => out as PathCommand[]
  funcs.setMoveToFunc((x, y, out) => { to(out).push({ op: 'move', x, y }) })
  funcs.setLineToFunc((x, y, out) => { to(out).push({ op: 'line', x, y }) })
  funcs.setQuadraticToFunc((cx, cy, x, y, out) => { to(out).push({ op: 'quad', cx, cy, x, y }) })
  funcs.setCubicToFunc((c1x, c1y, c2x, c2y, x, y, out) => { to(out).push({ op: 'cubic', c1x, c1y, c2x, c2y, x, y }) })
  funcs.setClosePathFunc((out) => { to(out).push({ op: 'close' }) })
  const caches = Array.from({ length: count }, () => new Map<number, PathCommand[]>())

  return (font, id) => {
    const cache = caches[font]
    if (cache === undefined) throw new RangeError(`no font ${font} in the chain`)
    let path = cache.get(id)
    if (path !== undefined) return path
    path = []
    fontAt(font).font.drawGlyph(id, funcs, path)
    if (cache.size >= CACHED_PER_FONT) cache.clear()
    cache.set(id, path)
    return path
  }
}
