import { describe, expect, it } from 'vitest'
import { parseWarnings, retryAfterMs } from '../../src/labelary/index.ts'

describe('parseWarnings', () => {
  it('reads groups of five and keeps a message containing "|" whole', () => {
    expect(parseWarnings('1|2|^FO||a|3|4|^A|2|b|c')).toEqual([
      { byteIndex: 1, byteSize: 2, command: '^FO', message: 'a' },
      { byteIndex: 3, byteSize: 4, command: '^A', parameter: 2, message: 'b|c' }
    ])
  })

  it('treats an absent or empty header as no warnings', () => {
    expect(parseWarnings(undefined)).toEqual([])
    expect(parseWarnings('')).toEqual([])
  })
})

describe('retryAfterMs', () => {
  const now = Date.parse('2026-11-25T10:00:00Z')

  it('reads delta-seconds and HTTP dates', () => {
    expect(retryAfterMs('3', now)).toBe(3000)
    expect(retryAfterMs('Wed, 25 Nov 2026 10:00:02 GMT', now)).toBe(2000)
    expect(retryAfterMs('Wed, 25 Nov 2026 09:59:00 GMT', now)).toBe(0)
  })

  it('ignores what it cannot read', () => {
    expect(retryAfterMs(undefined, now)).toBeUndefined()
    expect(retryAfterMs('soon', now)).toBeUndefined()
  })
})
