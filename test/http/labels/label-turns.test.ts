// POST /v1/labels works on the requests of one event-loop turn together (src/http/turn-batch.ts): every request
// still gets its own answer, whatever the others in its turn sent.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import type { LabelService } from '../../../src/service/types.ts'
import { testApp, testLabelService } from '../../support/app.ts'
import { fullRecord, recordWith } from './fixtures.ts'

let app: FastifyInstance | undefined
afterEach(async () => { await app?.close() })

/** The real service, with every ZPL label it makes written to `log`. */
function loggingService (log: string[]): LabelService {
  const service = testLabelService()
  return {
    ...service,
    renderZpl: (request) => {
      const label = service.renderZpl(request)
      log.push(`made ${label.trackingCode}`)
      return label
    }
  }
}

const post = (target: FastifyInstance, payload: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
  target.inject({ method: 'POST', url: '/v1/labels', payload: payload as string, headers: { 'content-type': 'application/json', ...headers } })

describe('POST /v1/labels, several requests in one turn', () => {
  it('makes the labels of a turn one after another, then sends them', async () => {
    const log: string[] = []
    app = await testApp({ service: loggingService(log) })
    const target = app
    const codes = ['LWX000000000001', 'LWX000000000002', 'LWX000000000003']
    const answers = await Promise.all(codes.map(async (code) => {
      const res = await post(target, { record: recordWith({ tracking_code: code }) })
      log.push(`sent ${code}`)
      return res
    }))
    expect(answers.map((res) => res.json().tracking_code)).toEqual(codes)
    expect(log).toEqual([...codes.map((code) => `made ${code}`), ...codes.map((code) => `sent ${code}`)])
  })

  it('answers each request of a turn on its own: a broken body or record fails alone', async () => {
    app = await testApp()
    const target = app
    const [good, notJson, badRecord, raw, pdf, badOption] = await Promise.all([
      post(target, { record: recordWith({ tracking_code: 'LWX000000000011' }) }),
      post(target, '{"record": '),
      post(target, { record: recordWith({ tracking_code: '' }) }),
      post(target, { record: recordWith({ tracking_code: 'LWX000000000014' }) }, { accept: 'x-application/zpl' }),
      post(target, { record: recordWith({ tracking_code: 'LWX000000000015' }), format: 'pdf' }, { accept: 'application/pdf' }),
      post(target, { record: fullRecord(), dpi: 600 })
    ])
    expect(good.statusCode).toBe(200)
    expect(good.json().tracking_code).toBe('LWX000000000011')
    expect(notJson.statusCode).toBe(400)
    expect(notJson.json().error).toMatchObject({ code: 'INVALID_JSON', issues: [{ path: 'body', rule: 'json' }] })
    expect(badRecord.statusCode).toBe(422)
    expect(badRecord.json().error.issues[0].path).toBe('record.tracking_code')
    expect(raw.statusCode).toBe(200)
    expect(raw.body.startsWith('^XA')).toBe(true)
    expect(raw.headers['x-tracking-code']).toBe('LWX000000000014')
    expect(pdf.statusCode).toBe(200)
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    expect(pdf.headers['x-tracking-code']).toBe('LWX000000000015')
    expect(badOption.statusCode).toBe(400)
    expect(badOption.json().error.issues).toEqual([expect.objectContaining({ path: 'dpi', rule: 'enum' })])
  })

  it('answers with the error handler when the service itself breaks, and keeps serving', async () => {
    const service = testLabelService()
    let broken = true
    app = await testApp({ service: { ...service, renderZpl: (request) => { if (broken) throw new TypeError('internal detail'); return service.renderZpl(request) } } })
    const failed = await post(app, { record: fullRecord() })
    expect(failed.statusCode).toBe(500)
    expect(failed.body).not.toContain('internal detail')
    broken = false
    expect((await post(app, { record: fullRecord() })).statusCode).toBe(200)
  })
})
