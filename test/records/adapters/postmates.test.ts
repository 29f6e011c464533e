// Postmates v1 records: the delivery object (detailed_address, manifest object) and the create request
// (dropoff_name / dropoff_address, manifest as text, manifest_reference).
import { describe, expect, it } from 'vitest'
import { adaptRecord } from '../../../src/records/index.ts'
import { errorOf, fixture, type Json } from '../fixtures.ts'

const adapt = (record: Json, strict = false): ReturnType<typeof adaptRecord> => adaptRecord(record, { source: 'postmates', strict })

describe('postmates adapter', () => {
  it('reads the delivery object', () => {
    const { data, fieldPaths } = adapt(fixture('postmates-delivery'))
    expect(data).toEqual({
      trackingCode: 'del_KSsT9zJdfV3P9k',
      shipDate: '2026-11-23',
      shipper: {
        name: 'Kitten Warehouse',
        phone: '+14155558484',
        address: { lines: ['20 McAllister St'], city: 'San Francisco', region: 'CA', postalCode: '94102', country: 'US' }
      },
      recipient: {
        name: 'Alice Moreau',
        phone: '+14155551212',
        address: { lines: ['678 Green St', 'Apt 4'], city: 'San Francisco', region: 'CA', postalCode: '94133', country: 'US' }
      },
      package: { description: 'A box of kittens' },
      references: [{ label: 'Ref#', value: 'SO-55310' }],
      instructions: 'Tell the security guard that you\'re here to see Alice.',
      carrierLine: 'Postmates'
    })
    expect(fieldPaths).toMatchObject({
      trackingCode: 'record.id',
      'recipient.name': 'record.dropoff.name',
      'recipient.address.lines.1': 'record.dropoff.detailed_address.street_address_2',
      'references.0.value': 'record.manifest.reference',
      instructions: 'record.dropoff.notes',
      shipDate: 'record.created'
    })
  })

  it('reads the create request: one-line address parsed, newlines in notes folded, manifest reference as the code', () => {
    const { data, warnings, fieldPaths } = adapt(fixture('postmates-create-request'))
    expect(data.recipient).toEqual({
      name: 'Alice Moreau',
      phone: '+14155551212',
      address: { lines: ['678 Green St', 'Apt 4'], city: 'San Francisco', region: 'CA', postalCode: '94133', country: 'US' }
    })
    expect(data.instructions).toBe('Tell the security guard that you\'re here to see Alice. Buzz #4.')
    expect(data.trackingCode).toBe('PMX-SO-55310-0001')
    expect(data.references).toEqual([])
    expect(data.package).toEqual({ description: 'A box of kittens' })
    expect(fieldPaths['recipient.address.city']).toBe('record.dropoff_address')
    expect(warnings.map((w) => w.code)).toContain('TRACKING_CODE_FALLBACK')
  })

  it('prints an address it cannot parse as given, with a warning', () => {
    const { data, warnings } = adapt({ ...fixture('postmates-create-request'), dropoff_address: 'Pier 39, stall 12' })
    expect(data.recipient.address).toEqual({ lines: ['Pier 39', 'stall 12'], country: 'US' })
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'ADDRESS_UNPARSED', path: 'record.dropoff_address' }))
  })

  it('refuses a create request without an id or manifest reference, listing the fields looked at', () => {
    const { manifest_reference: _m, ...record } = fixture('postmates-create-request')
    const err = errorOf(() => adapt(record))
    expect(err.code).toBe('MISSING_TRACKING_CODE')
    expect(err.issues.map((i) => i.path)).toEqual(['record.id', 'record.manifest_reference', 'record.manifest.reference'])
  })

  it('names the shipper when the pickup has no name', () => {
    const err = errorOf(() => adapt({ ...fixture('postmates-create-request'), pickup_name: '', pickup_business_name: null }))
    expect(err.issues).toEqual([{ path: 'record.pickup_name', rule: 'required', message: 'shipper name is required (the pickup name or pickup business name)' }])
  })

  it('is what auto picks for Postmates records', () => {
    for (const name of ['postmates-delivery', 'postmates-create-request']) {
      expect(adaptRecord(fixture(name), { source: 'auto', strict: false }).source, name).toBe('postmates')
    }
  })
})
