import { describe, expect, it } from 'vitest'
import { splitZplLabels, standaloneLabel } from '../../../src/render/png/zpl-labels.ts'

describe('splitZplLabels', () => {
  it('cuts after every ^XZ, keeping downloads with the label they precede, so the parts rebuild the ZPL', () => {
    const zpl = '~DUR:F.TTF,2,AB\n^XA^FDone^FS^XZ\n~DGR:G.GRF,1,1,FF\n^xa^fdtwo^fs^xz\n'
    const split = splitZplLabels(zpl)
    expect(split.labels.map((l) => l.text)).toEqual(['~DUR:F.TTF,2,AB\n^XA^FDone^FS^XZ', '\n~DGR:G.GRF,1,1,FF\n^xa^fdtwo^fs^xz'])
    expect(split.labels.map((l) => l.start)).toEqual([0, zpl.indexOf('\n~DG')])
    expect(split.tail).toBe('\n')
    expect(split.labels.map((l) => l.text).join('') + split.tail).toBe(zpl)
  })

  it('gives each label the downloads before it, without earlier formats', () => {
    const split = splitZplLabels('~DUA^XA^FD1^FS^XZ~DGB^XA^FD2^FS^XZ^XA^FD3^FS^XZ')
    expect(standaloneLabel(split, 0)).toBe('~DUA^XA^FD1^FS^XZ')
    expect(standaloneLabel(split, 2)).toBe('~DUA~DGB^XA^FD3^FS^XZ')
    expect(() => standaloneLabel(split, 3)).toThrow(RangeError)
  })

  it('counts an unterminated trailing format and no label in text without ^XA', () => {
    expect(splitZplLabels('^XA^FD1^FS^XZ^XA^FD2').labels).toHaveLength(2)
    expect(splitZplLabels('hello ^XZ').labels).toHaveLength(0)
    expect(splitZplLabels('').labels).toHaveLength(0)
  })
})
