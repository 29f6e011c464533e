import { describe, expect, it } from 'vitest'
import { renderZpl, zplFontDownload } from '../../../src/render/zpl/index.ts'
import { TEXT_BASELINE_RATIO } from '../../../src/render/zpl/text.ts'
import { barcodeLabel, emptyLabel, fontModeOptions, textElement } from './labels.ts'

const options = fontModeOptions()
const count = (s: string, part: string) => s.split(part).length - 1

describe('renderZpl', () => {
  it.each([[203, 812, 1218], [300, 1200, 1800]] as const)('writes the header for %i dpi (%i x %i dots)', (dpi, w, h) => {
    const zpl = renderZpl(emptyLabel(dpi), options)
    expect(zpl.startsWith('^XA^CI28')).toBe(true)
    expect(zpl).toContain(`^PW${w}^`)
    expect(zpl).toContain(`^LL${h}^`)
    expect(zpl).toContain('^LH0,0')
    expect(zpl.endsWith('^XZ')).toBe(true)
  })

  it('keeps user text inert: exactly one ^XA and one ^XZ, no ~ command', () => {
    const label = emptyLabel(203, [textElement(20, 20, '^XZ^XA^FDpwn^FS~JR', 30, 300), textElement(20, 60, 'a_b\nc', 30, 100)])
    const zpl = renderZpl(label, options)
    expect(count(zpl, '^XA')).toBe(1)
    expect(count(zpl, '^XZ')).toBe(1)
    expect(count(zpl, '~')).toBe(0)
    expect(count(zpl, '^FS')).toBe(2)
    expect(zpl).toContain('^FH^FD_5EXZ_5EXA_5EFDpwn_5EFS_7EJR^FS')
  })

  it('places text by its baseline inside the box, N and R', () => {
    const zpl = renderZpl(emptyLabel(203, [textElement(40, 100, 'Hi', 40, 50), textElement(500, 200, 'Hi', 40, 50, 90)]), options)
    const baseline = Math.round(40 * TEXT_BASELINE_RATIO)
    expect(zpl).toContain(`^FT40,${100 + baseline}^A@N,40,40,E:LWSANS.TTF^FH^FDHi^FS`)
    expect(zpl).toContain(`^FT${500 + 40 - baseline},200^A@R,40,40,E:LWSANS.TTF^FH^FDHi^FS`)
  })

  it('opens every text field at its own place, however many places and sizes it has seen', () => {
    const baseline = Math.round(30 * TEXT_BASELINE_RATIO)
    // More places than are remembered, each rendered twice, then places no small key can hold.
    for (let round = 0; round < 2; round++) {
      for (let i = 0; i < 4200; i++) {
        const zpl = renderZpl(emptyLabel(203, [textElement(i, 7, 'x', 30, 20)]), options)
        expect(zpl).toContain(`^FT${i},${7 + baseline}^A@N,30,30,E:LWSANS.TTF^FH^FDx^FS`)
      }
    }
    expect(renderZpl(emptyLabel(203, [textElement(10.5, 7, 'x', 30, 20)]), options)).toContain(`^FT10.5,${7 + baseline}^A@N,30,30,`)
    expect(renderZpl(emptyLabel(203, [textElement(5000, 7, 'x', 30, 20)]), options)).toContain(`^FT5000,${7 + baseline}^A@N,30,30,`)
    expect(renderZpl(emptyLabel(203, [textElement(-3, 7, 'x', 30, 20)]), options)).toContain(`^FT-3,${7 + baseline}^A@N,30,30,`)
    const other = renderZpl(emptyLabel(203, [textElement(1, 7, 'x', 30, 20)]), fontModeOptions('E:OTHER.TTF'))
    expect(other).toContain(`^FT1,${7 + baseline}^A@N,30,30,E:OTHER.TTF^FH^FDx^FS`)
  })

  it('draws boxes with ^GB from their corner', () => {
    const zpl = renderZpl(emptyLabel(203, [{ kind: 'box', x: 10, y: 20, width: 792, height: 4, thickness: 4 }]), options)
    expect(zpl).toContain('^FO10,20^GB792,4,4^FS')
  })

  it('remembers the ZPL of frozen (template) boxes only: a box that can still change is drawn as it is now', () => {
    const frozen = Object.freeze({ kind: 'box' as const, x: 10, y: 20, width: 30, height: 40, thickness: 2 })
    expect(renderZpl(emptyLabel(203, [frozen]), options)).toContain('^FO10,20^GB30,40,2^FS')
    expect(renderZpl(emptyLabel(203, [frozen]), options)).toContain('^FO10,20^GB30,40,2^FS')
    const open = { kind: 'box' as const, x: 10, y: 20, width: 30, height: 40, thickness: 2 }
    expect(renderZpl(emptyLabel(203, [open]), options)).toContain('^FO10,20^GB30,40,2^FS')
    open.x = 11
    expect(renderZpl(emptyLabel(203, [open]), options)).toContain('^FO11,20^GB30,40,2^FS')
  })

  it('draws the barcode from its precomputed mode-N data without an interpretation line', () => {
    const { label, barcode } = barcodeLabel('123456789012345', 203, 90)
    const zpl = renderZpl(label, options)
    expect(zpl).toContain(`^FO${barcode.x},${barcode.y}^BY${barcode.moduleWidth}^BCR,${barcode.barHeight},N,N,N,N^FD${barcode.symbol.zplData}^FS`)
  })
})

describe('zplFontDownload', () => {
  it('stores the bytes as hex with their length', () => {
    const bytes = Uint8Array.from([0, 1, 0xab, 0xff])
    expect(zplFontDownload(bytes, 'E:LWSANS.TTF')).toBe('~DUE:LWSANS.TTF,4,0001ABFF')
  })

  it('respects views into larger buffers', () => {
    const bytes = new Uint8Array([9, 9, 0x12, 0x34, 9]).subarray(2, 4)
    expect(zplFontDownload(bytes, 'E:X.TTF')).toBe('~DUE:X.TTF,2,1234')
  })
})
