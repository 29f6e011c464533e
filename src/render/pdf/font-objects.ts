// The embedded label font as PDF objects: a Type0 font over a CIDFontType2 (TrueType outlines, glyph codes =
// subset glyph ids), its descriptor, the subset font program and a ToUnicode map. Built with pdf-lib's objects.
import { PDFContext, PDFRef, PDFString } from 'pdf-lib'
import type { FontSubset } from './font-subset.ts'
import type { IndirectObject } from './pdf-file-writer.ts'
import { toUnicodeCMap } from './to-unicode.ts'
import { subsetTrueType } from './truetype-subset.ts'

/** Font descriptor flag "symbolic": the font's own glyph set is addressed directly, not a standard encoding. */
const SYMBOLIC = 4

/** The font objects, the Type0 font under `fontNumber` and its parts under numbers from `allocate`. */
export function fontObjects (subset: FontSubset, fontNumber: number, allocate: () => number): IndirectObject[] {
  const context = PDFContext.create()
  const { face } = subset
  const { font, scale } = face
  const program = subsetTrueType(face.trueType, subset.fontGlyphIds())
  const name = `${subset.tag()}+${face.postscriptName}`
  const [cidFont, descriptor, fontFile, toUnicode] = [allocate(), allocate(), allocate(), allocate()]
  const widths = subset.usedGlyphs().map((g) => g.advance)
  const { minX, minY, maxX, maxY } = font.bbox
  return [
    {
      number: fontNumber,
      object: context.obj({
        Type: 'Font',
        Subtype: 'Type0',
        BaseFont: name,
        Encoding: 'Identity-H',
        DescendantFonts: [PDFRef.of(cidFont)],
        ToUnicode: PDFRef.of(toUnicode)
      })
    },
    {
      number: cidFont,
      object: context.obj({
        Type: 'Font',
        Subtype: 'CIDFontType2',
        BaseFont: name,
        CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
        FontDescriptor: PDFRef.of(descriptor),
        CIDToGIDMap: 'Identity',
        W: widths.length > 0 ? [1, widths] : []
      })
    },
    {
      number: descriptor,
      object: context.obj({
        Type: 'FontDescriptor',
        FontName: name,
        Flags: SYMBOLIC,
        FontBBox: [minX * scale, minY * scale, maxX * scale, maxY * scale],
        ItalicAngle: font.italicAngle,
        Ascent: font.ascent * scale,
        Descent: font.descent * scale,
        CapHeight: (font.capHeight || font.ascent) * scale,
        XHeight: (font.xHeight || 0) * scale,
        StemV: 0,
        FontFile2: PDFRef.of(fontFile)
      })
    },
    { number: fontFile, object: context.flateStream(program, { Length1: program.length }) },
    { number: toUnicode, object: context.flateStream(toUnicodeCMap(subset.usedTexts())) }
  ]
}
