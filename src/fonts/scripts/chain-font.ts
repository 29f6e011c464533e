// One font of the chain held by HarfBuzz: read and checked once, its face, font object and glyph ink cached so
// that shaping a label allocates no font state.
import { closeSync, openSync, readFileSync, readSync } from 'node:fs'
import type { Face, Font } from 'harfbuzzjs'
import { ConfigError } from '../../errors.ts'
import { isPlainTrueType } from '../label-font.ts'
import { postScriptName, readFontHeader, type FontHeader } from './font-tables.ts'
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

/**
 * A fallback font's header, read at start-up in place of the whole font: throws ConfigError naming the file when it
 * is missing, not plain TrueType, or has no glyphs or no character map.
 */
export function readChainFontHeader (file: string): FontHeader & { name: string } {
  let header: FontHeader
  try {
    const start = new Uint8Array(12)
    const fd = openSync(file, 'r')
    try { readSync(fd, start, 0, 12, 0) } finally { closeSync(fd) }
    if (!isPlainTrueType(start)) throw new ConfigError(`script font ${file} is not an uncompressed TrueType (.ttf) font with TrueType outlines`)
    header = readFontHeader(file)
  } catch (err) {
    if (err instanceof ConfigError) throw err
    throw new ConfigError(`script font ${file} cannot be read: ${err instanceof Error ? err.message : String(err)}`, { cause: err })
  }
  if (header.glyphCount === 0 || header.unicodes.length === 0 || header.unitsPerEm === 0) {
    throw new ConfigError(`script font ${file} has no glyphs or no character map`)
  }
  return { ...header, name: header.postScriptName ?? file }
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
  const names = face.referenceTable('name')
  const postScript = names === undefined ? undefined : postScriptName(new DataView(names.buffer, names.byteOffset, names.byteLength))
  return { name: name ?? postScript ?? file, file, bytes, unitsPerEm: face.upem, face, font, unicodes, boxes, inkAt }
}

function readGlyphCount (face: Face): number {
  const maxp = face.referenceTable('maxp')
  return maxp === undefined || maxp.length < 6 ? 0 : (maxp[4] as number) << 8 | (maxp[5] as number)
}
