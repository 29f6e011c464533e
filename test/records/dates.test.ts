// Ship dates: the calendar date as written in the record, whatever the timestamp's offset.
import { describe, expect, it } from 'vitest'
import { calendarDate } from '../../src/records/dates.ts'

describe('calendarDate', () => {
  it('takes dates, RFC 3339 timestamps (their own day) and US dates', () => {
    expect(calendarDate('2024-10-09')).toBe('2024-10-09')
    expect(calendarDate('2024-10-09T05:11:24Z')).toBe('2024-10-09')
    expect(calendarDate('2026-11-24T23:30:00-08:00')).toBe('2026-11-24')
    expect(calendarDate('2024-10-07T16:08:41.523161Z')).toBe('2024-10-07')
    expect(calendarDate('10/9/2024')).toBe('2024-10-09')
  })

  it('refuses what is not a real date', () => {
    for (const text of ['2024-02-30', '2024-13-01', 'tomorrow', '09.10.2024', '']) expect(calendarDate(text), text).toBeUndefined()
  })

  it('checks the calendar by arithmetic exactly as a Date would (leap years, month lengths, years below 100 refused)', () => {
    // The reference: a Date.UTC round trip, which reads years 0–99 as 1900–1999 and so refuses them.
    const viaDate = (y: number, m: number, d: number): boolean => {
      const date = new Date(Date.UTC(y, m - 1, d))
      return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
    }
    const pad = (n: number, w: number): string => String(n).padStart(w, '0')
    const wrong: string[] = []
    for (const y of [0, 1, 99, 100, 400, 1582, 1900, 1999, 2000, 2023, 2024, 2100, 9999]) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          const want = viaDate(y, m, d) ? `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}` : undefined
          for (const text of [`${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`, `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}T08:00:00Z`, `${m}/${d}/${pad(y, 4)}`]) {
            if (calendarDate(text) !== want) wrong.push(`${text} → ${calendarDate(text)}`)
          }
        }
      }
    }
    expect(wrong).toEqual([])
  })

  it('reads the ISO form only when exactly four, two and two digits are followed by the end, T or a space', () => {
    expect(calendarDate('2024-10-09 05:11')).toBe('2024-10-09')
    for (const text of ['2024-10-09Z', '2024-10-9', '2024-1-09', '20241-10-09', '2024/10/09', '2024-10-0x', '２０２４-10-09', ' 2024-10-09']) expect(calendarDate(text), text).toBeUndefined()
  })
})
