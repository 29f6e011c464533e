import { describe, expect, it } from 'vitest'
import { breakOpportunities, graphemeBoundaries } from '../../../src/fonts/scripts/breaks.ts'

describe('break opportunities', () => {
  it('breaks Latin after spaces and hyphens only', () => {
    expect(breakOpportunities('Jean-Luc Picard')).toEqual([5, 9])
    expect(breakOpportunities('Ann  Lee')).toEqual([5])
    expect(breakOpportunities('Lüdenscheidt')).toEqual([])
  })

  it('breaks CJK between characters, but not before closing punctuation or small kana', () => {
    expect(breakOpportunities('東京都')).toEqual([1, 2])
    expect(breakOpportunities('山田、太郎')).toEqual([1, 3, 4])
    // キ ャ ッ ト: the small ャ and ッ stay with the character before them.
    expect(breakOpportunities('キャット')).toEqual([3])
    expect(breakOpportunities('김민준')).toEqual([1, 2])
  })

  it('breaks Thai between words, found by dictionary', () => {
    const text = 'สมชายใจดีมาก'
    const breaks = breakOpportunities(text)
    expect(breaks).toContain(5)
    expect(breaks).toContain(9)
    expect(breaks.every((i) => i > 0 && i < text.length)).toBe(true)
  })

  it('never breaks inside a grapheme: decomposed Vietnamese, a Devanagari conjunct, an Arabic word', () => {
    const nfd = 'Nguyễn Thị'.normalize('NFD')
    expect(breakOpportunities(nfd)).toEqual([nfd.indexOf('T')])
    expect(breakOpportunities('क्षत्रिय')).toEqual([])
    expect(breakOpportunities('محمد بن')).toEqual([5])
  })

  it('lists grapheme boundaries with both ends, one per user-perceived character', () => {
    expect(graphemeBoundaries('ễ'.normalize('NFD'))).toEqual([0, 3])
    expect(graphemeBoundaries('क्षत्रि')).toEqual([0, 3, 7])
    expect(graphemeBoundaries('a📦')).toEqual([0, 1, 3])
    expect(graphemeBoundaries('')).toEqual([0])
  })
})
