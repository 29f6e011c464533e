// One font of the chain held by HarfBuzz: read and checked once, its face, font object and glyph ink cached so
// that shaping a label allocates no font state.
import { readFileSync } from 'node:fs'
import type { Face, Font } from 'harfbuzzjs'
import { ConfigError } from '../../errors.ts'
import { isPlainTrueType } from '../label-font.ts'
import type { harfbuzz } from './harfbuzz.ts'

type HarfBuzz = Awaited<ReturnType<typeof harfbuzz>>

/** A chain font as the shaper uses it. */
export interface LoadedFont {
  name: string
  file: string
  bytes: Uint8Array
  unitsPerEm: number
  face: Face
  font: Font
  /** Code points the font's cmap maps to a glyph. */
  unicodes: Uint32Array
  /** Ink boxes of glyphs in font units, four numbers per glyph: xMin, yMin, xMax, yMax (see inkAt). */
  boxes: Float32Array
  /** Where the glyph's ink box starts in `boxes`, or -1 for a glyph without ink. */
  inkAt: (id: number) => number
}

/** Reads a font file for the chain; throws ConfigError naming the file when it is missing or not plain TrueType. */
export function readChainFontFile (file: string): Uint8Array {
  let bytes: Uint8Array
  try {
    bytes = new Uint8Array(readFileSync(file))
  } catch (err) {
    throw new ConfigError(`script font ${file} cannot be read`, { cause: err })
  }
  if (!isPlainTrueType(bytes)) {
    throw new ConfigError(`script font ${file} is not an uncompressed TrueType (.ttf) font with TrueType outlines`)
  }
  return bytes
}

/** Opens font bytes with HarfBuzz; throws ConfigError naming the file when HarfBuzz finds no usable font in them. */
export function openChainFont (hb: HarfBuzz, file: string, bytes: Uint8Array, name?: string): LoadedFont {
  const face = new hb.Face(new hb.Blob(bytes))
  // HarfBuzz returns a view of WebAssembly memory, which moves when that memory grows: keep a copy.
  const unicodes = face.collectUnicodes().slice()
  const glyphCount = readGlyphCount(face)
  if (glyphCount === 0 || unicodes.length === 0 || face.upem === 0) {
    throw new ConfigError(`script font ${file} has no glyphs or no character map`)
  }
  const font = new hb.Font(face)
  const boxes = new Float32Array(glyphCount * 4)
  // 0 unknown, 1 inked, 2 without ink: measured on first use, as a label draws few of a CJK font's glyphs.
  const state = new Uint8Array(glyphCount)
  const inkAt = (id: number): number => {
    if (id >= glyphCount) return -1
    if (state[id] === 0) {
      const e = font.glyphExtents(id)
      const inked = e !== undefined && e.width !== 0 && e.height !== 0
      // HarfBuzz gives the top-left corner and a negative height, y up.
      if (inked) boxes.set([e.xBearing, e.yBearing + e.height, e.xBearing + e.width, e.yBearing], id * 4)
      state[id] = inked ? 1 : 2
    }
    return state[id] === 1 ? id * 4 : -1
  }
  return { name: name ?? readPostScriptName(face) ?? file, file, bytes, unitsPerEm: face.upem, face, font, unicodes, boxes, inkAt }
}

function readGlyphCount (face: Face): number {
  const maxp = face.referenceTable('maxp')
  return maxp === undefined || maxp.length < 6 ? 0 : (maxp[4] as number) << 8 | (maxp[5] as number)
}

/** The PostScript name (name id 6) from the `name` table, as Windows Unicode or Mac Roman. */
function readPostScriptName (face: Face): string | undefined {
  const table = face.referenceTable('name')
  if (table === undefined || table.length < 6) return undefined
  const view = new DataView(table.buffer, table.byteOffset, table.byteLength)
  const count = view.getUint16(2)
  const strings = view.getUint16(4)
  for (let i = 0; i < count; i++) {
    const at = 6 + i * 12
    if (at + 12 > table.length) break
    const [platform, , , nameId, length, offset] = [0, 2, 4, 6, 8, 10].map((o) => view.getUint16(at + o)) as number[]
    if (nameId !== 6) continue
    const raw = table.subarray(strings + (offset as number), strings + (offset as number) + (length as number))
    if (platform === 3 || platform === 0) {
      let s = ''
      for (let j = 0; j + 1 < raw.length; j += 2) s += String.fromCharCode((raw[j] as number) << 8 | (raw[j + 1] as number))
      return s
    }
    if (platform === 1) return String.fromCharCode(...raw)
  }
  return undefined
}
