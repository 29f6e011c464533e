// Phone numbers: E.164 kept, punctuation removed, a bare US number completed with +1 and a warning.
import { describe, expect, it } from 'vitest'
import { normalizePhone } from '../../src/records/phone.ts'
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
