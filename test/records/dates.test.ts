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
})
