import { describe, expect, it } from 'vitest'
import { BoundedMap } from '../src/bounded-map.ts'

describe('BoundedMap', () => {
  it('keeps entries up to its bound and forgets the oldest first', () => {
    const map = new BoundedMap<string, number>(3)
    for (const [i, key] of ['a', 'b', 'c', 'd'].entries()) map.set(key, i)
    expect(map.get('a')).toBeUndefined()
    expect([map.get('b'), map.get('c'), map.get('d')]).toEqual([1, 2, 3])
    expect(map.size).toBe(3)
  })

  it('bounds the total weight, evicting as many old entries as a heavy new one needs', () => {
    const map = new BoundedMap<string, string>(10)
    map.set('a', 'x', 4)
    map.set('b', 'y', 4)
    map.set('c', 'z', 7)
    expect(map.get('a')).toBeUndefined()
    expect(map.get('b')).toBeUndefined()
    expect(map.get('c')).toBe('z')
    expect(map.weight).toBe(7)
  })

  it('replaces a key in place without counting it twice', () => {
    const map = new BoundedMap<string, number>(2)
    map.set('a', 1)
    map.set('a', 2)
    map.set('b', 3)
    expect(map.get('a')).toBe(2)
    expect(map.size).toBe(2)
    expect(map.weight).toBe(2)
  })

  it('stays exact over a long stream of evictions', () => {
    const map = new BoundedMap<number, number>(500)
    for (let i = 0; i < 100_000; i++) map.set(i, i * 2)
    expect(map.size).toBe(500)
    expect(map.get(99_499)).toBeUndefined()
    expect(map.get(99_500)).toBe(199_000)
    expect(map.get(99_999)).toBe(199_998)
  })
})
