// Generated tracking codes: DashLink's rules, uniqueness, and a check character that catches every single wrong
// character and every swap of two neighbours, shown exhaustively over positions and symbol pairs, then on 1,000,000
// generated codes.
import { describe, expect, it } from 'vitest'
import { dashlinkTrackingRules } from '../../src/records/tracking.ts'
import { CODE_ALPHABET, checkValue, codeFor, hasValidCheck, TrackingCodeGenerator } from '../../src/records/generated-codes.ts'

/** A store stand-in: a counter handing out blocks, as the SQLite sequence does. */
function counter (start = 0n): (prefix: string, count: number) => bigint {
  let next = start
  return (_prefix, count) => { const first = next; next += BigInt(count); return first }
}

/** A valid code of `length` with `symbol` at `position` (a filler elsewhere tuned so the check is alphanumeric). */
function codeWith (length: number, position: number, symbol: string): string {
  for (const filler of CODE_ALPHABET) {
    const chars = Array.from({ length: length - 1 }, () => 'K')
    chars[position] = symbol
    chars[position === 0 ? 1 : 0] = filler
    const body = chars.join('')
    const check = checkValue(body) as number
    if (check < 36) return body + (CODE_ALPHABET[check] as string)
  }
  throw new Error('no filler gives an alphanumeric check')
}

/** A valid code of `length` with `a` at `position` and `b` after it; undefined when no such code can be issued. */
function pairCode (length: number, position: number, a: string, b: string): string | undefined {
  const chars = Array.from({ length }, () => 'K')
  chars[position] = a
  const checkAt = length - 1
  if (position + 1 === checkAt) {
    // The neighbour is the check character: vary a filler until the body calls for `b`.
    for (const filler of CODE_ALPHABET) {
      chars[position === 0 ? 1 : 0] = filler
      if (CODE_ALPHABET[checkValue(chars.slice(0, checkAt).join('')) as number] === b) { chars[checkAt] = b; return chars.join('') }
    }
    return undefined
  }
  chars[position + 1] = b
  for (const filler of CODE_ALPHABET) {
    const fillAt = position >= 2 ? 0 : position + 2
    if (fillAt >= checkAt) return undefined
    chars[fillAt] = filler
    const check = checkValue(chars.slice(0, checkAt).join('')) as number
    if (check < 36) { chars[checkAt] = CODE_ALPHABET[check] as string; return chars.join('') }
  }
  return undefined
}

const swap = (code: string, i: number): string => code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2)
const replace = (code: string, i: number, c: string): string => code.slice(0, i) + c + code.slice(i + 1)

