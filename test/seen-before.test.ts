import { describe, expect, it } from 'vitest'
import { hashOfUnits, SeenBefore } from '../src/seen-before.ts'

describe('SeenBefore', () => {
  it('says a key was offered before only from its second offer on', () => {
    const seen = new SeenBefore()
    expect(seen.offer('LWX100200458780500')).toBe(false)
    expect(seen.offer('LWX100200458780500')).toBe(true)
    expect(seen.offer('LWX100200458780500')).toBe(true)
    expect(seen.offer('LWX100200458780501')).toBe(false)
    expect(seen.offer('')).toBe(false)
    expect(seen.offer('')).toBe(true)
  })

  it('takes thousands of unique keys as new, and still knows most recent ones when they come back', () => {
    const seen = new SeenBefore()
    const keys = Array.from({ length: 5000 }, (_, i) => `Jordan Lindqvist-${i}`)
    expect(keys.filter((k) => seen.offer(k)).length).toBe(0)
    // Each of the other 4,999 offers between a key's two can take its slot, each with a chance of 1 in 65,536: about
    // 7 % of the marks are lost (1 - e^(-5000/65536)), none is invented.
    const known = keys.filter((k) => seen.offer(k)).length
    expect(known).toBeGreaterThan(4500)
  })
})

describe('hashOfUnits', () => {
  it('gives equal sequences one hash, never zero, and spreads sequences that differ in their last unit', () => {
    expect(hashOfUnits([5, 0, 1200, 3, 7])).toBe(hashOfUnits([5, 0, 1200, 3, 7]))
    const hashes = Array.from({ length: 1000 }, (_, i) => hashOfUnits([5, 0, 1200, 3, i]))
    expect(hashes).not.toContain(0)
    expect(new Set(hashes).size).toBe(1000)
    expect(new Set(hashes.map((h) => (h >>> 16) & 0xffff)).size).toBeGreaterThan(980)
  })
})
