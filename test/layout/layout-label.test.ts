import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { LayoutError, UnsupportedCharacterError } from '../../src/errors.ts'
import { layoutLabel, parseTemplate } from '../../src/layout/index.ts'
import type { LabelData } from '../../src/model/label-data.ts'
import type { TextElement } from '../../src/model/label.ts'
import { inchesToDots, SUPPORTED_DPI } from '../../src/units.ts'
import { FONT, TEMPLATES, TEMPLATES_DIR, fullData, maxLengthData } from './fixtures.ts'
import { ALL, barcodeOf, labelProblems, layout, texts } from './label-checks.ts'

describe('layoutLabel', () => {
  it.each(ALL)('%s at %i dpi: a 4x6 label with its tracking code, every rule kept', (name, dpi) => {
    const label = layout(fullData(), name, dpi)
    expect([label.widthDots, label.heightDots]).toEqual(dpi === 203 ? [812, 1218] : [1200, 1800])
    expect([label.template, label.trackingCode, label.dpi, label.warnings]).toEqual([name, 'DL1234567890ABCDEF', dpi, []])
    expect(labelProblems(label, TEMPLATES.get(name)!)).toEqual([])
    const printed = texts(label).map((e) => e.text).join('\n')
    for (const shown of ['Corner Books & Coffee', '2270 Camino Vida Roble', 'Carlsbad, CA 92011', '11/24/2026', 'Jane Doe', 'Acme Robotics',
      '901 Market Street', '6th Floor', 'San Francisco, CA 94103', '+1 415 555 0123', '5.3 LB', '12 x 9 x 4 IN', 'CHI-2', 'Ref# 123-123443434b',
      'Leave at the front desk.', 'By DashLink', 'DL1234567890ABCDEF']) {
      expect(printed, shown).toContain(shown)
    }
  })

  it.each(ALL)('%s at %i dpi: every DashLink field at its maximum length fits without truncation or clipping', (name, dpi) => {
    const data = maxLengthData()
    const label = layout(data, name, dpi)
    expect(label.warnings).toEqual([])
    expect(labelProblems(label, TEMPLATES.get(name)!)).toEqual([])
    // Nothing dropped: the printed lines of each field join back to the field (wrapping only breaks at spaces).
    const joined = (field: string): string => texts(label, field).map((e) => e.text).join(' ')
    expect(joined('recipient.name')).toBe(data.recipient.name)
    expect(joined('recipient.company')).toBe(data.recipient.company)
    expect(joined('recipient.address.lines.0')).toBe(data.recipient.address.lines[0])
    expect(joined('recipient.address.lines.1')).toBe(data.recipient.address.lines[1])
    expect(joined('instructions')).toBe(data.instructions)
  })

  it('shrinks a long name before wrapping it, and wraps it before truncating', () => {
    const short = texts(layout(fullData(), 'dashlink', 203), 'recipient.name')
    const longer = { ...fullData(), recipient: { ...fullData().recipient, name: 'Maximiliana Wolkenstein-Montgomery' } }
    const shrunk = texts(layout(longer, 'dashlink', 203), 'recipient.name')
    expect(shrunk).toHaveLength(1)
    expect(shrunk[0]!.fontHeight).toBeLessThan(short[0]!.fontHeight)
    const wrapped = texts(layout(maxLengthData(), 'dashlink', 203), 'recipient.name')
    expect(wrapped).toHaveLength(2)
  })

  it('lays 300 dpi out natively: edges from inches at 300 dpi and a 3-dot module, not a scaled 203 layout', () => {
    const spec = JSON.parse(readFileSync(path.join(TEMPLATES_DIR, 'dashlink.json'), 'utf8')) as { barcode: { horizontal: { y: number, height: number } }, regions: Array<{ type: string, y: number }> }
    const lineYs = spec.regions.filter((r) => r.type === 'line').map((r) => r.y)
    for (const dpi of SUPPORTED_DPI) {
      const label = layout(fullData(), 'dashlink', dpi)
      const boxes = label.elements.filter((e) => e.kind === 'box').map((e) => e.y)
      expect(boxes).toEqual(lineYs.map((y) => inchesToDots(y, dpi)))
      const bars = barcodeOf(label)
      const { y, height } = spec.barcode.horizontal
      expect(bars.barHeight).toBe(inchesToDots(y + height, dpi) - inchesToDots(y, dpi))
      expect(Number.isInteger(bars.moduleWidth)).toBe(true)
    }
    // A 203 dpi layout scaled up would put the line at 2.8 in on dot 839, not 840.
    const scaled = layout(fullData(), 'dashlink', 203).elements.filter((e) => e.kind === 'box').map((e) => Math.round(e.y * 300 / 203))
    expect(scaled).not.toEqual(lineYs.map((y) => inchesToDots(y, 300)))
  })

  it('shares its rules and boxes between labels as frozen elements, so one label cannot move another\'s', () => {
    const first = layout(fullData(), 'standard', 203).elements.filter((e) => e.kind === 'box')
    const second = layout(fullData(), 'standard', 203).elements.filter((e) => e.kind === 'box')
    expect(first.length).toBeGreaterThan(0)
    expect(second).toEqual(first)
    for (const box of first) {
      expect(Object.isFrozen(box)).toBe(true)
      expect(() => { box.x += 1 }).toThrow(TypeError)
    }
  })
})

