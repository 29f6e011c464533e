// Free text from spreadsheets and forms: trimmed, whitespace folded into single spaces, zero-width spaces dropped,
// control characters kept for the font to refuse by name.
import { describe, expect, it } from 'vitest'
import { cleanAddressText, cleanText } from '../../src/records/text.ts'

describe('cleanText', () => {
  it('trims and folds newlines, tabs and runs of spaces, and drops zero-width spaces and BOMs', () => {
    expect(cleanText('  Jane\r\n\tDoe  ')).toBe('Jane Doe')
    expect(cleanText('\ufeffJane\u200b  Doe\u2028')).toBe('Jane Doe')
    expect(cleanText('Jane\u00a0Doe')).toBe('Jane Doe')
    // They show nothing on the sender's screen, so they print as nothing: not as a space that was never there.
    expect(cleanText('Jordan\u200bAlvarez')).toBe('JordanAlvarez')
    expect(cleanText('Blue\ufeffHarbor \u200b Cafe')).toBe('BlueHarbor Cafe')
  })

  it('keeps control characters that are not whitespace, so the label font refuses them by name', () => {
    expect(cleanText('Jane\u0001Doe')).toBe('Jane\u0001Doe')
    expect(cleanText('Jane Doe\u0000')).toBe('Jane Doe\u0000')
    expect(cleanText('Jane \u007f Doe')).toBe('Jane \u007f Doe')
  })

  it('leaves clean text and every printable character alone', () => {
    expect(cleanText('Zoë Łukasiewicz-Ödegaard ^XZ ~JR _')).toBe('Zoë Łukasiewicz-Ödegaard ^XZ ~JR _')
    expect(cleanText('')).toBe('')
  })

  it('treats every UTF-16 unit, alone, inside, first, last or doubled, as the folding rule says', () => {
    // The rule as a regex; cleanText returns clean text without running it, so check every unit in every position.
    const rule = (value: string): string => value.normalize('NFC').replace(/[\u200b\ufeff]/g, '').replace(/[\s\u0085]+/g, ' ').trim()
    const wrong: string[] = []
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c)
      for (const text of [ch, `a${ch}b`, `${ch}ab`, `ab${ch}`, `a${ch}${ch}b`, `a ${ch}b`, `a${ch} b`, `e${ch}`]) {
        if (cleanText(text) !== rule(text)) wrong.push(`U+${c.toString(16).padStart(4, '0')} in ${JSON.stringify(text)}`)
      }
    }
    expect(wrong).toEqual([])
  })

  it('composes letters sent with combining accents into the letters the font has (NFC)', () => {
    expect(cleanText('Rene\u0301 Zo\u0308e')).toBe('René Zöe')
    expect(cleanText('  Ło\u0301dz\u0301\n')).toBe('Łódź')
    expect(cleanText('Ω\u0301μέγα')).toBe('Ώμέγα')
    // No composed form exists: the mark stays, for layout to print or refuse by name.
    expect(cleanText('q\u0308')).toBe('q\u0308')
  })

  it('folds a double space and trims a single space at either end of otherwise clean text', () => {
    expect(cleanText('Jane  Doe')).toBe('Jane Doe')
    expect(cleanText(' Jane Doe')).toBe('Jane Doe')
    expect(cleanText('Jane Doe ')).toBe('Jane Doe')
    expect(cleanText(' ')).toBe('')
  })
})

describe('cleanAddressText', () => {
  it('turns line breaks into commas so the parser sees the parts', () => {
    expect(cleanAddressText('100 Maiden Ln\nFloor 2\r\nNew York, NY 10038\n')).toBe('100 Maiden Ln, Floor 2, New York, NY 10038')
  })

  it('strips commas and whitespace at either end, whatever UTF-16 unit starts or ends the text', () => {
    // The rule as regexes; cleanAddressText skips them when a line has no break and plain ends, so check every unit.
    const rule = (value: string): string => cleanText(value.replace(/\s*[\r\n]+\s*/g, ', ').replace(/^[,\s]+|[,\s]+$/g, ''))
    const wrong: string[] = []
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c)
      for (const text of [`${ch}1 Main St, Austin`, `1 Main St, Austin${ch}`, `1 Main St${ch}Austin`, `${ch}`, `,${ch}1 Main St${ch},`]) {
        if (cleanAddressText(text) !== rule(text)) wrong.push(`U+${c.toString(16).padStart(4, '0')} in ${JSON.stringify(text)}`)
      }
    }
    expect(wrong).toEqual([])
    expect(cleanAddressText(', 1 Main St\r\n\r\nAustin ,')).toBe('1 Main St, Austin')
  })
})
