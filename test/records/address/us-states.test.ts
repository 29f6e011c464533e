// US state codes and names → the two-letter code; codes in capitals take a shortcut, everything else is cleaned up.
import { describe, expect, it } from 'vitest'
import { US_STATE_NAMES, usStateCode } from '../../../src/records/address/us-states.ts'

describe('usStateCode', () => {
  it('returns every code as itself, in capitals or not, and every name as its code', () => {
    expect(US_STATE_NAMES.length).toBe(59)
    for (const name of US_STATE_NAMES) {
      const code = usStateCode(name) as string
      expect(code, name).toMatch(/^[A-Z]{2}$/)
      expect(usStateCode(code)).toBe(code)
      expect(usStateCode(code.toLowerCase())).toBe(code)
      expect(usStateCode(` ${code}. `)).toBe(code)
    }
  })

  it('refuses what is not a US state, including names of Object.prototype members', () => {
    for (const text of ['XX', 'ON', 'C', 'CAL', '', 'constructor', 'toString', '__proto__', 'Ca lifornia']) expect(usStateCode(text), text).toBeUndefined()
  })
})
