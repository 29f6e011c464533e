import bwipjs from 'bwip-js'
import { describe, expect, it } from 'vitest'
import { encodeCode128 } from '../../src/barcode/code128.ts'
import { CODE128_PATTERNS } from '../../src/barcode/code128-patterns.ts'
import { BarcodeDataError } from '../../src/barcode/barcode-data-error.ts'
import { decodeCodewords, interpretZplCode128 } from './code128-reference.ts'
import { decodeCode128 } from '../support/decode-barcode.ts'

const TRACKING_ALNUM = 'DLKJ3D4TNGQMPGAKHNU6VRJP8F92D17YXQA'
const TRACKING_NUMERIC = '123456789012345'

function rng (seed: number): () => number {
  let s = seed >>> 0
  return () => ((s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x9e3779b9) >>> 0) / 2 ** 32)
}

function corpus (): string[] {
  const rand = rng(42)
  const pick = (alphabet: string, n: number) => Array.from({ length: n }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('')
  const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('')
  const out = [TRACKING_ALNUM, TRACKING_NUMERIC, '>', '^', '~', '_', ' ', '>>^^~~', 'TBA123456789000', '0', '00']
  for (let len = 1; len <= 48; len++) {
    out.push(pick(printable, len), pick('0123456789', len), pick('0123456789ABCXYZ', len), pick('01A', len))
  }
  for (let run = 1; run <= 20; run++) {
    const digits = pick('0123456789', run)
    out.push(digits, `A${digits}`, `${digits}B`, `AB${digits}CD`, `x${digits}y${digits}`)
  }
  return out
}

const bwipRaw = (bwipjs as unknown as { raw: (bcid: string, text: string, opts: object) => { sbs: number[] }[] }).raw
const VALUE_BY_WIDTHS = new Map(CODE128_PATTERNS.map((p, value) => [p.join(''), value]))

function bwipCodewords (data: string): number[] {
  const sbs = bwipRaw('code128', data, {})[0]?.sbs ?? []
  const values: number[] = []
  for (let k = 0; k < sbs.length - 7; k += 6) values.push(VALUE_BY_WIDTHS.get(sbs.slice(k, k + 6).join('')) ?? -1)
  values.push(VALUE_BY_WIDTHS.get(sbs.slice(-7).join('')) ?? -1)
  return values
}

/** Fewest symbol characters by exhaustive search over every subset sequence (A, B, C, shifts) — tiny inputs only. */
function bruteForceLength (data: string): number {
  const inA = (c: number) => c < 96
  const memo = new Map<string, number>()
  const best = (i: number, set: string, depth: number): number => {
    if (i === data.length) return 0
    if (depth > 3) return Infinity
    const key = `${i}${set}${depth}`
    const hit = memo.get(key)
    if (hit !== undefined) return hit
    const c = data.charCodeAt(i)
    let r = Infinity
    if (set === 'C' && /^\d\d$/.test(data.slice(i, i + 2))) r = Math.min(r, 1 + best(i + 2, 'C', 0))
    if (set === 'B') r = Math.min(r, 1 + best(i + 1, 'B', 0))
    if (set === 'A' && inA(c)) r = Math.min(r, 1 + best(i + 1, 'A', 0))
    if (set !== 'C' && (set === 'A' ? c >= 96 : inA(c))) r = Math.min(r, 2 + best(i + 1, set, 0)) // shift
    for (const other of ['A', 'B', 'C']) if (other !== set) r = Math.min(r, 1 + best(i, other, depth + 1))
    memo.set(key, r)
    return r
  }
  return 1 + Math.min(best(0, 'A', 1), best(0, 'B', 1), best(0, 'C', 1))
}

describe('encodeCode128', () => {
  const inputs = corpus()

  it('encodes the data so a reference decoder reads it back, with a valid check character', () => {
    for (const data of inputs) expect(decodeCodewords(encodeCode128(data).codewords), data).toBe(data)
  })

  it('draws pattern and width from the codewords (11 modules each, stop 13)', () => {
    for (const data of inputs) {
      const s = encodeCode128(data)
      expect(s.pattern).toEqual(s.codewords.flatMap((v) => CODE128_PATTERNS[v] as number[]))
      expect(s.pattern.reduce((a, b) => a + b, 0)).toBe(s.totalModules)
      expect(s.totalModules).toBe(11 * (s.codewords.length - 1) + 13)
      expect(s.pattern.length % 2).toBe(1)
    }
  })

  it('never needs more symbol characters than bwip-js, and matches its bars when it picks the same subsets', () => {
    let same = 0
    for (const data of inputs) {
      const ours = encodeCode128(data)
      const theirs = bwipCodewords(data)
      expect(theirs).not.toContain(-1)
      expect(decodeCodewords(theirs), data).toBe(data)
      expect(ours.codewords.length, data).toBeLessThanOrEqual(theirs.length)
      if (ours.codewords.join() === theirs.join()) {
        same++
        expect(ours.pattern).toEqual(bwipRaw('code128', data, {})[0]?.sbs)
      }
    }
    expect(same).toBeGreaterThan(inputs.length / 2)
  })

  it('is as short as an exhaustive search over subsets A, B, C and shifts', () => {
    const rand = rng(7)
    for (let n = 0; n < 400; n++) {
      const data = Array.from({ length: 1 + Math.floor(rand() * 9) }, () => '01aZ'[Math.floor(rand() * 4)]).join('')
      expect(encodeCode128(data).codewords.length - 2, data).toBe(bruteForceLength(data))
    }
  })

  it('gives ZPL mode-N data that a printer turns into exactly these codewords', () => {
    for (const data of inputs) {
      const s = encodeCode128(data)
      expect(s.zplData).not.toMatch(/[\^~]/)
      expect(interpretZplCode128(s.zplData), data).toEqual(s.codewords.slice(0, -2))
    }
  })

  it('escapes >, ^ and ~ with the ZPL invocation codes', () => {
    expect(encodeCode128('A>B^C~').zplData).toBe('>:A>0B><C>=')
  })

  it('keeps every data character in order around subset switches and escapes', () => {
    for (const data of ['1234>5678', '>>1234', '1234~', 'AB1234^^5678CD', '~', '12^34']) {
      const s = encodeCode128(data)
      expect(interpretZplCode128(s.zplData), data).toEqual(s.codewords.slice(0, -2))
    }
    expect(encodeCode128('1234>5678').zplData).toBe('>;1234>6>0>55678')
  })

  it('uses subset C for the 15-digit tracking code and B for the alphanumeric one', () => {
    const numeric = encodeCode128(TRACKING_NUMERIC)
    expect(numeric.codewords.length).toBe(12) // start + 7 pairs + switch + 1 digit + check + stop
    expect(encodeCode128(TRACKING_ALNUM).codewords.length).toBe(TRACKING_ALNUM.length + 3)
  })

  it('produces bars that zxing reads as the data', async () => {
    const module = 2
    for (const data of inputs.filter((_, k) => k % 4 === 0)) {
      const s = encodeCode128(data)
      const width = (s.totalModules + 20) * module
      const height = 40
      const gray = new Uint8Array(width * height).fill(255)
      let x = 10 * module
      s.pattern.forEach((w, k) => {
        if (k % 2 === 0) for (let y = 0; y < height; y++) gray.fill(0, y * width + x, y * width + x + w * module)
        x += w * module
      })
      const found = await decodeCode128({ width, height, data: gray })
      expect(found.map((f) => f.text), data).toEqual([data])
    }
  })
})

describe('encodeCode128 rejects data it cannot print', () => {
  const cases: [string, string, RegExp][] = [
    ['empty', '', /empty/],
    ['newline', 'AB\nC', /U\+000A.*position 3/],
    ['tab', '\tX', /U\+0009.*position 1/],
    ['DEL', 'X\x7f', /U\+007F.*position 2/],
    ['non-ASCII', 'CAFÉ', /"É" \(U\+00C9\) at position 4/],
    ['emoji', 'A😀', /U\+1F600.*position 2/],
    ['too long', '1'.repeat(81), /81 characters/]
  ]
  it.each(cases)('%s', (_name, data, message) => {
    let caught: unknown
    try { encodeCode128(data) } catch (e) { caught = e }
    expect(caught).toBeInstanceOf(BarcodeDataError)
    const err = caught as BarcodeDataError
    expect(err.code).toBe('INVALID_BARCODE_DATA')
    expect(err.issues[0]?.path).toBe('trackingCode')
    expect(err.message).toMatch(message)
  })
})