describe('layoutLabel text', () => {
  it('truncates only as a last resort, with "…" and a warning naming the label-data path', () => {
    const data = { ...fullData(), instructions: 'Please ring the bell and wait for the concierge. '.repeat(8).trim() }
    const label = layout(data, 'standard', 203)
    expect(label.warnings).toHaveLength(1)
    expect(label.warnings[0]).toMatchObject({ code: 'TEXT_TRUNCATED', path: 'instructions' })
    const lines = texts(label, 'instructions')
    expect(lines).toHaveLength(3)
    expect(lines[2]!.text.endsWith('…')).toBe(true)
    expect(lines.every((e) => e.fontHeight === inchesToDots(0.09, 203))).toBe(true)
    expect(labelProblems(label, TEMPLATES.get('standard')!).filter((p) => !p.includes('truncated'))).toEqual([])
  })

  it('names the value that was cut when a region prints several', () => {
    const data = fullData()
    data.recipient.address.city = 'Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch'
    data.recipient.address.postalCode = '94103-1234-'.repeat(16)
    const label = layout(data, 'dashlink', 203)
    expect(label.warnings.map((w) => w.path)).toEqual(['recipient.address.postalCode'])
  })

  it('rejects a character the font cannot print, naming the label-data path and the character', () => {
    const cases: Array<[(d: LabelData) => void, string]> = [
      [(d) => { d.recipient.name = 'Tanaka 漢字' }, 'recipient.name'],
      [(d) => { d.recipient.address.lines[0] = '1-2 Chiyoda 漢' }, 'recipient.address.lines.0'],
      [(d) => { d.instructions = 'Leave 📦 at door' }, 'instructions']
    ]
    for (const [change, path] of cases) {
      const data = fullData()
      change(data)
      const err = (() => { try { layout(data, 'dashlink', 300) } catch (e) { return e } })()
      expect(err).toBeInstanceOf(UnsupportedCharacterError)
      expect((err as UnsupportedCharacterError).path).toBe(path)
      expect(['漢', '📦']).toContain((err as UnsupportedCharacterError).character)
    }
  })

  it('prints accented Latin, Polish, Greek and Cyrillic text as given', () => {
    const data = fullData()
    data.recipient.name = 'Zażółć Gęślą-Jaźń'
    data.recipient.company = 'Ωμέγα Αθήνα ΑΕ'
    data.recipient.address.lines = ['ул. Щёлковская 12', 'Bâtiment É, 3e étage']
    data.recipient.address.city = 'Kraków'
    for (const [name, dpi] of ALL) {
      const label = layout(data, name, dpi)
      const printed = texts(label).map((e) => e.text).join('\n')
      for (const s of ['Zażółć Gęślą-Jaźń', 'Ωμέγα Αθήνα ΑΕ', 'ул. Щёлковская 12', 'Kraków']) expect(printed).toContain(s)
      expect(label.warnings).toEqual([])
    }
  })

  it('prints up to four references and reports any it has no place for, never dropping one silently', () => {
    const data = fullData()
    data.references = ['A', 'B', 'C', 'D', 'E'].map((v, i) => ({ label: i === 0 ? 'Ref#' : `R${i}`, value: `${v}-100${i}` }))
    for (const [name, dpi] of ALL) {
      const label = layout(data, name, dpi)
      const printed = texts(label).map((e) => e.text).join('\n')
      for (const ref of ['Ref# A-1000', 'R1 B-1001', 'R2 C-1002', 'R3 D-1003']) expect(printed).toContain(ref)
      expect(printed).not.toContain('E-1004')
      expect(label.warnings).toEqual([expect.objectContaining({ code: 'FIELD_NOT_PRINTED', path: 'references.4' })])
    }
  })

  it('reports a value its template has no region for', () => {
    const bare = parseTemplate('bare', 'bare.json', JSON.stringify({
      description: 'name only',
      barcode: { horizontal: { x: 0, y: 4.5, width: 4, height: 1 }, vertical: { x: 2.9, y: 0.2, width: 0.9, height: 5.6 } },
      regions: [{ type: 'text', text: '{recipient.name}', x: 0.1, y: 0.1, width: 2.5, height: 0.5, fontSize: 0.3, minFontSize: 0.1 }]
    }))
    const data = fullData()
    data.references = []
    const paths = layoutLabel(data, { template: bare, dpi: 203, font: FONT }).warnings.map((w) => w.path)
    expect(paths).toContain('recipient.phone')
    expect(paths).toContain('instructions')
    expect(paths).not.toContain('recipient.name')
    expect(paths).not.toContain('trackingCode')
  })

  it('leaves out empty fields and closes up the address block', () => {
    const data = fullData()
    delete data.recipient.company
    delete data.sortCode
    const label = layout(data, 'dashlink', 203)
    expect(texts(label, 'recipient.company')).toEqual([])
    expect(texts(label, 'sortCode')).toEqual([])
    const full = layout(fullData(), 'dashlink', 203)
    // The street moves up to where the company was (give or take the dot a different font size moves a box).
    const street = texts(label, 'recipient.address.lines.0')[0]!.y
    expect(Math.abs(street - texts(full, 'recipient.company')[0]!.y)).toBeLessThanOrEqual(2)
    expect(street).toBeLessThan(texts(full, 'recipient.address.lines.0')[0]!.y - 30)
  })
})

