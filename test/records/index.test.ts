// The shared pipeline: choosing the source (named or recognised), the 422s of auto-detection naming the
// candidates and what each lacked, and refusing what is not a record.
import { describe, expect, it } from 'vitest'
import { adaptRecord, detectSource, SOURCES, trackingFieldsOf } from '../../src/records/index.ts'
import type { SourceOption } from '../../src/service/types.ts'
import { errorOf, fixture } from './fixtures.ts'

describe('adaptRecord', () => {
  it('has one adapter per source', () => {
    expect([...SOURCES].sort()).toEqual(['dashlink', 'drive', 'generic', 'postmates', 'uber_direct'])
    expect(trackingFieldsOf('dashlink')).toEqual(['pickup_reference_tag', 'external_delivery_id', 'items.0.barcode'])
  })

  it('answers RECORD_SHAPE_UNKNOWN for the DashLink tracking-events payload, saying what each source lacked', () => {
    const err = errorOf(() => adaptRecord(fixture('dashlink-tracking-events'), { source: 'auto', strict: false }))
    expect(err.code).toBe('RECORD_SHAPE_UNKNOWN')
    expect(err.issues.map((i) => i.rule)).toEqual(['source_generic', 'source_dashlink', 'source_drive', 'source_uber_direct', 'source_postmates'])
    expect(err.issues[0]).toEqual({ path: 'record', rule: 'source_generic', message: 'not generic: missing a recipient object and tracking_code' })
    expect(err.issues[3]?.message).toMatch(/dropoff_name \/ dropoff_address/)
  })

  it('names a top-level field that looks like a misspelt generic field when no source recognises the record', () => {
    const record = { tracking_code: 'LWX100200300400500', recipent: { name: 'Jo', address: '1 Main St, Austin, TX 78701' }, shipper: { name: 'Acme' } }
    const err = errorOf(() => adaptRecord(record, { source: 'auto', strict: false }))
    expect(err.code).toBe('RECORD_SHAPE_UNKNOWN')
    expect(err.issues.filter((i) => i.rule === 'unknown_field')).toEqual([
      { path: 'record.recipent', rule: 'unknown_field', message: 'not a field of the generic record (did you mean "recipient"?)' }
    ])
    // The DashLink tracking-events payload has no near miss: no such issue.
    expect(errorOf(() => adaptRecord(fixture('dashlink-tracking-events'), { source: 'auto', strict: false })).issues.some((i) => i.rule === 'unknown_field')).toBe(false)
  })

  it('answers RECORD_SHAPE_AMBIGUOUS when only fields Uber Direct and Postmates share are there', () => {
    const record = { dropoff_name: 'Sam Lee', dropoff_address: '2000 Ocean Ave, San Francisco, CA 94127', pickup_name: 'Acme', id: 'del_abc123def456ghi' }
    const err = errorOf(() => adaptRecord(record, { source: 'auto', strict: false }))
    expect(err.code).toBe('RECORD_SHAPE_AMBIGUOUS')
    expect(err.message).toMatch(/uber_direct or postmates/)
    expect(err.issues).toEqual([
      { path: 'record', rule: 'source_uber_direct', message: expect.stringMatching(/^not uber_direct: missing any Uber Direct field \(manifest_items, uuid/) as string },
      { path: 'record', rule: 'source_postmates', message: 'not postmates: missing manifest (text or { reference, description })' }
    ])
    // Naming the source settles it.
    expect(adaptRecord(record, { source: 'postmates', strict: false }).data.trackingCode).toBe('del_abc123def456ghi')
  })

  it('answers RECORD_SHAPE_AMBIGUOUS when two sources fit fully', () => {
    const both = { ...fixture('uber-create-request'), recipient: { name: 'X' }, tracking_code: 'LWX1' }
    const err = errorOf(() => detectSource(both))
    expect(err.code).toBe('RECORD_SHAPE_AMBIGUOUS')
    expect(err.message).toMatch(/generic or uber_direct/)
  })

  it('picks a source that only shape-matches when it is the only one, so its own errors are precise', () => {
    expect(detectSource({ recipient: { name: 'A' } })).toBe('generic')
    expect(detectSource({ dropoff_name: 'A', manifest_items: [] })).toBe('uber_direct')
    const err = errorOf(() => adaptRecord({ recipient: { name: 'A', address: '1 Main St, Springfield, IL 62701' }, shipper: { name: 'B' } }, { source: 'auto', strict: false }))
    expect(err.code).toBe('MISSING_TRACKING_CODE')
  })

  it('reports the source it chose', () => {
    const chosen = adaptRecord(fixture('dashlink-create-response'), { source: 'auto', strict: false })
    expect(chosen.source).toBe('dashlink')
  })

  it('refuses what is not a JSON object, and an unknown source name', () => {
    for (const record of [null, 'text', [1, 2], 42, undefined]) {
      const err = errorOf(() => adaptRecord(record, { source: 'auto', strict: false }))
      expect(err.code).toBe('VALIDATION_FAILED')
      expect(err.issues[0]).toMatchObject({ path: 'record', rule: 'type' })
    }
    // Names of Object.prototype's members are unknown sources too, not a TypeError.
    for (const source of ['shopify', 'toString', 'constructor', '__proto__']) {
      const err = errorOf(() => adaptRecord({}, { source: source as SourceOption, strict: false }))
      expect(err.code).toBe('VALIDATION_FAILED')
      expect(err.issues).toEqual([{ path: 'source', rule: 'enum', message: 'must be one of auto, generic, dashlink, drive, uber_direct, postmates' }])
    }
  })

  it('reads a named source even when auto would choose another', () => {
    const asDashlink = adaptRecord(fixture('drive-create-request'), { source: 'dashlink', strict: false })
    expect(asDashlink.source).toBe('dashlink')
    expect(asDashlink.data.carrierLine).toBe('By DashLink')
  })
})
