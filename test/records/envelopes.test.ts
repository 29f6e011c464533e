// Webhook envelopes and API answers around a delivery: unwrapped, said so in the answer, every path naming the
// field as it was sent; events without a delivery refused, saying what to send instead.
import { describe, expect, it } from 'vitest'
import { rerooted } from '../../src/records/envelopes.ts'
import { adaptRecord } from '../../src/records/index.ts'
import { errorOf, fixture } from './fixtures.ts'

const auto = { source: 'auto', strict: false } as const

describe('webhook envelopes', () => {
  it('unwraps Uber Direct\'s event.delivery_status webhook and says so', () => {
    const adapted = adaptRecord(fixture('webhook-uber-delivery-status'), auto)
    expect(adapted.source).toBe('uber_direct')
    expect(adapted.data.trackingCode).toBe('UBR-7731-0042-5589')
    expect(adapted.envelope).toEqual({ name: 'uber_delivery_status', path: 'record.data', description: 'Uber Direct / Postmates event.delivery_status webhook' })
    expect(adapted.warnings[0]).toEqual({ code: 'RECORD_UNWRAPPED', path: 'record.data', message: expect.stringContaining('event.delivery_status webhook') as string })
    expect(adapted.trackingCodePath).toBe('record.data.dropoff.verification_requirements.barcodes.0.value')
    expect(adapted.fieldPaths['recipient.name']).toBe('record.data.dropoff.name')
  })

  it('names the field inside the envelope when the delivery in it is refused', () => {
    const body = fixture('webhook-uber-delivery-status')
    const data = body.data as Record<string, Record<string, unknown>>
    delete data.dropoff?.name
    const err = errorOf(() => adaptRecord(body, auto))
    expect(err.code).toBe('VALIDATION_FAILED')
    expect(err.issues[0]?.path).toBe('record.data.dropoff.name')
    expect(err.message).toMatch(/^record\.data\.dropoff\.name: /)
  })

  it('unwraps DoorDash Drive\'s classic webhook, a generic { kind: "event", data } and data.object', () => {
    expect(adaptRecord(fixture('webhook-doordash-classic-v2-delivery'), auto).envelope).toMatchObject({ name: 'doordash_classic_webhook', path: 'record.delivery' })
    expect(adaptRecord(fixture('webhook-generic-event'), auto).envelope).toMatchObject({ name: 'wrapper', path: 'record.data' })
    expect(adaptRecord(fixture('webhook-nested-data-object'), auto).envelope).toMatchObject({ name: 'wrapper', path: 'record.data.object' })
    // A named source looks inside too.
    expect(adaptRecord(fixture('webhook-generic-event'), { source: 'generic', strict: false }).data.trackingCode).toBe('LWX-4410-2207-9031')
  })

  it('takes the one delivery of a list answer, and refuses a list of several naming the field', () => {
    expect(adaptRecord(fixture('uber-list-deliveries-one'), auto).envelope).toMatchObject({ name: 'list_of_one', path: 'record.data.0' })
    const err = errorOf(() => adaptRecord(fixture('uber-list-deliveries-two'), auto))
    expect(err).toMatchObject({ code: 'RECORD_NOT_A_DELIVERY', issues: [{ path: 'record.data', rule: 'one_delivery' }] })
  })

  it('refuses events that carry no delivery, saying what to send instead', () => {
    expect(errorOf(() => adaptRecord(fixture('webhook-uber-courier-update'), auto))).toMatchObject({ code: 'RECORD_NOT_A_DELIVERY', issues: [{ path: 'record.kind', message: expect.stringMatching(/event\.delivery_status/) as string }] })
    expect(errorOf(() => adaptRecord(fixture('webhook-uber-status-notification'), auto))).toMatchObject({ code: 'RECORD_NOT_A_DELIVERY', issues: [{ path: 'record.resource_href', message: expect.stringMatching(/fetch it from resource_href/) as string }] })
  })

  it('leaves a bare record alone, even one with a data field', () => {
    const record = { ...fixture('uber-delivery'), data: { note: 'ours' } }
    const adapted = adaptRecord(record, auto)
    expect(adapted.envelope).toBeUndefined()
    expect(adapted.warnings.map((w) => w.code)).not.toContain('RECORD_UNWRAPPED')
  })

  it('re-roots record paths in paths and messages, and nothing else', () => {
    expect(rerooted('record', 'record.data')).toBe('record.data')
    expect(rerooted('record.dropoff.name', 'record.data')).toBe('record.data.dropoff.name')
    expect(rerooted('no usable tracking code in the drive record; looked at record.a, record.b', 'record.data'))
      .toBe('no usable tracking code in the drive record; looked at record.data.a, record.data.b')
  })
})