describe('generated tracking codes', () => {
  it('meet DashLink\'s rules: 15 to 35 characters of its alphabet, no leading zero, the shipper prefix', () => {
    const generator = new TrackingCodeGenerator('LWX', counter())
    for (let i = 0; i < 2000; i++) {
      const code = generator.next()
      expect(code).toMatch(/^LWX[0-9A-Z]{12}$/)
      const rules = dashlinkTrackingRules(code, 'record.external_delivery_id')
      expect(rules).toEqual({ violations: [], warnings: [] })
    }
    expect(new TrackingCodeGenerator('SHIPPER123', counter()).next()).toHaveLength(22)
    expect(() => new TrackingCodeGenerator('0AB', counter())).toThrow(/prefix/)
    expect(() => new TrackingCodeGenerator('ab', counter())).toThrow(/prefix/)
  })

  // Generated codes are 15 to 22 characters (a 3- to 10-character prefix, 11 serial characters, the check). Within a
  // code each position weighs a different power of 2 mod 37, so checking every position and every pair of symbols
  // covers every single-character error and every neighbour swap of every code of these lengths.

  it('catches every single wrong character at every position of every code length (exhaustive over symbol pairs)', () => {
    let checked = 0
    for (let length = 15; length <= 22; length++) {
      for (let position = 0; position < length; position++) {
        for (const original of CODE_ALPHABET) {
          // At the check position the original is whatever the body calls for; any other symbol must fail.
          const code = position === length - 1 ? codeWith(length, 0, 'K') : codeWith(length, position, original)
          if (!hasValidCheck(code)) throw new Error(`${code} should be valid`)
          for (const wrong of CODE_ALPHABET) {
            if (wrong === code[position]) continue
            if (hasValidCheck(replace(code, position, wrong))) throw new Error(`${code}: ${wrong} at ${position} not caught`)
            checked++
          }
          if (position === length - 1) break
        }
      }
    }
    // 8 lengths × (Σ positions before the check × 36 × 35 + 35 at the check).
    expect(checked).toBe([15, 16, 17, 18, 19, 20, 21, 22].reduce((n, length) => n + (length - 1) * 36 * 35 + 35, 0))
  })

  it('catches every swap of two different neighbours at every position (exhaustive over symbol pairs)', () => {
    let checked = 0
    for (let length = 15; length <= 22; length++) {
      for (let position = 0; position < length - 1; position++) {
        for (const a of CODE_ALPHABET) {
          for (const b of CODE_ALPHABET) {
            if (a === b) continue
            const code = pairCode(length, position, a, b)
            if (code === undefined) continue
            if (!hasValidCheck(code)) throw new Error(`${code} should be valid`)
            if (hasValidCheck(swap(code, position))) throw new Error(`${code}: swap at ${position} not caught`)
            checked++
          }
        }
      }
    }
    // Every pair of the body positions, and every body symbol next to each check symbol it can have.
    expect(checked).toBeGreaterThan(8 * 14 * 36 * 35)
  })

  it('1,000,000 generated codes: all valid, no two alike; errors caught (sampled: one swap and one wrong character per code, all of them on every 100th)', () => {
    const generator = new TrackingCodeGenerator('LWX', counter(123_456_789n))
    const seen = new Set<string>()
    let random = 0x9e3779b9
    const nextRandom = (n: number): number => { random = (Math.imul(random, 1664525) + 1013904223) >>> 0; return random % n }
    const ALL_SWAPS = Array.from({ length: 14 }, (_, k) => k)
    const ALL_POSITIONS = Array.from({ length: 15 }, (_, k) => k)
    let caught = 0
    for (let i = 0; i < 1_000_000; i++) {
      const code = generator.next()
      if (code.length !== 15 || code.charCodeAt(0) === 48 || !hasValidCheck(code)) throw new Error(`invalid code ${code}`)
      seen.add(code)
      const every = i % 100 === 0
      const swaps = every ? ALL_SWAPS : [nextRandom(14)]
      for (const p of swaps) {
        if (code[p] !== code[p + 1] && hasValidCheck(swap(code, p))) throw new Error(`${code}: swap at ${p} not caught`)
        caught++
      }
      const positions = every ? ALL_POSITIONS : [nextRandom(code.length)]
      for (const at of positions) {
        for (const wrong of every ? CODE_ALPHABET : CODE_ALPHABET[(CODE_ALPHABET.indexOf(code[at] as string) + 1 + nextRandom(35)) % 36] as string) {
          if (wrong === code[at]) continue
          if (hasValidCheck(replace(code, at, wrong))) throw new Error(`${code}: ${wrong} at ${at} not caught`)
          caught++
        }
      }
    }
    expect(seen.size).toBe(1_000_000)
    expect(caught).toBeGreaterThan(2_000_000)
  }, 60_000)

  it('gives distinct codes for distinct counter values and skips only those whose check is not alphanumeric', () => {
    const codes = Array.from({ length: 3700 }, (_, i) => codeFor('LWX', BigInt(i)))
    const issued = codes.filter((c): c is string => c !== undefined)
    expect(new Set(issued).size).toBe(issued.length)
    // About one counter value in 37 is skipped.
    expect(codes.length - issued.length).toBeGreaterThan(50)
    expect(codes.length - issued.length).toBeLessThan(150)
  })
})
