// Every record sample we hold (the API guides' seeds, webhook bodies shaped after the providers' docs and SDK
// fixtures) makes a label, or a 4xx that names what is missing. None is refused for a shape the sender cannot
// change (an envelope, a list of one, one object for a list).
import { readdirSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { LabelworksError } from '../../src/errors.ts'
import { statusForCode } from '../../src/http/error-status.ts'
import { testLabelService } from '../support/app.ts'
import { fixture } from './fixtures.ts'

/** What each sample gives with `source: auto` on the standard template: a label from `source`, or an error code. */
const EXPECTED: Record<string, { source: string, trackingCode: string } | { code: string, path: string }> = {
  'dashlink-create-request': { code: 'MISSING_TRACKING_CODE', path: 'record.pickup_reference_tag' },
  'dashlink-create-request-with-tracking': { source: 'dashlink', trackingCode: 'DLK-1000200030004000' },
  'dashlink-create-response': { source: 'dashlink', trackingCode: 'DDVXXGRZTQGYSJCUD' },
  'dashlink-tracking-events': { code: 'RECORD_SHAPE_UNKNOWN', path: 'record' },
  'dashlink-webhook-delivered': { source: 'dashlink', trackingCode: 'DDVXXGRZTQGYSJCUD' },
  'dashlink-webhook-redeliver': { source: 'dashlink', trackingCode: 'DDVXXGRZTQGYSJCUD' },
  'drive-create-request': { source: 'drive', trackingCode: 'D-1763' },
  'drive-delivery-response': { source: 'drive', trackingCode: 'D-1763' },
  'drive-standard-with-facility': { source: 'drive', trackingCode: 'D-1763' },
  'postmates-create-request': { source: 'postmates', trackingCode: 'PMX-SO-55310-0001' },
  'postmates-delivery': { source: 'postmates', trackingCode: 'del_KSsT9zJdfV3P9k' },
  'uber-create-request': { source: 'uber_direct', trackingCode: 'UBR-7731-0042-5589' },
  'uber-create-request-json-address': { source: 'uber_direct', trackingCode: 'UBER-DIRECT-TEST-80415' },
  'uber-create-request-string-address': { source: 'uber_direct', trackingCode: 'UBR-7700-1000-2000' },
  'uber-delivery': { source: 'uber_direct', trackingCode: 'UBR-7731-0042-5589' },
  'uber-delivery-single-manifest-item': { source: 'uber_direct', trackingCode: 'UBR-7731-0042-5589' },
  'uber-list-deliveries-one': { source: 'uber_direct', trackingCode: 'UBR-7731-0042-5589' },
  'uber-list-deliveries-two': { code: 'RECORD_NOT_A_DELIVERY', path: 'record.data' },
  'webhook-doordash-classic': { code: 'VALIDATION_FAILED', path: 'record.delivery.pickup_address.street_address' },
  'webhook-doordash-classic-v2-delivery': { source: 'drive', trackingCode: 'D-1763' },
  'webhook-generic-event': { source: 'generic', trackingCode: 'LWX-4410-2207-9031' },
  'webhook-nested-data-object': { source: 'generic', trackingCode: 'LWX-4410-2207-9031' },
  'webhook-postmates-delivery-status': { source: 'postmates', trackingCode: 'del_KSsT9zJdfV3P9k' },
  'webhook-uber-courier-update': { code: 'RECORD_NOT_A_DELIVERY', path: 'record.kind' },
  'webhook-uber-delivery-status': { source: 'uber_direct', trackingCode: 'UBR-7731-0042-5589' },
  'webhook-uber-status-notification': { code: 'RECORD_NOT_A_DELIVERY', path: 'record.resource_href' }
}

const SAMPLES = readdirSync(new URL('./fixtures/', import.meta.url)).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort()

describe('every record sample', () => {
  const service = testLabelService()

  it('has an expected outcome for every sample file', () => {
    expect(SAMPLES).toEqual(Object.keys(EXPECTED).sort())
  })

  for (const name of SAMPLES) {
    it(`${name}: a label, or a 4xx naming what is missing`, () => {
      const expected = EXPECTED[name]
      let outcome: { source: string, trackingCode: string } | LabelworksError
      try {
        const label = service.renderZpl({ record: fixture(name), template: 'standard' })
        expect(label.zpl).toContain(label.trackingCode)
        outcome = { source: label.source, trackingCode: label.trackingCode }
      } catch (err) {
        if (!(err instanceof LabelworksError)) throw err
        outcome = err
      }
      if (expected === undefined || !('code' in expected)) {
        expect(outcome).toEqual(expected)
        return
      }
      expect(outcome).toBeInstanceOf(LabelworksError)
      const err = outcome as LabelworksError
      expect(err.code).toBe(expected.code)
      expect(statusForCode(err.code)).toBeGreaterThanOrEqual(400)
      expect(statusForCode(err.code)).toBeLessThan(500)
      expect(err.issues[0]?.path).toBe(expected.path)
      for (const issue of err.issues) expect(issue.message).not.toBe('')
    })
  }
})
