// The start-up header of a fallback font, read from its file without HarfBuzz, says what HarfBuzz says of the whole
// font: the same code points (they decide which font draws each character), em and glyph count, and name.
import { readFileSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROJECT_ROOT } from '../../../src/config.ts'
import { openChainFont } from '../../../src/fonts/scripts/chain-font.ts'
import { harfbuzz } from '../../../src/fonts/scripts/harfbuzz.ts'
import { readFontHeader } from '../../../src/fonts/scripts/font-tables.ts'

const FILES = ['fonts/RobotoCondensed-Bold.ttf', ...readdirSync(path.join(PROJECT_ROOT, 'fonts/noto')).filter((f) => f.endsWith('.ttf')).map((f) => `fonts/noto/${f}`)]

describe('font header read from the file', () => {
  it.each(FILES)('%s: the code points, em, glyph count and name HarfBuzz finds in the whole font', (relative) => {
    const file = path.join(PROJECT_ROOT, relative)
    const header = readFontHeader(file)
    const loaded = openChainFont(harfbuzz(), file, new Uint8Array(readFileSync(file)))
    expect(header.unicodes.length).toBe(loaded.unicodes.length)
    expect(Buffer.from(header.unicodes.buffer).equals(Buffer.from(loaded.unicodes.buffer))).toBe(true)
    expect(header.unitsPerEm).toBe(loaded.unitsPerEm)
    expect(header.glyphCount).toBe(loaded.boxes.length / 4)
    expect(header.postScriptName).toBe(loaded.name)
  })
})
