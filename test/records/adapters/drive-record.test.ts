// Drive's dropoff address: the components are used when street_address holds anything, and a street_address that is
// not text (an object no String() can convert, a list) is refused naming it, never a crash.
import { describe, expect, it } from 'vitest'
import { adaptRecord } from '../../../src/records/index.ts'
import { errorOf, fixture, type Json } from '../fixtures.ts'

const withStreet = (street: unknown): Json => {
  const record = fixture('drive-create-request') as Record<string, unknown>
  return { ...record, dropoff_address_components: { street_address: street, city: 'San Francisco', state: 'CA', zip_code: '94103', country: 'US' } } as Json
}

describe('drive dropoff address components', () => {
  it('refuses a street_address that String() cannot convert, naming the field, instead of throwing', () => {
    // Own toString and valueOf keys that are not functions make String() throw "Cannot convert object to primitive value".
    for (const street of [{ toString: 1, valueOf: 2 }, JSON.parse('{"__proto__": null, "toString": "x"}') as unknown, [{ toString: {} }]]) {
      const error = errorOf(() => adaptRecord(withStreet(street) as Json, { source: 'drive', strict: false }))
      expect(error.code, JSON.stringify(street)).toBe('VALIDATION_FAILED')
      expect(error.issues.map((i) => i.path)).toContain('record.dropoff_address_components.street_address')
    }
  })

  it('falls back to dropoff_address while street_address is blank', () => {
    for (const street of [undefined, null, '', '   ']) {
      const { data } = adaptRecord(withStreet(street) as Json, { source: 'drive', strict: false })
      expect(data.recipient.address.lines[0], String(street)).toBe('901 Market Street')
    }
  })
})