describe('layoutLabel with a template of its own', () => {
  const custom = parseTemplate('custom', 'custom.json', JSON.stringify({
    description: 'rotated text and a field that must not be cut',
    barcode: { horizontal: { x: 0, y: 4.5, width: 4, height: 1 }, vertical: { x: 2.9, y: 0.2, width: 0.9, height: 5.6 } },
    regions: [
      { type: 'text', text: '{recipient.name}', x: 0.1, y: 0.1, width: 0.5, height: 2.5, fontSize: 0.3, minFontSize: 0.1, maxLines: 2, rotation: 90 },
      { type: 'text', text: '{sortCode}', x: 0.8, y: 0.1, width: 2, height: 0.3, fontSize: 0.2, minFontSize: 0.1, truncate: false }
    ]
  }))

  it('stacks rotated lines from the region\'s right edge, reading down, inside the region', () => {
    const label = layoutLabel(maxLengthData(), { template: custom, dpi: 203, font: FONT })
    const lines = texts(label, 'recipient.name')
    expect(lines.length).toBeGreaterThan(1)
    expect(labelProblems(label, custom)).toEqual([])
    const [first, second] = lines as [TextElement, TextElement]
    expect(first.rotation).toBe(90)
    expect([first.width, first.height]).toEqual([first.fontHeight, Math.ceil(FONT.advanceUnits(first.text) * first.fontWidth / FONT.unitsPerEm)])
    expect(second.x).toBeLessThan(first.x)
    expect(first.x + first.width).toBeLessThanOrEqual(inchesToDots(0.6, 203))
  })

  it('fails with LAYOUT_OVERFLOW, naming the field, when a region that may not be cut overflows', () => {
    const data = { ...fullData(), sortCode: 'SORT-'.repeat(20) }
    const err = (() => { try { layoutLabel(data, { template: custom, dpi: 300, font: FONT }) } catch (e) { return e } })()
    expect(err).toBeInstanceOf(LayoutError)
    expect((err as LayoutError).code).toBe('LAYOUT_OVERFLOW')
    expect((err as LayoutError).issues[0]?.path).toBe('sortCode')
  })
})

describe('the standard template without a sort code', () => {
  it.each(SUPPORTED_DPI)('shows the ship date large in the middle of the sort code box instead of leaving it half empty (%i dpi)', (dpi) => {
    const withCode = layout(fullData(), 'standard', dpi)
    const { sortCode: _code, ...rest } = fullData()
    const without = layout(rest, 'standard', dpi)
    const [code] = texts(withCode, 'sortCode')
    const [smallDate] = texts(withCode, 'shipDate')
    const [largeDate] = texts(without, 'shipDate')
    expect(texts(without, 'shipDate')).toHaveLength(1)
    // Across the middle of the box (0.1 to 0.86 in), below where the code starts.
    const middle = (largeDate?.y ?? 0) + (largeDate?.height ?? 0) / 2
    expect(middle).toBeGreaterThan(inchesToDots(0.38, dpi))
    expect(middle).toBeLessThan(inchesToDots(0.58, dpi))
    expect(largeDate?.y).toBeGreaterThan(code?.y ?? Infinity)
    expect(largeDate?.fontHeight).toBeGreaterThan(smallDate?.fontHeight ?? Infinity)
    expect(texts(without, 'package.weight')[0]?.fontHeight).toBeGreaterThan(texts(withCode, 'package.weight')[0]?.fontHeight ?? Infinity)
    expect(labelProblems(without, TEMPLATES.get('standard') as NonNullable<ReturnType<typeof TEMPLATES.get>>)).toEqual([])
  })
})
