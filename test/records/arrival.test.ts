// Records as real systems send them: one object where a list belongs, an explicit fulfilment method next to a
// facility hint, tracking codes a scanner keyboard wedge would mangle.
import { describe, expect, it } from 'vitest'
import { adaptRecord } from '../../src/records/index.ts'
import { testLabelService } from '../support/app.ts'
import { errorOf, fixture } from './fixtures.ts'

const auto = { source: 'auto', strict: false } as const

describe('one object where a list belongs', () => {
  it('reads Uber\'s manifest_items given as one object (as Uber\'s SDK fixtures have it) with a FIELD_SHAPE_COERCED warning', () => {
    const adapted = adaptRecord(fixture('uber-delivery-single-manifest-item'), auto)
    expect(adapted.source).toBe('uber_direct')
    expect(adapted.data.package?.weight).toEqual({ value: 1500, unit: 'g' })
    expect(adapted.warnings).toContainEqual({ code: 'FIELD_SHAPE_COERCED', path: 'record.manifest_items', message: expect.stringContaining('list of that one item') as string })
  })

  it('reads one dropoff barcode object, and Drive items given as one object', () => {
    const uber = fixture('uber-create-request')
    const barcodes = (uber.dropoff_verification as { barcodes: unknown[] }).barcodes
    const code128 = barcodes.find((b) => (b as { type: string }).type === 'CODE128')
    uber.dropoff_verification = { barcodes: code128 }
    const adapted = adaptRecord(uber, auto)
    expect(adapted.data.trackingCode).toBe('UBR-7731-0042-5589')
    expect(adapted.trackingCodePath).toBe('record.dropoff_verification.barcodes.value')
    expect(adapted.warnings.map((w) => `${w.code} ${w.path}`)).toContain('FIELD_SHAPE_COERCED record.dropoff_verification.barcodes')

    const drive = fixture('drive-create-request')
    drive.items = (drive.items as unknown[])[0]
    const read = adaptRecord(drive, auto)
    expect(read.data.package?.weight).toBeDefined()
    expect(read.warnings.map((w) => `${w.code} ${w.path}`)).toContain('FIELD_SHAPE_COERCED record.items')
  })

  it('still refuses a list field holding text', () => {
    expect(errorOf(() => adaptRecord({ ...fixture('uber-create-request'), manifest_items: 'two boxes' }, auto)).issues[0]).toMatchObject({ path: 'record.manifest_items', rule: 'type' })
  })
})

describe('source detection', () => {
  it('takes a Drive record that states order_fulfillment_method "standard" as Drive even with an origin_facility_id', () => {
    const adapted = adaptRecord(fixture('drive-standard-with-facility'), auto)
    expect(adapted.source).toBe('drive')
    // The barcode encodes the delivery id, not the pickup reference tag ("Order number 61").
    expect(adapted.data.trackingCode).toBe('D-1763')
  })

  it('takes the facility hint only when no method is stated, and "parcel" always', () => {
    const { order_fulfillment_method: _m, ...noMethod } = fixture('drive-standard-with-facility')
    expect(adaptRecord(noMethod, auto).source).toBe('dashlink')
    expect(adaptRecord({ ...fixture('drive-create-request'), order_fulfillment_method: 'PARCEL' }, auto).source).toBe('dashlink')
  })

  it('takes DashLink\'s webhooks, which state no method but carry package_location, as DashLink', () => {
    expect(adaptRecord(fixture('dashlink-webhook-delivered'), auto).source).toBe('dashlink')
    expect(adaptRecord({ ...fixture('dashlink-webhook-delivered'), order_fulfillment_method: 'standard' }, auto).source).toBe('drive')
  })
})

describe('tracking codes a scanner keyboard wedge mangles', () => {
  const service = testLabelService()
  const generic = (code: string): Record<string, unknown> => ({ ...(fixture('webhook-generic-event').data as Record<string, unknown>), tracking_code: code })

  it('warns on the standard template, naming the field and the character', () => {
    // A tab or a non-ASCII letter cannot be put in a Code128 barcode at all; these can, and a wedge mangles them.
    for (const [code, shown] of [['LWX 4410 2207', 'U+0020'], ['LWX~4410~2207', '"~"'], ['LWX/4410#2207', '"/"']] as const) {
      const label = service.renderZpl({ record: generic(code), template: 'standard' })
      const warning = label.warnings.find((w) => w.code === 'TRACKING_CODE_SCANNER_UNSAFE')
      expect(warning, code).toMatchObject({ path: 'record.tracking_code' })
      expect(warning?.message).toContain(`contains ${shown}`)
    }
    expect(service.renderZpl({ record: generic('LWX-4410.2207_9031'), template: 'standard' }).warnings.map((w) => w.code)).not.toContain('TRACKING_CODE_SCANNER_UNSAFE')
  })

  it('refuses a code with a space on the dashlink template, naming the field', () => {
    const record = { ...fixture('dashlink-create-request-with-tracking'), external_delivery_id: 'DLK 1000200030004000' }
    const err = errorOf(() => service.renderZpl({ record, template: 'dashlink' }))
    expect(err.code).toBe('CARRIER_RULE_VIOLATION')
    expect(err.issues).toContainEqual(expect.objectContaining({ path: 'record.external_delivery_id', rule: 'tracking_code_charset' }))
  })
})
