// Records nested or sized beyond any real delivery record are refused as VALIDATION_FAILED naming where the check
// gave up, before an adapter (or String(), Array.join) recurses into them.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../src/errors.ts'
import { adaptRecord } from '../../src/records/index.ts'
import { checkRecordLimits, RECORD_LIMITS } from '../../src/records/limits.ts'

const DRIVE = JSON.parse(readFileSync(new URL('./fixtures/drive-create-request.json', import.meta.url), 'utf8')) as Record<string, unknown>

/** `levels` arrays nested in one another around one string. */
export function nestedArray (levels: number): unknown {
  let value: unknown = '901 Market Street'
  for (let i = 0; i < levels; i++) value = [value]
  return value
}

function driveWithStreet (street: unknown): Record<string, unknown> {
  const components = { ...(DRIVE.dropoff_address_components as Record<string, unknown>), street_address: street }
  return { ...DRIVE, dropoff_address_components: components }
}

function refusal (fn: () => unknown): ValidationError {
  try {
    fn()
  } catch (err) {
    if (err instanceof ValidationError) return err
    throw err
  }
  throw new Error('not refused')
}

describe('record limits', () => {
  it('refuses a street address nested 3,218 arrays deep (a stack overflow, so a 500, without the check)', () => {
    const err = refusal(() => adaptRecord(driveWithStreet(nestedArray(3_218)), { source: 'auto', strict: false }))
    expect(err.code).toBe('VALIDATION_FAILED')
    const [issue] = err.issues
    expect(issue?.rule).toBe('max_depth')
    expect(issue?.path.startsWith('record.dropoff_address_components.street_address.0.0')).toBe(true)
  })

  it('refuses nesting far beyond the stack too, without recursing', () => {
    expect(refusal(() => checkRecordLimits({ a: nestedArray(1_000_000) })).issues[0]?.rule).toBe('max_depth')
  })

  it('names each bound broken', () => {
    const cases: [unknown, string, string][] = [
      [{ list: new Array(RECORD_LIMITS.maxItems + 1).fill(1) }, 'record.list', 'max_items'],
      [{ o: Object.fromEntries(Array.from({ length: RECORD_LIMITS.maxKeys + 1 }, (_, i) => [`k${i}`, i])) }, 'record.o', 'max_keys'],
      [{ name: 'x'.repeat(RECORD_LIMITS.maxStringLength + 1) }, 'record.name', 'max_length'],
      [{ a: Array.from({ length: 60 }, () => new Array(1_000).fill(0)) }, 'record.a', 'max_values']
    ]
    for (const [record, path, rule] of cases) {
      const [issue] = refusal(() => checkRecordLimits(record)).issues
      expect(issue?.rule).toBe(rule)
      expect(issue?.path.startsWith(path)).toBe(true)
    }
  })

  it('lets every real record through and still reads shallow nesting', () => {
    expect(() => checkRecordLimits(DRIVE)).not.toThrow()
    expect(() => checkRecordLimits(nestedArray(RECORD_LIMITS.maxDepth - 1))).not.toThrow()
    expect(adaptRecord(DRIVE, { source: 'auto', strict: false }).source).toBe('drive')
  })
})
