// ToUnicode CMap for an Identity-H font: maps each 2-byte glyph code back to its text, so text in the PDF
// can be searched, copied and read by screen readers.

/** Most entries a single bfchar block may hold (PDF/PostScript CMap limit). */
const BLOCK = 100

function hex4 (n: number): string {
  return n.toString(16).padStart(4, '0')
}

function utf16Hex (text: number | string): string {
  const s = typeof text === 'number' ? String.fromCodePoint(text) : text
  let hex = ''
  for (let i = 0; i < s.length; i++) hex += hex4(s.charCodeAt(i))
  return hex
}

/** CMap source mapping glyph code i+1 to `texts[i]`: a code point, or the text of a shaped cluster. */
export function toUnicodeCMap (texts: readonly (number | string)[]): string {
  const codePoints = texts
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
