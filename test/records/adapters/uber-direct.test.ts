// Uber Direct records built from the documented create-delivery request and Delivery object (seeds 001, 002):
// addresses as one line, structured, or structured in a JSON string; grams and centimetres; CODE128 barcodes.
import { describe, expect, it } from 'vitest'
import { adaptRecord } from '../../../src/records/index.ts'
import { errorOf, fixture, type Json } from '../fixtures.ts'

const adapt = (record: Json, strict = false): ReturnType<typeof adaptRecord> => adaptRecord(record, { source: 'uber_direct', strict })

describe('uber_direct adapter', () => {
  it('reads a create request with a structured address; the CODE128 dropoff barcode is the tracking code', () => {
    const { data, fieldPaths, warnings } = adapt(fixture('uber-create-request'))
    expect(warnings).toEqual([])
    expect(data).toEqual({
      trackingCode: 'UBR-7731-0042-5589',
      shipDate: '2026-11-24',
      shipper: {
        name: 'Harbor Goods Co.',
        phone: '+14155550142',
        address: { lines: ['2270 Camino Vida Roble'], city: 'Carlsbad', region: 'CA', postalCode: '92011', country: 'US' }
      },
      recipient: {
        name: 'Morgan Chen',
        company: 'Chen & Daughters',
        phone: '+12125550123',
        address: { lines: ['100 Maiden Ln', 'Floor 2'], city: 'New York', region: 'NY', postalCode: '10038', country: 'US' }
      },
      package: { weight: { value: 1500, unit: 'g' }, dimensions: { length: 40, width: 30, height: 20, unit: 'cm' }, description: 'Glassware set' },
      references: [{ label: 'Ref#', value: 'SO-99120' }, { label: 'Ext#', value: 'ACME-EXT-5521' }],
      instructions: 'Ring the bell twice. Fragile: glassware.',
      carrierLine: 'Uber Direct'
    })
    expect(fieldPaths).toMatchObject({
      trackingCode: 'record.dropoff_verification.barcodes.0.value',
      'recipient.name': 'record.dropoff_name',
      'recipient.company': 'record.dropoff_business_name',
      'recipient.address.lines.1': 'record.dropoff_address.street_address.1',
      'recipient.address.postalCode': 'record.dropoff_address.zip_code',
      'shipper.name': 'record.pickup_business_name',
      'package.weight': 'record.manifest_items.0.weight',
      'references.0.value': 'record.manifest_reference',
      'references.1.value': 'record.external_id',
      shipDate: 'record.pickup_ready_dt'
    })
  })

  it('reads the Delivery object: detailed_address, manifest.reference, the barcode requirement', () => {
    const { data, fieldPaths } = adapt(fixture('uber-delivery'))
    expect(data.trackingCode).toBe('UBR-7731-0042-5589')
    expect(fieldPaths.trackingCode).toBe('record.dropoff.verification_requirements.barcodes.0.value')
    expect(data.recipient).toEqual({
      name: 'Morgan Chen',
      phone: '+12125550123',
      address: { lines: ['100 Maiden Ln', 'Floor 2'], city: 'New York', region: 'NY', postalCode: '10038', country: 'US' }
    })
    expect(fieldPaths['recipient.address.lines.0']).toBe('record.dropoff.detailed_address.street_address_1')
    expect(data.shipper).toEqual({ name: 'Harbor Goods Co.', phone: '+14155550142', address: { lines: ['2270 Camino Vida Roble'], city: 'Carlsbad', region: 'CA', postalCode: '92011', country: 'US' } })
    expect(data.references).toEqual([{ label: 'Ref#', value: 'SO-99120' }, { label: 'Ext#', value: 'ACME-EXT-5521' }])
    expect(data).toMatchObject({ shipDate: '2026-11-23', instructions: 'Ring the bell twice.', package: { weight: { value: 1500, unit: 'g' } } })
  })

  it('reads the Delivery object\'s dropoff.address JSON string when there is no detailed_address', () => {
    const record = fixture('uber-delivery')
    const { detailed_address: _d, ...dropoff } = record.dropoff as Json
    const { data, fieldPaths } = adapt({ ...record, dropoff })
    expect(data.recipient.address).toEqual({ lines: ['100 Maiden Ln', 'Floor 2'], city: 'New York', region: 'NY', postalCode: '10038', country: 'US' })
    expect(fieldPaths['recipient.address.lines.1']).toBe('record.dropoff.address')
  })

  it('uses the delivery id, then the uuid, when there is no CODE128 barcode', () => {
    const { dropoff, ...rest } = fixture('uber-delivery')
    const noBarcode = { ...rest, dropoff: { ...(dropoff as Json), verification_requirements: { picture: true } } }
    const byId = adapt(noBarcode)
    expect(byId.data.trackingCode).toBe('del_Q3xXk9mTr2WbYq7Z')
    expect(byId.fieldPaths.trackingCode).toBe('record.id')
    const byUuid = adapt({ ...noBarcode, id: '' })
    expect(byUuid.data.trackingCode).toBe('7c1f3e0a2b4d4f6e8a9b0c1d2e3f4a5b')
  })

  it('reads a one-line address and adds +1 to bare phone numbers; skips a QR barcode for the CODE128 one', () => {
    const { data, warnings, fieldPaths } = adapt(fixture('uber-create-request-string-address'))
    expect(data.recipient.address).toEqual({ lines: ['2000 Ocean Ave', 'Floor 2'], city: 'San Francisco', region: 'CA', postalCode: '94127', country: 'US' })
    expect(data.shipper.address).toEqual({ lines: ['901 Market Street', '6th Floor'], city: 'San Francisco', region: 'CA', postalCode: '94103', country: 'US' })
    expect(data.recipient.phone).toBe('+14155550188')
    expect(data.trackingCode).toBe('UBR-7700-1000-2000')
    expect(fieldPaths.trackingCode).toBe('record.dropoff_verification.barcodes.1.value')
    // 2 × 200 g + 150 g; several items have no single box size.
    expect(data.package).toEqual({ weight: { value: 550, unit: 'g' }, description: '2 x T-shirt, Cap' })
    expect(warnings.map((w) => `${w.code} ${w.path}`)).toEqual([
      'PHONE_COUNTRY_CODE_ADDED record.dropoff_phone_number',
      'PHONE_COUNTRY_CODE_ADDED record.pickup_phone_number'
    ])
  })

  it('reads a structured address serialised into a JSON string (numeric ZIP, spelled-out country)', () => {
    const { data, fieldPaths, warnings } = adapt(fixture('uber-create-request-json-address'))
    expect(data.recipient.address).toEqual({ lines: ['425 Market St', 'Suite 800'], city: 'San Francisco', region: 'CA', postalCode: '94105', country: 'US' })
    expect(fieldPaths['recipient.address.city']).toBe('record.dropoff_address')
    expect(data.shipper.address).toEqual({ lines: ['2270 Camino Vida Roble'], city: 'Carlsbad', region: 'CA', postalCode: '92011', country: 'US' })
    // No barcode and no Uber id in a create request: the merchant's own reference is printed, with a warning.
    expect(data.trackingCode).toBe('UBER-DIRECT-TEST-80415')
    expect(data.references).toEqual([{ label: 'Ref#', value: 'SO-80415' }])
    expect(warnings).toEqual([expect.objectContaining({ code: 'TRACKING_CODE_FALLBACK', path: 'record.external_id' })])
  })

  it('refuses a record with only a QR barcode, saying why it was not used', () => {
    const { external_id: _e, manifest_reference: _m, ...record } = fixture('uber-create-request')
    const err = errorOf(() => adapt({ ...record, dropoff_verification: { barcodes: [{ type: 'QR', value: 'https://x.example/1' }] } }))
    expect(err.code).toBe('MISSING_TRACKING_CODE')
    expect(err.issues[0]).toEqual({ path: 'record.dropoff_verification.barcodes.0.value', rule: 'barcode_type', message: 'barcode type QR; only a CODE128 value can be printed as this label\'s Code128' })
    expect(err.issues.map((i) => i.path).slice(1)).toEqual(['record.id', 'record.uuid', 'record.external_id', 'record.manifest_reference', 'record.manifest.reference'])
  })

  it('names an address JSON string that does not parse', () => {
    const err = errorOf(() => adapt({ ...fixture('uber-create-request'), dropoff_address: '{"street_address": ["1 Main St"' }))
    expect(err.code).toBe('VALIDATION_FAILED')
    expect(err.issues).toEqual([{ path: 'record.dropoff_address', rule: 'json', message: 'looks like a structured address in a JSON string but is not valid JSON' }])
  })

  it('names a dropoff address that is neither text nor an object', () => {
    const err = errorOf(() => adapt({ ...fixture('uber-create-request'), dropoff_address: 5 }))
    expect(err.code).toBe('VALIDATION_FAILED')
    expect(err.issues).toEqual([{ path: 'record.dropoff_address', rule: 'type', message: 'must be an address object or one line of text, got a number' }])
  })

  it('names a missing dropoff name and address', () => {
    const err = errorOf(() => adapt({ ...fixture('uber-create-request'), dropoff_name: '  ', dropoff_address: null }))
    expect(err.issues.map((i) => `${i.path} ${i.rule}`)).toEqual(['record.dropoff_name required', 'record.dropoff_address required'])
    const nested = fixture('uber-delivery')
    const dropoff = { ...(nested.dropoff as Json), name: null }
    expect(errorOf(() => adapt({ ...nested, dropoff })).issues.map((i) => i.path)).toEqual(['record.dropoff.name'])
  })

  it('describes the package by manifest text (request) or manifest.description (Delivery) when items have no names', () => {
    const items = [{ quantity: 1, weight: 500 }]
    const request = adapt({ ...fixture('uber-create-request'), manifest_items: items, manifest: 'Two mugs' })
    expect(request.data.package?.description).toBe('Two mugs')
    expect(request.fieldPaths['package.description']).toBe('record.manifest')
    const delivery = adapt({ ...fixture('uber-delivery'), manifest_items: items })
    expect(delivery.data.package).toEqual({ weight: { value: 500, unit: 'g' }, description: 'Glassware set' })
    expect(delivery.fieldPaths['package.description']).toBe('record.manifest.description')
  })

  it('refuses a grams value that is not a number', () => {
    const err = errorOf(() => adapt({ ...fixture('uber-create-request'), manifest_items: [{ name: 'X', quantity: 1, weight: '1.5 kg' }] }))
    expect(err.issues).toEqual([{ path: 'record.manifest_items.0.weight', rule: 'type', message: 'must be a number, got "1.5 kg"' }])
  })

  it('is what auto picks for Uber Direct records', () => {
    for (const name of ['uber-create-request', 'uber-create-request-string-address', 'uber-create-request-json-address', 'uber-delivery']) {
      expect(adaptRecord(fixture(name), { source: 'auto', strict: false }).source, name).toBe('uber_direct')
    }
  })

  it('reports a reference it cannot print instead of dropping it, once per field, and prints decimal references', () => {
    const record = { ...fixture('uber-create-request'), manifest_reference: { order: 'SO-99120' }, external_id: ['ACME', 5521] }
    const { data, warnings } = adapt(record)
    expect(data.references).toEqual([])
    expect(warnings.filter((w) => w.code === 'FIELD_NOT_PRINTED')).toEqual([
      { code: 'FIELD_NOT_PRINTED', path: 'record.manifest_reference', message: 'not printed: is an object; a reference must be text or a number' },
      { code: 'FIELD_NOT_PRINTED', path: 'record.external_id', message: 'not printed: is a list; a reference must be text or a number' }
    ])
    const big = adapt({ ...fixture('uber-create-request'), manifest_reference: 2 ** 60, external_id: 1234.5 })
    // The Ref# line falls back to external_id; the Ext# line does not repeat a value already printed.
    expect(big.data.references).toEqual([{ label: 'Ref#', value: '1234.5' }])
    expect(big.warnings.map((w) => `${w.code} ${w.path}`)).toContain('FIELD_NOT_PRINTED record.manifest_reference')
  })
})
