import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { InvalidTemplateError } from '../../src/errors.ts'
import { loadTemplates, parseTemplate } from '../../src/layout/index.ts'
import { FONT, TEMPLATES_DIR } from './fixtures.ts'

interface Rect { x: number, y: number, width: number, height: number }
/** A template file as a test edits it. */
interface Editable { description: string, barcode: { horizontal: Rect, vertical: Rect }, regions: Array<Record<string, unknown>> }

/** A small valid template; tests break one thing in a copy. */
function minimal (): Editable {
  return {
    description: 'test template',
    barcode: {
      horizontal: { x: 0, y: 3, width: 4, height: 1 },
      vertical: { x: 3, y: 0, width: 0.9, height: 6 }
    },
    regions: [
      { type: 'text', text: '{recipient.name}', x: 0.1, y: 0.1, width: 2.8, height: 0.5, fontSize: 0.3, minFontSize: 0.12, maxLines: 2 },
      { type: 'line', x: 0.1, y: 0.7, width: 2.8, height: 0.03 }
    ]
  }
}

function problem (json: string, file = 'x.json'): InvalidTemplateError {
  try {
    parseTemplate('x', file, json)
  } catch (err) {
    expect(err).toBeInstanceOf(InvalidTemplateError)
    return err as InvalidTemplateError
  }
  throw new Error('the template was accepted')
}

function broken (change: (t: Editable) => void): InvalidTemplateError {
  const t = minimal()
  change(t)
  return problem(JSON.stringify(t))
}

let dir: string | undefined
afterEach(() => {
  if (dir !== undefined) rmSync(dir, { recursive: true, force: true })
  dir = undefined
})

describe('loadTemplates', () => {
  it('loads every template shipped in templates/, named after its file', () => {
    const templates = loadTemplates(TEMPLATES_DIR, FONT)
    expect([...templates.keys()].sort()).toEqual(['dashlink', 'standard'])
    expect(templates.get('dashlink')?.name).toBe('dashlink')
  })

  it('adds a template by adding a file, and names the file and JSON path of a bad one', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'labelworks-templates-'))
    writeFileSync(path.join(dir, 'mine.json'), JSON.stringify(minimal()))
    expect([...loadTemplates(dir, FONT).keys()]).toEqual(['mine'])
    const bad = minimal()
    bad.regions[0]!.x = 3.5
    writeFileSync(path.join(dir, 'zbad.json'), JSON.stringify(bad))
    const err = (() => { try { loadTemplates(dir) } catch (e) { return e } })() as InvalidTemplateError
    expect(err).toBeInstanceOf(InvalidTemplateError)
    expect(err.code).toBe('INVALID_TEMPLATE')
    expect(err.file).toBe(path.join(dir, 'zbad.json'))
    expect(err.message).toContain('zbad.json')
    expect(err.issues).toContainEqual(expect.objectContaining({ path: 'regions[0]', rule: 'off_label' }))
  })

  it('names every bad file at once, each issue led by its file, so one restart shows all of them', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'labelworks-templates-'))
    writeFileSync(path.join(dir, 'good.json'), JSON.stringify(minimal()))
    writeFileSync(path.join(dir, 'a-broken.json'), '{ "regions": [')
    const off = minimal()
    off.regions[0]!.x = 3.5
    writeFileSync(path.join(dir, 'b-off.json'), JSON.stringify(off))
    const err = (() => { try { loadTemplates(dir, FONT) } catch (e) { return e } })() as InvalidTemplateError
    expect(err).toBeInstanceOf(InvalidTemplateError)
    expect(err.code).toBe('INVALID_TEMPLATE')
    expect(err.message).toMatch(/^2 templates in .* are invalid: a-broken\.json \(root\) is not valid JSON.*; b-off\.json regions\[0\] /)
    expect(err.issues).toEqual([
      expect.objectContaining({ path: 'a-broken.json (root)', rule: 'json' }),
      expect.objectContaining({ path: 'b-off.json regions[0]', rule: 'off_label' }),
      expect.objectContaining({ path: 'b-off.json regions[0]', rule: 'overlaps_barcode' })
    ])
  })

  it('fails on a directory with no templates', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'labelworks-templates-'))
    expect(() => loadTemplates(dir as string)).toThrow(InvalidTemplateError)
  })
})

