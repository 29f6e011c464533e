// A TrueType file's few small tables read straight from disk (the table directory, head, maxp, name, cmap), so a
// fallback font can be checked and its characters known at start-up without reading its glyphs into memory.
import { closeSync, openSync, readSync } from 'node:fs'

/** What start-up needs of a font before its glyphs are. */
export interface FontHeader {
  unitsPerEm: number
  glyphCount: number
  /** PostScript name (name id 6), or undefined when the font has none. */
  postScriptName: string | undefined
  /** Code points the character map maps to a glyph, ascending (as HarfBuzz's collectUnicodes gives them). */
  unicodes: Uint32Array
}

/** Reads the tables a header needs from `file`; throws an Error saying what is wrong (the caller names the file). */
export function readFontHeader (file: string): FontHeader {
  const fd = openSync(file, 'r')
  try {
    const read = (offset: number, length: number): DataView => {
      const bytes = new Uint8Array(length)
      if (readSync(fd, bytes, 0, length, offset) !== length) throw new Error(`it ends before byte ${offset + length}`)
      return new DataView(bytes.buffer)
    }
    const tableCount = read(4, 2).getUint16(0)
    const directory = read(12, tableCount * 16)
    const tables = new Map<string, DataView>()
    const table = (tag: string): DataView => {
      const known = tables.get(tag)
      if (known !== undefined) return known
      for (let i = 0; i < tableCount; i++) {
        const at = i * 16
        if (String.fromCharCode(...[0, 1, 2, 3].map((k) => directory.getUint8(at + k))) !== tag) continue
        const view = read(directory.getUint32(at + 8), directory.getUint32(at + 12))
        tables.set(tag, view)
        return view
      }
      throw new Error(`it has no ${tag} table`)
    }
    for (const tag of ['glyf', 'loca']) table(tag)
    const glyphCount = table('maxp').getUint16(4)
    return {
      unitsPerEm: table('head').getUint16(18),
      glyphCount,
      postScriptName: postScriptName(table('name')),
      unicodes: cmapUnicodes(table('cmap'), glyphCount)
    }
  } finally {
    closeSync(fd)
  }
}

/** The PostScript name (name id 6) from a `name` table, as Windows Unicode or Mac Roman. */
export function postScriptName (view: DataView): string | undefined {
  if (view.byteLength < 6) return undefined
  const count = view.getUint16(2)
  const strings = view.getUint16(4)
  for (let i = 0; i < count; i++) {
    const at = 6 + i * 12
    if (at + 12 > view.byteLength) break
    const [platform, , , nameId, length, offset] = [0, 2, 4, 6, 8, 10].map((o) => view.getUint16(at + o)) as number[]
    if (nameId !== 6) continue
    const raw = new Uint8Array(view.buffer, view.byteOffset + strings + (offset as number), length)
    if (platform === 3 || platform === 0) {
      let s = ''
      for (let j = 0; j + 1 < raw.length; j += 2) s += String.fromCharCode((raw[j] as number) << 8 | (raw[j + 1] as number))
      return s
    }
    if (platform === 1) return String.fromCharCode(...raw)
  }
  return undefined
}

/** The subtables HarfBuzz prefers, best first (platform, encoding): full Unicode before the BMP. */
const PREFERRED = [[3, 10], [0, 6], [0, 4], [3, 1], [0, 3], [0, 2], [0, 1], [0, 0]] as const
const UNICODE_MAX = 0x10ffff

/** The code points of the character map subtable HarfBuzz would use, mapped to a glyph below `glyphCount`. */
export function cmapUnicodes (cmap: DataView, glyphCount: number): Uint32Array {
  const count = cmap.getUint16(2)
  const offsetOf = (platform: number, encoding: number): number | undefined => {
    for (let i = 0; i < count; i++) {
      const at = 4 + i * 8
      if (cmap.getUint16(at) === platform && cmap.getUint16(at + 2) === encoding) return cmap.getUint32(at + 4)
    }
    return undefined
  }
  const offset = PREFERRED.map(([p, e]) => offsetOf(p, e)).find((o) => o !== undefined)
  if (offset === undefined) return new Uint32Array(0)
  const format = cmap.getUint16(offset)
  if (format === 4) return format4(cmap, offset)
  if (format === 12) return format12(cmap, offset, glyphCount)
  throw new Error(`its character map is format ${format}, not 4 or 12`)
}

function format4 (cmap: DataView, at: number): Uint32Array {
  const length = cmap.getUint16(at + 2)
  const segments = cmap.getUint16(at + 6) / 2
  const ends = at + 14
  const starts = ends + segments * 2 + 2
  const deltas = starts + segments * 2
  const rangeOffsets = deltas + segments * 2
  const glyphIds = rangeOffsets + segments * 2
  const glyphIdCount = Math.max(0, (at + length - glyphIds) / 2)
  const out: number[] = []
  let segmentCount = segments
  if (segmentCount > 0 && cmap.getUint16(starts + (segmentCount - 1) * 2) === 0xffff) segmentCount--
  for (let i = 0; i < segmentCount; i++) {
    const start = cmap.getUint16(starts + i * 2)
    const end = cmap.getUint16(ends + i * 2)
    const delta = cmap.getUint16(deltas + i * 2)
    const rangeOffset = cmap.getUint16(rangeOffsets + i * 2)
    for (let cp = start; cp <= end; cp++) {
      let glyph: number
      if (rangeOffset === 0) {
        glyph = (cp + delta) & 0xffff
      } else {
        const index = rangeOffset / 2 + (cp - start) + i - segments
        if (index >= glyphIdCount) break
        glyph = cmap.getUint16(glyphIds + index * 2)
      }
      if (glyph !== 0) out.push(cp)
    }
  }
  return Uint32Array.from(new Set(out)).sort()
}

function format12 (cmap: DataView, at: number, glyphCount: number): Uint32Array {
  const groups = cmap.getUint32(at + 12)
  const out: number[] = []
  for (let i = 0; i < groups; i++) {
    const g = at + 16 + i * 12
    let start = cmap.getUint32(g)
    let end = Math.min(cmap.getUint32(g + 4), UNICODE_MAX)
    let glyph = cmap.getUint32(g + 8)
    if (glyph === 0) {
      if (start === end) continue
      start++
      glyph++
    }
    if (glyph >= glyphCount) continue
    if (glyph + end - start >= glyphCount) end = start + glyphCount - glyph
    for (let cp = start; cp <= Math.min(end, UNICODE_MAX); cp++) out.push(cp)
  }
  return Uint32Array.from(new Set(out)).sort()
}
