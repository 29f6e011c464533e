import { describe, expect, it } from 'vitest'
import { upperCaseCommands, zebrashCompatible } from '../../../src/render/png/zebrash-fixups.ts'

describe('zebrashCompatible', () => {
  it('hands a mode-N field that switches from B to C (>5) to zebrash as plain text in automatic mode', () => {
    expect(zebrashCompatible('^FO1,2^BY2^BCN,100,N,N,N,N^FD>:TBA>5123456789000^FS'))
      .toBe('^FO1,2^BY2^BCN,100,N,N,N,A^FDTBA123456789000^FS')
    expect(zebrashCompatible('^BCR,152^FD>:X>512345678>6Y^FS')).toBe('^BCR,152,,,,A^FDX12345678Y^FS')
  })

  it('appends >: to other mode-N fields (zebrash drops a lone character after an invocation code)', () => {
    expect(zebrashCompatible('^BCN,100,N,N,N,N^FD>;12345678901234>65^FS')).toBe('^BCN,100,N,N,N,N^FD>;12345678901234>65>:^FS')
    expect(zebrashCompatible('^BC^FDJ3D4TNGQ^FS')).toBe('^BC^FDJ3D4TNGQ>:^FS')
  })

  it('keeps mode N when the text has a character automatic mode cannot take or an FNC code', () => {
    expect(zebrashCompatible('^BCN,100,N,N,N,N^FD>:TB>0>5123456^FS')).toBe('^BCN,100,N,N,N,N^FD>:TB>0>5123456>:^FS')
    expect(zebrashCompatible('^BCN,100,N,N,N,N^FD>:A>8B>512^FS')).toBe('^BCN,100,N,N,N,N^FD>:A>8B>512>:^FS')
  })

  it('converts a B→C switch after a start in C too, and leaves modes other than N untouched', () => {
    expect(zebrashCompatible('^BCN,1,N,N,N,N^FD>;1234>6AB>512^FS')).toBe('^BCN,1,N,N,N,A^FD1234AB12^FS')
    expect(zebrashCompatible('^BCN,100,N,N,N,U^FD12345678901^FS')).toBe('^BCN,100,N,N,N,U^FD12345678901^FS')
    expect(zebrashCompatible('^BCN,100,N,N,N,A^FDAB1234^FS')).toBe('^BCN,100,N,N,N,A^FDAB1234^FS')
  })

  it('does not touch text fields, even ones that look like barcode data', () => {
    const zpl = '^XA^FO10,10^A0N,30,30^FD>:TBA>5123^FS^XZ'
    expect(zebrashCompatible(zpl)).toBe(zpl)
  })
})

describe('upperCaseCommands', () => {
  it('upper-cases command names but not parameters, field data or tilde text', () => {
    expect(upperCaseCommands('^xa^cfa,50^fo100,100^fdHello world~x^fs~dgR:A.GRF,1,1,ff^xz'))
      .toBe('^XA^CFa,50^FO100,100^FDHello world~x^FS~DGR:A.GRF,1,1,ff^XZ')
  })
})
