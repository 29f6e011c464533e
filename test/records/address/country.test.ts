// Country names as records spell them, and the country at the end of a one-line address.
import { describe, expect, it } from 'vitest'
import { countryCode, TRAILING_COUNTRY, trailingCountry } from '../../../src/records/address/country.ts'

describe('trailingCountry', () => {
  const NAMES = ['United States of America', 'United States', 'U.S.A.', 'U.S.A', 'USA', 'U.S.', 'U.S', 'US', 'Canada', 'Mexico', 'Australia', 'New Zealand']

  it('finds every known name at the end of a line, in any case, after a comma or a ZIP', () => {
    for (const name of NAMES) {
      for (const spelled of [name, name.toLowerCase(), name.toUpperCase()]) {
        for (const text of [`1 Main St, Austin, TX 78701, ${spelled}`, `1 Main St, Austin, TX 78701 ${spelled}`, `1 Main St, Austin, TX 78701${spelled}`]) {
          const found = trailingCountry(text)
          expect(found?.[1], text).toBe(spelled)
          expect(countryCode(found?.[1] ?? ''), text).toBeDefined()
        }
      }
    }
  })

  it('agrees with the regex whatever UTF-16 unit ends the line (its pre-check skips only what cannot match)', () => {
    const wrong: string[] = []
    for (let c = 0; c <= 0xffff; c++) {
      const ch = String.fromCharCode(c)
      for (const text of [`Austin, TX 78701, U.S${ch}`, `Austin, TX 78701 ${ch}`, `Austin, TX 78701, Canad${ch}`, ch]) {
        const want = TRAILING_COUNTRY.exec(text)
        const got = trailingCountry(text)
        if (got?.index !== want?.index || got?.[1] !== want?.[1]) wrong.push(`U+${c.toString(16).padStart(4, '0')} in ${JSON.stringify(text)}`)
      }
    }
    expect(wrong).toEqual([])
    expect(trailingCountry('')).toBeNull()
    expect(trailingCountry('1 Main St, Austin, TX 78701')).toBeNull()
  })
})

describe('countryCode', () => {
  it('returns two capital letters as themselves and reads aliases and names in any case', () => {
    for (const code of ['US', 'CA', 'MX', 'GB', 'ZZ']) expect(countryCode(code)).toBe(code)
    expect(countryCode(' usa ')).toBe('US')
    expect(countryCode('United States of America')).toBe('US')
    expect(countryCode('gb')).toBe('GB')
    expect(countryCode('Canada')).toBe('CA')
    for (const text of ['U', 'USAA', 'Narnia', 'constructor', 'U1', '']) expect(countryCode(text), text).toBeUndefined()
  })
})
