// Phone numbers: E.164 kept, punctuation removed, a bare US number completed with +1 and a warning.
import { describe, expect, it } from 'vitest'
import { E164, isE164, normalizePhone } from '../../src/records/phone.ts'
import { RecordReader } from '../../src/records/reader.ts'

function phone (text: string): { value: string, warnings: string[] } {
  const r = new RecordReader()
  return { value: normalizePhone(r, text, 'record.phone'), warnings: r.warnings.map((w) => w.code) }
}

describe('normalizePhone', () => {
  it('keeps E.164 and strips punctuation around it', () => {
    expect(phone('+16505555555')).toEqual({ value: '+16505555555', warnings: [] })
    expect(phone('+44 20 7946 0958')).toEqual({ value: '+442079460958', warnings: [] })
  })

  it('completes 10- and 11-digit US numbers with a warning', () => {
    expect(phone('(415) 555-0123')).toEqual({ value: '+14155550123', warnings: ['PHONE_COUNTRY_CODE_ADDED'] })
    expect(phone('16505555555')).toEqual({ value: '+16505555555', warnings: ['PHONE_COUNTRY_CODE_ADDED'] })
    expect(phone('415.555.0123')).toEqual({ value: '+14155550123', warnings: ['PHONE_COUNTRY_CODE_ADDED'] })
  })

  it('returns anything else as given (carrier rules flag it)', () => {
    expect(phone('555-1234')).toEqual({ value: '555-1234', warnings: [] })
    expect(phone('0123456789')).toEqual({ value: '0123456789', warnings: [] })
  })
})

describe('isE164', () => {
  it('agrees with the E.164 pattern on every length, lead digit and stray character', () => {
    const texts = ['', '+', '+1', '+12', '+0123', '1234', '+123456789012345', '+1234567890123456', '+12345678901234', '+1 234', '+1-234', '++123', '+12a', '+１23', '+123\n']
    for (let c = 0; c < 0x80; c++) texts.push(`+1${String.fromCharCode(c)}`, `${String.fromCharCode(c)}123`, `+${String.fromCharCode(c)}23`)
    for (let n = 0; n <= 17; n++) texts.push(`+${'9'.repeat(n)}`)
    for (const text of texts) expect(isE164(text), JSON.stringify(text)).toBe(E164.test(text))
  })
})
