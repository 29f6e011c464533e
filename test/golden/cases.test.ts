// The case table and its fixtures: every fixture is a valid generic record, the table covers both templates,
// both densities and both formats for every record, and the tracking codes stress what they claim to.
import { readdirSync } from 'node:fs'
import { Value } from '@sinclair/typebox/value'
import { describe, expect, it } from 'vitest'
import { encodeCode128 } from '../../src/barcode/code128.ts'
import { GENERIC_RECORD_SCHEMA } from '../../src/records/generic-schema.ts'
import { allGoldenFiles, goldenCases, LABEL_CASES, loadRecord } from './cases.ts'

const trackingCode = (fixture: string): string =>
  (loadRecord({ name: fixture, template: 'standard', fixture, shows: '' }) as { tracking_code: string }).tracking_code

describe('golden fixtures', () => {
  const fixtures = readdirSync(new URL('./fixtures/', import.meta.url)).map((f) => f.replace(/\.json$/, ''))

  it.each(fixtures)('%s is a generic record', (fixture) => {
    const record = loadRecord({ name: fixture, template: 'standard', fixture, shows: '' })
    expect([...Value.Errors(GENERIC_RECORD_SCHEMA, record)].map((e) => `${e.path}: ${e.message}`)).toEqual([])
  })

  it('are all used by the table', () => {
    expect(new Set(LABEL_CASES.map((c) => c.fixture))).toEqual(new Set(fixtures))
  })

  it('include a 15-digit numeric code (subset C only) and a 35-character alphanumeric one', () => {
    const numeric = encodeCode128(trackingCode('numeric-15-tracking'))
    expect(numeric.data).toMatch(/^\d{15}$/)
    expect(numeric.zplData.startsWith('>;')).toBe(true)
    expect(trackingCode('alphanumeric-35-tracking')).toMatch(/^(?=.*\d)(?=.*[A-Z])[A-Z0-9]{35}$/)
  })

  it('include a 35-character code that switches from subset B to C mid-symbol (`>5`, which zebrash needs fixed up)', () => {
    const code = trackingCode('max-length')
    expect(code).toHaveLength(35)
    expect(encodeCode128(code).zplData.slice(2)).toContain('>5')
  })
})

describe('golden case table', () => {
  it('has both templates × 15 records (6 Latin, 9 script families), × ZPL/PDF × 203/300 dpi, each with its own file', () => {
    expect(LABEL_CASES).toHaveLength(30)
    expect(new Set(LABEL_CASES.map((c) => c.template))).toEqual(new Set(['standard', 'dashlink']))
    const all = [...goldenCases(203), ...goldenCases(300)]
    expect(all).toHaveLength(120)
    expect(allGoldenFiles().size).toBe(120)
    expect(all.filter((g) => g.format === 'pdf' && g.dpi === 300)).toHaveLength(30)
    for (const script of ['japanese', 'chinese', 'korean', 'arabic', 'hebrew', 'thai', 'hindi', 'vietnamese', 'latin-arabic']) {
      expect(LABEL_CASES.filter((c) => c.fixture.startsWith(`script-${script}`)).map((c) => c.template)).toEqual(['standard', 'dashlink'])
    }
  })
})
