import { describe, expect, it } from 'vitest'
import { lengthUnit, weightUnit } from '../../src/records/package.ts'
import { RecordReader } from '../../src/records/reader.ts'

describe('package units', () => {
  it('reads weight and length units as records spell them', () => {
    const r = new RecordReader()
    expect(weightUnit(r, { u: 'Pounds' }, 'u', 'record.package')).toBe('lb')
    expect(lengthUnit(r, { u: 'centimetres' }, 'u', 'record.package')).toBe('cm')
    expect(lengthUnit(r, {}, 'u', 'record.package', 'in')).toBe('in')
    expect(r.issues).toEqual([])
  })

  it('names the field and the rule for a missing or unknown unit, prototype names included', () => {
    const r = new RecordReader()
    expect(weightUnit(r, {}, 'unit', 'record.w')).toBeUndefined()
    expect(lengthUnit(r, {}, 'unit', 'record.d')).toBeUndefined()
    expect(weightUnit(r, { unit: 'constructor' }, 'unit', 'record.w')).toBeUndefined()
    expect(lengthUnit(r, { unit: 'feet' }, 'unit', 'record.d')).toBeUndefined()
    expect(r.issues).toEqual([
      { path: 'record.w.unit', rule: 'required', message: 'weight unit is required: lb, oz, kg or g' },
      { path: 'record.d.unit', rule: 'required', message: 'dimension unit is required: in or cm' },
      { path: 'record.w.unit', rule: 'enum', message: '"constructor" is not a weight unit; use lb, oz, kg or g' },
      { path: 'record.d.unit', rule: 'enum', message: '"feet" is not a length unit; use in or cm' }
    ])
  })
})
