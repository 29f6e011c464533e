// DoorDash Drive v2 records from the Drive API seed (create request, delivery response) and variations.
import { describe, expect, it } from 'vitest'
import { adaptRecord } from '../../../src/records/index.ts'
import { errorOf, fixture, type Json } from '../fixtures.ts'

const adapt = (record: Json, strict = false): ReturnType<typeof adaptRecord> => adaptRecord(record, { source: 'drive', strict })

describe('drive adapter', () => {
  it('reads the create-delivery request sample', () => {
    const { data, fieldPaths } = adapt(fixture('drive-create-request'))
    expect(data).toEqual({
      trackingCode: 'D-1763',
      shipDate: '2018-08-22',
      shipper: {
        name: 'Wells Fargo SF Downtown',
        phone: '+16505555555',
        address: { lines: ['901 Market Street', '6th Floor'], city: 'San Francisco', region: 'CA', postalCode: '94103', country: 'US' }
      },
      recipient: {
        name: 'John Doe',
        company: 'The Avery Condominium',
        phone: '+16505555555',
        address: { lines: ['901 Market Street', 'Apt. 121'], city: 'San Francisco', region: 'CA', postalCode: '94103', country: 'US' }
      },
      // 2 burritos of 2.8 oz each (item_options.weight_unit overrides Drive's default lb).
      package: { weight: { value: 5.6, unit: 'oz' }, description: 'Mega Burrito contains the biggest beans of the land with extra cheese.' },
      references: [{ label: 'Ref#', value: '123443434' }],
      sortCode: 'ase-243-dzs',
      instructions: 'Enter gate code 1234 on the callbox.',
      carrierLine: 'DoorDash Drive'
    })
    expect(fieldPaths).toMatchObject({
      trackingCode: 'record.external_delivery_id',
      'recipient.name': 'record.dropoff_contact_given_name',
      'recipient.company': 'record.dropoff_business_name',
      'recipient.address.lines.1': 'record.dropoff_address_components.sub_premise',
      'recipient.address.postalCode': 'record.dropoff_address_components.zip_code',
      'shipper.name': 'record.pickup_business_name',
      'shipper.address.city': 'record.pickup_address',
      'references.0.value': 'record.items.0.external_id',
      shipDate: 'record.pickup_time'
    })
  })

  it('reads the delivery response sample (quote, accept, status and cancel answer alike) the same way', () => {
    const response = adapt(fixture('drive-delivery-response'))
    expect(response.data).toEqual({ ...adapt(fixture('drive-create-request')).data })
    expect(response.fieldPaths.shipDate).toBe('record.pickup_time_actual')
  })

  it('is what auto picks for the Drive samples (DashLink\'s webhooks, with their package_location, are DashLink\'s)', () => {
    for (const name of ['drive-create-request', 'drive-delivery-response']) {
      expect(adaptRecord(fixture(name), { source: 'auto', strict: false }).source, name).toBe('drive')
    }
  })

  it('warns about DashLink rules the standard sample breaks when it is meant for DashLink, and refuses them when strict', () => {
    expect(adapt(fixture('drive-create-request')).warnings.filter((w) => w.code === 'CARRIER_RULE')).toEqual([])
    const { warnings } = adaptRecord(fixture('drive-create-request'), { source: 'drive', strict: false, carrierRules: 'dashlink' })
    expect(warnings.filter((w) => w.code === 'CARRIER_RULE').map((w) => w.path)).toEqual([
      'record.external_delivery_id', 'record.items.0.quantity', 'record.items.0'
    ])
    const err = errorOf(() => adapt(fixture('drive-create-request'), true))
    expect(err.code).toBe('CARRIER_RULE_VIOLATION')
    expect(err.issues.map((i) => i.rule)).toEqual(['tracking_code_length', 'item_quantity', 'item_dimensions'])
  })

  it('prints a whole name sent in both name fields once, and falls back to the business name', () => {
    const both = adapt({ ...fixture('drive-create-request'), dropoff_contact_given_name: 'Mary Ann Smith', dropoff_contact_family_name: 'Mary Ann Smith' })
    expect(both.data.recipient.name).toBe('Mary Ann Smith')
    const business = adapt({ ...fixture('drive-create-request'), dropoff_contact_given_name: '', dropoff_contact_family_name: null })
    expect(business.data.recipient).toMatchObject({ name: 'The Avery Condominium' })
    expect(business.data.recipient.company).toBeUndefined()
    expect(business.fieldPaths['recipient.name']).toBe('record.dropoff_business_name')
  })

  it('uses dropoff_address when there are no address components', () => {
    const { dropoff_address_components: _c, ...record } = fixture('drive-create-request')
    const { data, fieldPaths } = adapt(record)
    expect(data.recipient.address).toEqual({ lines: ['901 Market Street', '6th Floor'], city: 'San Francisco', region: 'CA', postalCode: '94103', country: 'US' })
    expect(fieldPaths['recipient.address.lines.0']).toBe('record.dropoff_address')
  })

  it('names every missing field a label needs', () => {
    const record = { ...fixture('drive-create-request'), dropoff_contact_given_name: null, dropoff_contact_family_name: '', dropoff_business_name: ' ', dropoff_address: '', dropoff_address_components: null, pickup_business_name: null, pickup_external_business_id: '' }
    const err = errorOf(() => adapt(record))
    expect(err.code).toBe('VALIDATION_FAILED')
    expect(err.issues.map((i) => `${i.path} ${i.rule}`)).toEqual([
      'record.pickup_business_name required',
      'record.dropoff_contact_given_name required',
      'record.dropoff_address required'
    ])
    expect(err.issues[1]?.message).toMatch(/dropoff_contact_given_name and dropoff_contact_family_name/)
  })

  it('names fields of the wrong type', () => {
    const err = errorOf(() => adapt({ ...fixture('drive-create-request'), dropoff_phone_number: true, items: [{ weight: 'heavy', quantity: 1 }] }))
    expect(err.issues).toEqual([
      { path: 'record.dropoff_phone_number', rule: 'type', message: 'must be a string, got a boolean' },
      { path: 'record.items.0.weight', rule: 'type', message: 'must be a number, got "heavy"' }
    ])
  })

  it('reports a bad item quantity once', () => {
    const err = errorOf(() => adapt({ ...fixture('drive-create-request'), items: [{ quantity: 'two', weight: 1 }] }))
    expect(err.issues).toEqual([{ path: 'record.items.0.quantity', rule: 'type', message: 'must be a number, got "two"' }])
  })

  it('reports items weighed in different units once each, against the first item whose unit is known', () => {
    const item = (unit: string): Json => ({ name: 'Box', quantity: 1, weight: 1, item_options: { weight_unit: unit } })
    const err = errorOf(() => adapt({ ...fixture('drive-create-request'), items: [item('stone'), item('kg'), item('lb')] }))
    expect(err.issues).toEqual([
      { path: 'record.items.0.item_options.weight_unit', rule: 'enum', message: '"stone" is not a weight unit; use lb, oz, kg or g' },
      { path: 'record.items.2.item_options.weight_unit', rule: 'same_unit', message: 'items must be weighed in one unit; record.items.1 is in kg' }
    ])
  })

  it('takes a phone number sent as a number, adding the US country code with a warning', () => {
    const { data, warnings } = adapt({ ...fixture('drive-create-request'), dropoff_phone_number: 6505555555 })
    expect(data.recipient.phone).toBe('+16505555555')
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'PHONE_COUNTRY_CODE_ADDED', path: 'record.dropoff_phone_number' }))
  })

  it('refuses a Drive record without external_delivery_id, naming the fields looked at', () => {
    const { external_delivery_id: _e, pickup_reference_tag: _p, ...record } = fixture('drive-create-request')
    const err = errorOf(() => adapt(record))
    expect(err.code).toBe('MISSING_TRACKING_CODE')
    expect(err.issues.map((i) => i.path)).toEqual(['record.external_delivery_id', 'record.pickup_reference_tag'])
    expect(err.message).toMatch(/looked at record.external_delivery_id, record.pickup_reference_tag/)
  })
})
