// DashLink parcel records from the guide (seed 004): create request, create response, webhook payloads, and the
// carrier rules (errors when strict, warnings otherwise).
import { describe, expect, it } from 'vitest'
import { adaptRecord } from '../../../src/records/index.ts'
import { errorOf, fixture, type Json } from '../fixtures.ts'

const adapt = (record: Json, strict = false): ReturnType<typeof adaptRecord> => adaptRecord(record, { source: 'dashlink', strict })
const request = (changes: Json = {}): Json => ({ ...fixture('dashlink-create-request-with-tracking'), ...changes })

describe('dashlink adapter', () => {
  it('refuses the guide\'s request sample, whose external_delivery_id is empty (DashLink would generate the code)', () => {
    const err = errorOf(() => adapt(fixture('dashlink-create-request')))
    expect(err.code).toBe('MISSING_TRACKING_CODE')
    expect(err.issues).toEqual([
      { path: 'record.pickup_reference_tag', rule: 'required', message: 'missing' },
      { path: 'record.external_delivery_id', rule: 'required', message: 'empty' },
      { path: 'record.items.0.barcode', rule: 'required', message: 'missing' }
    ])
    expect(err.message).toMatch(/send the code the carrier scans in record.pickup_reference_tag/)
  })

  it('reads the request sample with a shipper tracking code; it passes every carrier rule', () => {
    const { data, warnings, fieldPaths, source } = adapt(request(), true)
    expect(source).toBe('dashlink')
    expect(warnings).toEqual([])
    expect(data).toEqual({
      trackingCode: 'DLK-1000200030004000',
      shipper: { name: 'Best Clothing Brand' },
      recipient: {
        name: 'Jane Doe',
        phone: '+16505555555',
        address: { lines: ['12952 14th St', 'Apt# 45'], city: 'Yucaipa', region: 'CA', postalCode: '92399', country: 'US' }
      },
      package: { weight: { value: 2.8, unit: 'lb' }, dimensions: { length: 16, width: 10, height: 12, unit: 'in' }, description: 'Clothing' },
      references: [{ label: 'Ref#', value: 'order-1234' }],
      sortCode: 'BestClothingBrand-CA-1',
      instructions: 'Place package behind garden gnome',
      carrierLine: 'By DashLink'
    })
    expect(fieldPaths).toMatchObject({
      trackingCode: 'record.external_delivery_id',
      'recipient.address.lines.1': 'record.dropoff_address_components.sub_premise',
      'package.weight': 'record.items.0.weight',
      'references.0.value': 'record.items.0.external_id',
      sortCode: 'record.origin_facility_id'
    })
  })

  it('reads the response sample: pickup_reference_tag is the code, Ref# skips the item id equal to it', () => {
    const { data, fieldPaths, warnings } = adapt(fixture('dashlink-create-response'), true)
    expect(warnings).toEqual([])
    expect(data.trackingCode).toBe('DDVXXGRZTQGYSJCUD')
    expect(fieldPaths.trackingCode).toBe('record.pickup_reference_tag')
    expect(data.references).toEqual([{ label: 'Ref#', value: 'order-1234' }])
    expect(fieldPaths['references.0.value']).toBe('record.items.0.barcode')
    expect(data.recipient.address).toEqual({ lines: ['12952 14th St'], city: 'Yucaipa', region: 'CA', postalCode: '92399', country: 'US' })
    expect(data.shipper.address).toEqual({ lines: ['2270 Camino Vida Roble'], city: 'Carlsbad', region: 'CA', postalCode: '92011-1503', country: 'US' })
    expect(data).toMatchObject({ shipDate: '2024-10-09', sortCode: 'INE-11', package: { weight: { value: 2.8, unit: 'lb' } } })
  })

  it('is what auto picks for parcel records', () => {
    for (const name of ['dashlink-create-request-with-tracking', 'dashlink-create-response']) {
      expect(adaptRecord(fixture(name), { source: 'auto', strict: false }).source, name).toBe('dashlink')
    }
    const { order_fulfillment_method: _m, ...byFacility } = request()
    expect(adaptRecord(byFacility, { source: 'auto', strict: false }).source).toBe('dashlink')
  })

  it('reads the webhook payloads when told they are DashLink: one-line addresses, a phone without +', () => {
    const delivered = adapt(fixture('dashlink-webhook-delivered'))
    expect(delivered.data.recipient).toEqual({
      name: 'Jane Doe',
      phone: '+16505555555',
      address: { lines: ['111 Hawks Rd.'], city: 'Kennesaw', region: 'GA', postalCode: '30152', country: 'US' }
    })
    expect(delivered.data.shipper).toMatchObject({ name: 'BestClothingBrand', address: { lines: ['2200 Thornton Rd', '# 100## 100'], city: 'Lithia Springs' } })
    expect(delivered.warnings).toContainEqual(expect.objectContaining({ code: 'PHONE_COUNTRY_CODE_ADDED', path: 'record.dropoff_phone_number' }))
    const redeliver = adapt(fixture('dashlink-webhook-redeliver'))
    expect(redeliver.data.recipient.address).toEqual({ lines: ['1 Maryland Dr'], country: 'US' })
    expect(redeliver.warnings).toContainEqual(expect.objectContaining({ code: 'ADDRESS_UNPARSED', path: 'record.dropoff_address' }))
    const err = errorOf(() => adapt(fixture('dashlink-webhook-redeliver'), true))
    expect(err.code).toBe('CARRIER_RULE_VIOLATION')
    expect(err.issues.map((i) => `${i.path} ${i.rule}`)).toEqual([
      'record.items single_item',
      'record.dropoff_address required',
      'record.dropoff_address required',
      'record.dropoff_address required'
    ])
  })

  const limits: [string, Json, string, string][] = [
    ['given name over 25', { dropoff_contact_given_name: 'G'.repeat(26) }, 'record.dropoff_contact_given_name', 'max_length'],
    ['family name over 25', { dropoff_contact_family_name: 'F'.repeat(26) }, 'record.dropoff_contact_family_name', 'max_length'],
    ['no family name', { dropoff_contact_family_name: '' }, 'record.dropoff_contact_family_name', 'required'],
    ['business name over 50', { dropoff_business_name: 'B'.repeat(51) }, 'record.dropoff_business_name', 'max_length'],
    ['street over 50', { dropoff_address_components: { street_address: `1 ${'S'.repeat(49)}`, city: 'Yucaipa', state: 'CA', zip_code: 92399 } }, 'record.dropoff_address_components.street_address', 'max_length'],
    ['sub-premise over 50', { dropoff_address_components: { street_address: '1 Main St', sub_premise: 'U'.repeat(51), city: 'Yucaipa', state: 'CA', zip_code: 92399 } }, 'record.dropoff_address_components.sub_premise', 'max_length'],
    ['instructions over 100', { dropoff_instructions: 'I'.repeat(101) }, 'record.dropoff_instructions', 'max_length'],
    ['two items', { items: [{ quantity: 1, weight: 1, length: 1, width: 1, height: 1 }, { quantity: 1, weight: 1, length: 1, width: 1, height: 1 }] }, 'record.items', 'single_item'],
    ['quantity 2', { items: [{ quantity: 2, weight: 1, length: 1, width: 1, height: 1 }] }, 'record.items.0.quantity', 'item_quantity'],
    ['no weight', { items: [{ quantity: 1, length: 1, width: 1, height: 1 }] }, 'record.items.0.weight', 'item_weight'],
    ['no dimensions', { items: [{ quantity: 1, weight: 1, length: 1 }] }, 'record.items.0', 'item_dimensions'],
    ['Canadian address', { dropoff_address_components: { street_address: '1 Front St W', city: 'Toronto', province: 'ON', postal_code: 'M5J 2X5', country: 'CA' } }, 'record.dropoff_address_components.country', 'us_address'],
    ['a ZIP that is not 5 digits', { dropoff_address_components: { street_address: '1 Main St', city: 'Yucaipa', state: 'CA', zip_code: '9239' } }, 'record.dropoff_address_components.zip_code', 'us_zip'],
    ['a phone that is not E.164', { dropoff_phone_number: '555-1234' }, 'record.dropoff_phone_number', 'e164'],
    ['no phone', { dropoff_phone_number: null }, 'record.dropoff_phone_number', 'required'],
    ['a tracking code under 15 characters', { external_delivery_id: 'DLK-12345' }, 'record.external_delivery_id', 'tracking_code_length'],
    ['a tracking code over 35 characters', { external_delivery_id: `DLK${'1'.repeat(33)}` }, 'record.external_delivery_id', 'tracking_code_length'],
    ['a tracking code with a space', { external_delivery_id: 'DLK 100020003000400' }, 'record.external_delivery_id', 'tracking_code_charset']
  ]

  for (const [what, changes, path, rule] of limits) {
    it(`${what}: CARRIER_RULE_VIOLATION at ${path} when strict, a warning otherwise`, () => {
      const err = errorOf(() => adapt(request(changes), true))
      expect(err.code).toBe('CARRIER_RULE_VIOLATION')
      expect(err.issues).toEqual([expect.objectContaining({ path, rule })])
      expect(err.issues[0]?.message).toMatch(/DashLink|E\.164|ZIP|US/)
      const { warnings } = adapt(request(changes))
      expect(warnings.filter((w) => w.code !== 'TRACKING_CODE_SCANNER_UNSAFE')).toEqual([expect.objectContaining({ code: 'CARRIER_RULE', path })])
    })
  }

  it('accepts exactly the maximum lengths', () => {
    const record = request({
      dropoff_contact_given_name: 'G'.repeat(25),
      dropoff_contact_family_name: 'F'.repeat(25),
      dropoff_business_name: 'B'.repeat(50),
      dropoff_address_components: { street_address: `1 ${'S'.repeat(48)}`, sub_premise: 'U'.repeat(50), city: 'Yucaipa', state: 'CA', zip_code: 92399 },
      dropoff_instructions: 'I'.repeat(100),
      external_delivery_id: `DLK${'1'.repeat(32)}`
    })
    expect(adapt(record, true).warnings).toEqual([])
  })

  it('warns (never refuses) about a leading zero or a missing 3-letter prefix', () => {
    const { warnings } = adapt(request({ external_delivery_id: '0123456789012345' }), true)
    expect(warnings.map((w) => w.code)).toEqual(['TRACKING_CODE_LEADING_ZERO', 'TRACKING_CODE_NO_PREFIX'])
    expect(warnings[0]?.path).toBe('record.external_delivery_id')
  })

  it('lists every broken rule at once', () => {
    const err = errorOf(() => adapt(request({ dropoff_contact_given_name: 'G'.repeat(26), dropoff_instructions: 'I'.repeat(101), dropoff_phone_number: '12' }), true))
    expect(err.issues.map((i) => i.rule)).toEqual(['max_length', 'max_length', 'e164'])
    expect(err.message).toMatch(/\(and 2 more\)/)
  })
})