describe('template validation', () => {
  it('bad JSON', () => {
    const err = problem('{ "description": "x", ', 'broken.json')
    expect(err.message).toContain('broken.json')
    expect(err.issues[0]).toMatchObject({ path: '(root)', rule: 'json' })
  })

  it('an unknown field, named by its path', () => {
    const err = broken((t) => { t.regions[0]!.colour = 'red' })
    expect(err.issues.map((i) => i.path)).toContain('regions[0].colour')
  })

  it('an unknown region type and a wrongly typed value', () => {
    expect(broken((t) => { t.regions[1]!.type = 'circle' }).issues[0]).toMatchObject({ path: 'regions[1].type', rule: 'schema' })
    // Names of Object.prototype members are unknown types too, not a crash inside the schema checker.
    expect(broken((t) => { t.regions[1]!.type = 'constructor' }).issues[0]).toMatchObject({ path: 'regions[1].type', rule: 'schema' })
    expect(broken((t) => { t.regions[0]!.fontSize = 'big' }).issues.map((i) => i.path)).toContain('regions[0].fontSize')
  })

  it('a region off the label', () => {
    expect(broken((t) => { t.regions[1]!.y = 5.99 }).issues[0]).toMatchObject({ path: 'regions[1]', rule: 'off_label' })
    expect(broken((t) => { t.barcode.vertical.y = 0.5 }).issues[0]).toMatchObject({ path: 'barcode.vertical', rule: 'off_label' })
  })

  it('a region on the barcode box, in either arrangement', () => {
    expect(broken((t) => { t.regions[1]!.y = 3.5 }).issues[0]).toMatchObject({ path: 'regions[1]', rule: 'overlaps_barcode' })
    const vertical = broken((t) => { t.regions[0]!.whenBarcodeVertical = { width: 3.5 } })
    expect(vertical.issues[0]).toMatchObject({ path: 'regions[0].whenBarcodeVertical', rule: 'overlaps_barcode' })
  })

  it('two texts on top of each other', () => {
    const err = broken((t) => { t.regions.push({ ...t.regions[0], text: '{recipient.company}', y: 0.3 }) })
    expect(err.issues[0]).toMatchObject({ path: 'regions[2]', rule: 'overlap' })
  })

  it('two texts in one place only when they are for the two cases of one onlyWhen field', () => {
    const cases = (a: string, b: string, field = 'recipient.company') => (t: Editable): void => {
      t.regions.push({ ...t.regions[0], text: '{recipient.company}', onlyWhen: { field, is: a } })
      t.regions.push({ ...t.regions[0], text: '{recipient.phone}', onlyWhen: { field: 'recipient.company', is: b } })
      t.regions.splice(0, 1)
    }
    expect(() => parseTemplate('x', 'x.json', JSON.stringify((() => { const t = minimal(); cases('filled', 'empty')(t); return t })()))).not.toThrow()
    expect(broken(cases('filled', 'filled')).issues[0]).toMatchObject({ rule: 'overlap' })
    expect(broken(cases('filled', 'empty', 'recipient.phone')).issues[0]).toMatchObject({ rule: 'overlap' })
    const unknown = broken((t) => { t.regions[0]!.onlyWhen = { field: 'recipient.colour', is: 'filled' } })
    expect(unknown.issues[0]).toMatchObject({ path: 'regions[0].onlyWhen.field', rule: 'unknown_field' })
  })

  it('bars shorter than 0.75 in', () => {
    expect(broken((t) => { t.barcode.horizontal.height = 0.5 }).issues[0]).toMatchObject({ path: 'barcode.horizontal', rule: 'bar_height' })
  })

  it('an unknown placeholder or formatter', () => {
    const err = broken((t) => { t.regions[0]!.text = '{recipient.nickname} {shipDate|fancy}' })
    expect(err.issues.map((i) => [i.path, i.rule])).toEqual([['regions[0].text', 'unknown_placeholder'], ['regions[0].text', 'unknown_formatter']])
  })

  it('fonts too small to print or too large for their region', () => {
    expect(broken((t) => { t.regions[0]!.minFontSize = 0.05 }).issues[0]).toMatchObject({ path: 'regions[0].minFontSize', rule: 'font_too_small' })
    expect(broken((t) => { t.regions[0]!.fontSize = 0.45 }).issues[0]).toMatchObject({ path: 'regions[0]', rule: 'too_short' })
    expect(broken((t) => { t.regions[0]!.maxLines = 4 }).issues[0]).toMatchObject({ path: 'regions[0].maxLines', rule: 'max_lines' })
  })
})
