// The TrueType program of a PDF's font subset, cut from the font's own bytes: glyph outlines and hinting are
// copied byte for byte, so the subset draws exactly as the full font does, and copying costs a few per cent of a
// PDF label where decoding and re-encoding every table would cost about half. It holds the tables a PDF FontFile2
// needs: head, hhea, maxp, hmtx, loca, glyf and the hinting tables cvt, fpgm, prep.
import { isPlainTrueType } from '../../fonts/index.ts'
import { PdfFontError } from './errors.ts'

/** Where one table lies in the font file. */
interface TableSpan { offset: number, length: number }

/** What subsetting needs of the full font, read once per font. */
export interface TrueTypeSource {
  bytes: Uint8Array
  view: DataView
  tables: ReadonlyMap<string, TableSpan>
  numGlyphs: number
  /** Start of each glyph in the glyf table, and the table's end (numGlyphs + 1 entries). */
  glyphOffsets: Uint32Array
  advances: Uint16Array
  leftBearings: Int16Array
}

const REQUIRED = ['head', 'hhea', 'maxp', 'hmtx', 'loca', 'glyf'] as const
const HINTING = ['cvt ', 'fpgm', 'prep'] as const

// Offsets of the fields subsetting rewrites, from the OpenType specification.
const HEAD_CHECKSUM_ADJUSTMENT = 8
const HEAD_INDEX_TO_LOC_FORMAT = 50
const HHEA_NUMBER_OF_HMETRICS = 34
const MAXP_NUM_GLYPHS = 4
const CHECKSUM_MAGIC = 0xb1b0afba

// Composite glyph component flags.
const ARG_1_AND_2_ARE_WORDS = 0x0001
const WE_HAVE_A_SCALE = 0x0008
const MORE_COMPONENTS = 0x0020
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040
const WE_HAVE_A_TWO_BY_TWO = 0x0080

/** A copy of bytes[start, end): Buffer's own slice() would share memory with the font, and copies are rewritten. */
function copyOf (bytes: Uint8Array, start: number, end: number): Uint8Array {
  return new Uint8Array(bytes.subarray(start, end))
}

function tableOf (tables: ReadonlyMap<string, TableSpan>, tag: string): TableSpan {
  const table = tables.get(tag)
  if (table === undefined) throw new PdfFontError(`label font: the TrueType table ${tag} is missing`)
  return table
}

/** Reads the table directory, glyph locations and horizontal metrics of an uncompressed TrueType font. */
export function readTrueType (bytes: Uint8Array): TrueTypeSource {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  if (!isPlainTrueType(bytes)) {
    throw new PdfFontError('label font: not an uncompressed TrueType (.ttf) font')
  }
  const tables = new Map<string, TableSpan>()
  const count = view.getUint16(4)
  for (let i = 0; i < count; i++) {
    const record = 12 + i * 16
    const tag = String.fromCharCode(...bytes.subarray(record, record + 4))
    const span = { offset: view.getUint32(record + 8), length: view.getUint32(record + 12) }
    if (span.offset + span.length > bytes.length) throw new PdfFontError(`label font: the TrueType table ${tag} runs past the end of the file`)
    tables.set(tag, span)
  }
  for (const tag of REQUIRED) tableOf(tables, tag)
  const numGlyphs = view.getUint16(tableOf(tables, 'maxp').offset + MAXP_NUM_GLYPHS)
  const longLoca = view.getInt16(tableOf(tables, 'head').offset + HEAD_INDEX_TO_LOC_FORMAT) === 1
  const loca = tableOf(tables, 'loca').offset
  const glyphOffsets = new Uint32Array(numGlyphs + 1)
  for (let g = 0; g <= numGlyphs; g++) glyphOffsets[g] = longLoca ? view.getUint32(loca + g * 4) : view.getUint16(loca + g * 2) * 2
  const metrics = view.getUint16(tableOf(tables, 'hhea').offset + HHEA_NUMBER_OF_HMETRICS)
  const hmtx = tableOf(tables, 'hmtx').offset
  const advances = new Uint16Array(numGlyphs)
  const leftBearings = new Int16Array(numGlyphs)
  for (let g = 0; g < numGlyphs; g++) {
    const long = Math.min(g, metrics - 1)
    advances[g] = view.getUint16(hmtx + long * 4)
    leftBearings[g] = g < metrics ? view.getInt16(hmtx + g * 4 + 2) : view.getInt16(hmtx + metrics * 4 + (g - metrics) * 2)
  }
  return { bytes, view, tables, numGlyphs, glyphOffsets, advances, leftBearings }
}

/**
 * A glyph's bytes, from the glyf table at `glyf`: a simple glyph as a view of the font (it is copied into the subset
 * once, with the others); a composite glyph as a copy whose component glyph ids are renumbered with `idOf` (which may
 * add them).
 */
function glyphBytes (source: TrueTypeSource, glyf: number, glyph: number, idOf: (glyph: number) => number): Uint8Array {
  const start = glyf + (source.glyphOffsets[glyph] as number)
  const end = glyf + (source.glyphOffsets[glyph + 1] as number)
  if (end - start < 10 || source.view.getInt16(start) >= 0) return source.bytes.subarray(start, end)
  const copy = copyOf(source.bytes, start, end)
  const view = new DataView(copy.buffer, copy.byteOffset, copy.byteLength)
  let at = 10
  for (;;) {
    const flags = view.getUint16(at)
    view.setUint16(at + 2, idOf(view.getUint16(at + 2)))
    at += 4 + ((flags & ARG_1_AND_2_ARE_WORDS) !== 0 ? 4 : 2)
    if ((flags & WE_HAVE_A_SCALE) !== 0) at += 2
    else if ((flags & WE_HAVE_AN_X_AND_Y_SCALE) !== 0) at += 4
    else if ((flags & WE_HAVE_A_TWO_BY_TWO) !== 0) at += 8
    if ((flags & MORE_COMPONENTS) === 0) return copy
  }
}

