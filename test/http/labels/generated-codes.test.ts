// generate_tracking_code on the label routes, over a real code counter in a temporary service database; and the
// carrier_rules option's validation.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openTrackingCodes, type TrackingCodes } from '../../../src/archive/code-sequence.ts'
import { hasValidCheck } from '../../../src/records/generated-codes.ts'
import { fixture } from '../../records/fixtures.ts'
import { testApp } from '../../support/app.ts'
import { fullRecord } from './fixtures.ts'

let app: FastifyInstance
let bare: FastifyInstance
let codes: TrackingCodes
const dir = mkdtempSync(path.join(tmpdir(), 'labelworks-generate-'))
beforeAll(async () => {
  codes = openTrackingCodes(dir, 'LWX')
  app = await testApp({ trackingCodes: codes.next })
  bare = await testApp()
})
afterAll(async () => {
  await app.close()
  await bare.close()
  codes.close()
  rmSync(dir, { recursive: true, force: true })
})

const post = (on: FastifyInstance, payload: unknown, url = '/v1/labels'): Promise<LightMyRequestResponse> =>
  on.inject({ method: 'POST', url, payload: payload as string, headers: { 'content-type': 'application/json' } })

const GENERATED = /^LWX[0-9A-Z]{12}$/

describe('generate_tracking_code', () => {
  it('makes a dashlink label from the DashLink guide\'s own request sample (external_delivery_id "")', async () => {
    const refused = await post(app, { record: fixture('dashlink-create-request'), template: 'dashlink' })
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error.code).toBe('MISSING_TRACKING_CODE')

    const res = await post(app, { record: fixture('dashlink-create-request'), template: 'dashlink', generate_tracking_code: true })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.tracking_code).toMatch(GENERATED)
    expect(hasValidCheck(body.tracking_code as string)).toBe(true)
    expect(body.source).toBe('dashlink')
    expect(body.warnings[0]).toEqual({ code: 'TRACKING_CODE_GENERATED', path: 'record.external_delivery_id', message: expect.stringContaining(body.tracking_code as string) as string })
    expect(Buffer.from(body.label_string as string, 'base64').toString()).toContain(body.tracking_code)
  })

  it('gives every request its own code, and leaves a record that has one alone', async () => {
    const seen = new Set<string>()
    for (let i = 0; i < 5; i++) seen.add((await post(app, { record: fixture('dashlink-create-request'), generate_tracking_code: true })).json().tracking_code)
    expect(seen.size).toBe(5)
    const kept = (await post(app, { record: fullRecord(), generate_tracking_code: true })).json()
    expect(kept.tracking_code).toBe('LWX100200300400500')
    expect(kept.warnings.map((w: { code: string }) => w.code)).not.toContain('TRACKING_CODE_GENERATED')
  })

  it('writes the code inside a webhook envelope, and into Uber\'s dropoff barcodes', async () => {
    const event = fixture('webhook-generic-event')
    delete (event.data as Record<string, unknown>).tracking_code
    const body = (await post(app, { record: event, generate_tracking_code: true, format: 'pdf' })).json()
    expect(body.tracking_code).toMatch(GENERATED)
    expect(body.warnings[0]).toMatchObject({ code: 'TRACKING_CODE_GENERATED', path: 'record.data.tracking_code' })

    const { dropoff_verification: _v, external_id: _e, ...uber } = fixture('uber-create-request')
    const res = (await post(app, { record: { ...uber, manifest_reference: null }, generate_tracking_code: true })).json()
    expect(res.tracking_code).toMatch(GENERATED)
    expect(res.warnings[0]).toMatchObject({ code: 'TRACKING_CODE_GENERATED', path: 'record.dropoff_verification.barcodes.0.value' })
  })

  it('gives each record of a batch its own code', async () => {
    const res = await post(app, { records: [fixture('dashlink-create-request'), fixture('dashlink-create-request'), fullRecord()], generate_tracking_code: true }, '/v1/labels/batch')
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.label_count).toBe(3)
    const generated = body.warnings.flatMap((w: { warnings: { code: string, message: string }[] }) => w.warnings.filter((x) => x.code === 'TRACKING_CODE_GENERATED'))
    expect(generated).toHaveLength(2)
    expect(generated[0].message).not.toBe(generated[1].message)
  })

  it('is refused, naming the option, when the service has no TRACKING_PREFIX, and for a Postmates record', async () => {
    const res = await post(bare, { record: fixture('dashlink-create-request'), generate_tracking_code: true })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.issues).toEqual([expect.objectContaining({ path: 'generate_tracking_code', rule: 'not_configured' })])
    const postmates = await post(app, { record: { ...fixture('postmates-create-request'), manifest_reference: '' }, generate_tracking_code: true })
    expect(postmates.statusCode).toBe(400)
    expect(postmates.json().error.issues).toEqual([expect.objectContaining({ path: 'generate_tracking_code', rule: 'source' })])
  })
})

describe('carrier_rules', () => {
  it('takes dashlink, and refuses anything else naming the option', async () => {
    expect((await post(bare, { record: fullRecord(), carrier_rules: 'dashlink' })).statusCode).toBe(200)
    const res = await post(bare, { record: fullRecord(), carrier_rules: 'ups' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.issues).toEqual([{ path: 'carrier_rules', rule: 'enum', message: 'must be one of dashlink' }])
  })
})
