import { describe, expect, it } from 'vitest'
import { FIELDS, FORMATTERS, formatNumber, type Formatter } from '../../src/layout/fields.ts'

const format = (name: string, value: string): string => (FORMATTERS.get(name) as Formatter)(value)

describe('placeholder formatters', () => {
  it('date_us prints an ISO date as MM/DD/YYYY and anything else as given', () => {
    expect(format('date_us', '2026-11-24')).toBe('11/24/2026')
    expect(format('date_us', '2026-01-05')).toBe('01/05/2026')
    for (const other of ['', '2026-1-05', '2026/11/24', '2026-11-2x', 'x026-11-24', '2026-11-245', '11/24/2026']) {
      expect(format('date_us', other), other).toBe(other)
    }
  })

  it('omit_us drops the United States in any case and keeps every other country', () => {
    for (const us of ['US', 'us', 'Us']) expect(format('omit_us', us)).toBe('')
    for (const other of ['CA', 'USA', 'U', '', 'GB']) expect(format('omit_us', other)).toBe(other)
  })

  it('upper capitalises, accents included', () => {
    expect(format('upper', 'zürich')).toBe('ZÜRICH')
  })
})

describe('label-data fields', () => {
  it('print numbers with at most two decimals and no trailing zeros', () => {
    expect([2.5, 2.4, 12, 0.125, 3.999].map(formatNumber)).toEqual(['2.5', '2.4', '12', '0.13', '4'])
  })

  it('print the package weight and dimensions with their units in capitals', () => {
    const data = { package: { weight: { value: 2.4, unit: 'lb' }, dimensions: { length: 12, width: 9, height: 4.5, unit: 'in' } } }
    expect(FIELDS.get('package.weight')?.(data as never)).toBe('2.4 LB')
    expect(FIELDS.get('package.dimensions')?.(data as never)).toBe('12 x 9 x 4.5 IN')
  })
})
