// ToUnicode CMap for an Identity-H font: maps each 2-byte glyph code back to its text, so text in the PDF
// can be searched, copied and read by screen readers.

/** Most entries a single bfchar block may hold (PDF/PostScript CMap limit). */
const BLOCK = 100

function hex4 (n: number): string {
  return n.toString(16).padStart(4, '0')
}

function utf16Hex (codePoint: number): string {
  if (codePoint < 0x10000) return hex4(codePoint)
  const v = codePoint - 0x10000
  return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff))
}

/** CMap source mapping glyph code i+1 to `codePoints[i]`. */
export function toUnicodeCMap (codePoints: readonly number[]): string {
  let body = ''
  for (let start = 0; start < codePoints.length; start += BLOCK) {
    const block = codePoints.slice(start, start + BLOCK)
    body += `${block.length} beginbfchar\n`
    block.forEach((cp, i) => { body += `<${hex4(start + i + 1)}> <${utf16Hex(cp)}>\n` })
    body += 'endbfchar\n'
  }
  return '/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n' +
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n' +
    '/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n' +
    '1 begincodespacerange\n<0000> <ffff>\nendcodespacerange\n' +
    body +
    'endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n'
}
