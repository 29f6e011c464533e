// The published generic-record schema and the generic adapter agree: what the schema accepts the adapter reads,
// and what the schema requires the adapter requires.
import { Value } from '@sinclair/typebox/value'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { adaptRecord, GENERIC_RECORD_SCHEMA } from '../../src/records/index.ts'
import { errorOf, type Json } from './fixtures.ts'

const bench = (): Json => JSON.parse(readFileSync(new URL('../../bench/fixtures/generic-record.json', import.meta.url), 'utf8')) as Json

describe('GENERIC_RECORD_SCHEMA', () => {
  it('accepts the bench record, which the adapter reads', () => {
    expect(Value.Check(GENERIC_RECORD_SCHEMA, bench())).toBe(true)
    expect(adaptRecord(bench(), { source: 'generic', strict: false }).data.trackingCode).toBe('LWX100200300400500')
  })

  it('accepts the tolerant forms the adapter reads (numeric ZIP and code, one-line address, state alias)', () => {
    const record = { ...bench(), tracking_code: 123456789012345, recipient: { name: 'Sam', address: '1 Main St, Kansas City, MO 64105' }, shipper: { name: 'Acme', address: { line1: '1 Elm St', city: 'Austin', state: 'TX', postal_code: 78701 } } }
    expect(Value.Check(GENERIC_RECORD_SCHEMA, record)).toBe(true)
    expect(adaptRecord(record, { source: 'generic', strict: false }).data.shipper.address).toMatchObject({ lines: ['1 Elm St'], region: 'TX', postalCode: '78701' })
  })

  it('requires what the adapter requires', () => {
    for (const [key, path] of [['tracking_code', 'record.tracking_code'], ['shipper', 'record.shipper'], ['recipient', 'record.recipient']] as const) {
      const { [key]: _removed, ...record } = bench()
      expect(Value.Check(GENERIC_RECORD_SCHEMA, record), key).toBe(false)
      expect(errorOf(() => adaptRecord(record, { source: 'generic', strict: false })).issues[0]?.path).toBe(path)
    }
  })
})
