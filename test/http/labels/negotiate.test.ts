import { describe, expect, it } from 'vitest'
import { negotiate } from '../../../src/http/labels/negotiate.ts'
import { mergeOptions, readLabelOptions, splitBody } from '../../../src/request/label-options.ts'

describe('negotiate', () => {
  it('defaults to the JSON envelope of a ZPL label', () => {
    expect(negotiate(undefined, undefined)).toEqual({ format: 'zpl', raw: false })
    expect(negotiate('*/*', 'pdf')).toEqual({ format: 'pdf', raw: false })
    expect(negotiate('application/json', 'png')).toEqual({ format: 'png', raw: false })
  })

  it('gives raw bytes of the type the client prefers, by q value then order', () => {
    expect(negotiate('application/pdf', undefined)).toEqual({ format: 'pdf', raw: true })
    expect(negotiate('image/png;q=0.5, x-application/zpl', undefined)).toEqual({ format: 'zpl', raw: true })
    expect(negotiate('application/json;q=0.1, application/pdf', undefined)).toEqual({ format: 'pdf', raw: true })
    expect(negotiate('image/png, application/pdf', 'pdf')).toEqual({ format: 'pdf', raw: true })
  })

  it('refuses an Accept that cannot carry the requested format', () => {
    expect(() => negotiate('application/pdf', 'zpl')).toThrow(expect.objectContaining({ code: 'NOT_ACCEPTABLE' }))
    expect(() => negotiate('text/html', undefined)).toThrow(expect.objectContaining({ code: 'NOT_ACCEPTABLE' }))
    expect(() => negotiate('constructor', undefined)).toThrow(expect.objectContaining({ code: 'NOT_ACCEPTABLE' }))
  })

  it('names, for a format asked for, only the types that format comes as', () => {
    expect(() => negotiate('application/pdf', 'zpl')).toThrow('cannot send application/pdf for format "zpl", which comes as application/json (the envelope) or x-application/zpl')
    expect(() => negotiate('x-application/zpl', 'pdf')).toThrow('which comes as application/json (the envelope) or application/pdf;')
    expect(() => negotiate('text/html', 'png')).toThrow('which comes as application/json (the envelope) or image/png;')
    expect(() => negotiate('text/html', undefined)).toThrow('accept application/json (the envelope), application/pdf, image/png or x-application/zpl')
  })

  it('takes one bare raw type as it is, the way label clients send it', () => {
    expect(negotiate('x-application/zpl', undefined)).toEqual({ format: 'zpl', raw: true })
    expect(negotiate('x-application/zpl', 'zpl')).toEqual({ format: 'zpl', raw: true })
    expect(negotiate('X-Application/ZPL', undefined)).toEqual({ format: 'zpl', raw: true })
    expect(negotiate('application/pdf', 'pdf')).toEqual({ format: 'pdf', raw: true })
  })
})

describe('label options', () => {
  it('reads query strings and envelope values alike', () => {
    expect(readLabelOptions({ dpi: '300dpi', format: 'pdf', strict: 'true', include_font: '0' }, 'query'))
      .toEqual({ dpi: 300, format: 'pdf', strict: true, includeFont: false, source: undefined, template: undefined })
  })

  it('lists every bad option with its path', () => {
    try {
      readLabelOptions({ dpi: 72, source: 'fedex', template: '../etc/passwd' }, 'query')
      expect.unreachable()
    } catch (err) {
      expect((err as { issues: { path: string }[] }).issues.map((i) => i.path)).toEqual(['query.source', 'query.dpi', 'query.template'])
    }
  })

  it('treats a body with "record" as an envelope and anything else as the record', () => {
    expect(splitBody({ record: { a: 1 }, dpi: 300 })).toEqual({ record: { a: 1 }, options: expect.objectContaining({ dpi: 300 }) })
    expect(splitBody({ tracking_code: 'X' })).toEqual({ record: { tracking_code: 'X' }, options: {} })
  })

  it('lets the envelope override the query', () => {
    expect(mergeOptions({ dpi: 300, format: undefined }, { dpi: 203, format: 'pdf' })).toEqual({ dpi: 300, format: 'pdf' })
  })
})