const padded = (length: number): number => (length + 3) & ~3

function checksum (bytes: Uint8Array): number {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let sum = 0
  const whole = bytes.length & ~3
  for (let i = 0; i < whole; i += 4) sum = (sum + view.getUint32(i)) >>> 0
  let tail = 0
  for (let i = whole; i < bytes.length; i++) tail |= (bytes[i] as number) << (24 - 8 * (i - whole))
  return (sum + (tail >>> 0)) >>> 0
}

/** A copy of a table of the source, for the fields subsetting rewrites. */
function tableCopy (source: TrueTypeSource, tag: string): Uint8Array {
  const { offset, length } = tableOf(source.tables, tag)
  return copyOf(source.bytes, offset, offset + length)
}

/** Writes the tables (sorted by tag) as one font file, with checksums and the head's checksum adjustment. */
function fontFile (tables: Map<string, Uint8Array>): Uint8Array {
  const tags = [...tables.keys()].sort()
  let searchRange = 1
  let entrySelector = 0
  while (searchRange * 2 <= tags.length) { searchRange *= 2; entrySelector++ }
  const headerLength = 12 + tags.length * 16
  const total = tags.reduce((sum, tag) => sum + padded((tables.get(tag) as Uint8Array).length), headerLength)
  const out = new Uint8Array(total)
  const view = new DataView(out.buffer)
  view.setUint32(0, 0x00010000)
  view.setUint16(4, tags.length)
  view.setUint16(6, searchRange * 16)
  view.setUint16(8, entrySelector)
  view.setUint16(10, tags.length * 16 - searchRange * 16)
  let offset = headerLength
  let headOffset = 0
  tags.forEach((tag, i) => {
    const data = tables.get(tag) as Uint8Array
    const record = 12 + i * 16
    for (let k = 0; k < 4; k++) out[record + k] = tag.charCodeAt(k)
    view.setUint32(record + 4, checksum(data))
    view.setUint32(record + 8, offset)
    view.setUint32(record + 12, data.length)
    out.set(data, offset)
    if (tag === 'head') headOffset = offset
    offset += padded(data.length)
  })
  view.setUint32(headOffset + HEAD_CHECKSUM_ADJUSTMENT, (CHECKSUM_MAGIC - checksum(out)) >>> 0)
  return out
}

/**
 * The font program holding `glyphs` (full-font glyph ids, in subset id order; the first must be 0, .notdef) and,
 * after them, the components of any composite glyph among them: subset glyph id n is `glyphs[n]`.
 */
export function subsetTrueType (source: TrueTypeSource, glyphs: readonly number[]): Uint8Array {
  if (glyphs[0] !== 0) throw new PdfFontError('a font subset starts with glyph 0 (.notdef)')
  const order = [...glyphs]
  const ids = new Map<number, number>(order.map((glyph, id) => [glyph, id]))
  const idOf = (glyph: number): number => {
    let id = ids.get(glyph)
    if (id === undefined) {
      id = order.push(glyph) - 1
      ids.set(glyph, id)
    }
    return id
  }
  const parts: Uint8Array[] = []
  const glyfOffset = tableOf(source.tables, 'glyf').offset
  // Grows while composites add their components.
  for (let id = 0; id < order.length; id++) {
    const glyph = order[id] as number
    if (glyph >= source.numGlyphs) throw new PdfFontError(`glyph ${glyph} is not in the label font`)
    parts.push(glyphBytes(source, glyfOffset, glyph, idOf))
  }
  const glyf = new Uint8Array(parts.reduce((sum, part) => sum + padded(part.length), 0))
  const loca = new DataView(new ArrayBuffer((order.length + 1) * 4))
  const hmtx = new DataView(new ArrayBuffer(order.length * 4))
  let at = 0
  parts.forEach((part, id) => {
    loca.setUint32(id * 4, at)
    glyf.set(part, at)
    at += padded(part.length)
    hmtx.setUint16(id * 4, source.advances[order[id] as number] as number)
    hmtx.setInt16(id * 4 + 2, source.leftBearings[order[id] as number] as number)
  })
  loca.setUint32(order.length * 4, at)

  const head = tableCopy(source, 'head')
  new DataView(head.buffer).setUint32(HEAD_CHECKSUM_ADJUSTMENT, 0)
  new DataView(head.buffer).setInt16(HEAD_INDEX_TO_LOC_FORMAT, 1)
  const hhea = tableCopy(source, 'hhea')
  new DataView(hhea.buffer).setUint16(HHEA_NUMBER_OF_HMETRICS, order.length)
  const maxp = tableCopy(source, 'maxp')
  new DataView(maxp.buffer).setUint16(MAXP_NUM_GLYPHS, order.length)
  const tables = new Map<string, Uint8Array>([
    ['head', head], ['hhea', hhea], ['maxp', maxp], ['glyf', glyf],
    ['loca', new Uint8Array(loca.buffer)], ['hmtx', new Uint8Array(hmtx.buffer)]
  ])
  for (const tag of HINTING) {
    const table = source.tables.get(tag)
    // Written as they are: a view of the font, not a copy.
    if (table !== undefined) tables.set(tag, source.bytes.subarray(table.offset, table.offset + table.length))
  }
  return fontFile(tables)
}
