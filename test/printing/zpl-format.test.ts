import { describe, expect, it } from 'vitest'
import { checkSingleFormat, requestHash, withCopies } from '../../src/printing/zpl-format.ts'

function rulesOf (zpl: string): string[] {
  try {
    checkSingleFormat(zpl)
    return []
  } catch (err) {
    return (err as { issues: { rule: string }[] }).issues.map((i) => i.rule)
  }
}

describe('raw ZPL checks', () => {
  it('accepts one format, surrounding whitespace and lowercase commands', () => {
    expect(rulesOf('^XA^FO10,10^FDok^FS^XZ')).toEqual([])
    expect(rulesOf('\r\n^xa^FDok^FS^xz\n')).toEqual([])
  })

  it('refuses a second format, tilde commands, prefix changes and control bytes', () => {
    expect(rulesOf('^XA^FDa^FS^XZ^XA^FDb^FS^XZ')).toEqual(['single_format'])
    expect(rulesOf('^XA^FDa^FS^XZ~JR')).toEqual(['zpl_format', 'no_control_commands'])
    expect(rulesOf('^XA^CC!!XZ!XA^FDb^FS^XZ')).toEqual(['no_prefix_change'])
    expect(rulesOf('^XA^FDa\x00^FS^XZ')).toEqual(['no_control_characters'])
    expect(rulesOf('^FDa^FS')).toEqual(['zpl_format', 'zpl_format'])
  })

  it('adds ^PQ for copies before ^XZ, and refuses a quantity set twice', () => {
    expect(withCopies('^XA^FDa^FS^XZ', 1)).toBe('^XA^FDa^FS^XZ')
    expect(withCopies('^XA^FDa^FS^XZ', 3)).toBe('^XA^FDa^FS^PQ3^XZ')
    expect(() => withCopies('^XA^PQ2^XZ', 2)).toThrow(expect.objectContaining({ issues: [expect.objectContaining({ path: 'copies', rule: 'conflict' })] }))
    expect(() => withCopies('^XA^XZ', 0)).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }))
  })

  it('hashes requests without regard to key order', () => {
    expect(requestHash({ a: 1, b: { c: [1, 2], d: 'x' } })).toBe(requestHash({ b: { d: 'x', c: [1, 2] }, a: 1 }))
    expect(requestHash({ a: 1 })).not.toBe(requestHash({ a: 2 }))
  })
})
