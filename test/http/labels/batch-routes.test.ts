import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { PDFDocument } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp, testLabelService } from '../../support/app.ts'
import { fullRecord, recordWith } from './fixtures.ts'

let app: FastifyInstance
beforeAll(async () => { app = await testApp() })
afterAll(async () => { await app.close() })

const batch = (payload: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
  app.inject({ method: 'POST', url: '/v1/labels/batch', payload: payload as string, headers: { 'content-type': 'application/json', ...headers } })

function records (): unknown[] {
  return [
    recordWith({ tracking_code: 'LWX000000000000001' }),
    recordWith({ recipient: { name: '' } }),
    recordWith({ tracking_code: 'LWX000000000000003' }),
    recordWith({ recipient: { name: 'Ωμέγα 王 🎁' } }),
    recordWith({ tracking_code: 'LWX000000000000005' })
  ]
}

describe('POST /v1/labels/batch', () => {
  it('streams one ^XA…^XZ per good record and reports the bad ones by index', async () => {
    const res = await batch({ records: records(), format: 'zpl' }, { accept: 'x-application/zpl' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['x-label-count']).toBe('3')
    expect(res.headers['x-failed-count']).toBe('2')
    const header = String(res.headers['x-failed-records'])
    expect(header).toMatch(/^[\x20-\x7e]+$/)
    const failed = JSON.parse(header) as { index: number, code: string, message: string }[]
    expect(failed.map((f) => f.index)).toEqual([1, 3])
    expect(failed[1]?.code).toBe('UNSUPPORTED_CHARACTER')
    expect(failed[1]?.message).toContain('"🎁"')
    expect(res.body.match(/\^XA/g)).toHaveLength(3)
    expect(res.body.match(/\^XZ/g)).toHaveLength(3)
    const order = ['LWX000000000000001', 'LWX000000000000003', 'LWX000000000000005'].map((code) => res.body.indexOf(code))
    expect(order.every((at, i) => at > 0 && (i === 0 || at > (order[i - 1] as number)))).toBe(true)
  })

  it('writes one multi-page PDF for the good records', async () => {
    const res = await batch({ records: records(), format: 'pdf' }, { accept: 'application/pdf' })
    expect(res.statusCode).toBe(200)
    const pdf = await PDFDocument.load(res.rawPayload)
    expect(pdf.getPageCount()).toBe(3)
    const { width, height } = pdf.getPage(0).getSize()
    expect([Math.round(width), Math.round(height)]).toEqual([288, 432])
  })

  it('answers a JSON envelope with every failure in full and the labels base64-encoded', async () => {
    const res = await batch({ records: records(), format: 'zpl', dpi: 300 })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ label_format: 'zpl', print_density: '300dpi', label_count: 3 })
    expect(body.failed.map((f: { index: number }) => f.index)).toEqual([1, 3])
    expect(body.failed[0].issues.length).toBeGreaterThan(0)
    const zpl = Buffer.from(body.label_string, 'base64').toString('utf8')
    expect(zpl.match(/\^XA/g)).toHaveLength(3)
    expect(zpl).toContain('^PW1200')
  })

  it('starts the ZPL stream with the font download once when include_font is set', async () => {
    const res = await batch({ records: [fullRecord(), fullRecord()], include_font: true }, { accept: 'x-application/zpl' })
    expect(res.body.startsWith('~DUE:LWSANS.TTF,')).toBe(true)
    expect(res.body.match(/~DU/g)).toHaveLength(1)
  })

  it('refuses include_font for a PDF batch, which carries its font on every page', async () => {
    const res = await batch({ records: [fullRecord()], format: 'pdf', include_font: true })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.issues).toEqual([{ path: 'include_font', rule: 'zpl_only', message: 'applies to ZPL labels only; a pdf label always carries its font' }])
  })

  it('warns on a tracking code the batch has twice, naming the record that had it first, and prints both', async () => {
    const [a, b] = ['LWX100200300400501', 'LWX100200300400502']
    const res = await batch({ records: [a, b, a].map((code) => recordWith({ tracking_code: code })) })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body.label_count).toBe(3)
    const repeats = body.warnings.flatMap((w: { index: number, warnings: { message: string }[] }) => w.warnings.filter((x) => x.message.includes('also on record')).map((x) => ({ index: w.index, ...x })))
    expect(repeats).toEqual([{
      index: 2,
      code: 'CARRIER_RULE',
      path: 'record.tracking_code',
      message: `tracking code "${a}" is also on record 0 of this batch; each package needs its own (DashLink rule tracking_code_unique; enforced with strict or the dashlink template)`
    }])
  })

  it('refuses the repeat of a tracking code where carrier rules are enforced, and prints the first', async () => {
    const [a, b] = ['LWX100200300400501', 'LWX100200300400502']
    for (const options of [{ strict: true }, { template: 'dashlink' }]) {
      const res = await batch({ records: [a, b, a].map((code) => recordWith({ tracking_code: code })), ...options })
      expect(res.statusCode, JSON.stringify(options)).toBe(200)
      const body = res.json()
      expect(body.label_count).toBe(2)
      expect(body.failed).toEqual([expect.objectContaining({ index: 2, code: 'CARRIER_RULE_VIOLATION', issues: [expect.objectContaining({ path: 'record.tracking_code', rule: 'tracking_code_unique' })] })])
    }
  })

  it('answers 422 with the problem of every record, paths rooted at the record, when not one record makes a label', async () => {
    for (const accept of ['x-application/zpl', 'application/pdf', 'application/json']) {
      const res = await batch({ records: [recordWith({ recipient: { name: '' } }), { nothing: 1 }], format: accept === 'application/pdf' ? 'pdf' : 'zpl' }, { accept })
      expect(res.statusCode, accept).toBe(422)
      const { error } = res.json()
      expect(error.code).toBe('BATCH_NO_LABELS')
      expect(error.message).toMatch(/^none of the 2 records made a label; record 0: /)
      const paths = error.issues.map((i: { path: string }) => i.path)
      expect(paths).toContain('records.0.recipient.name')
      expect(paths.some((p: string) => p === 'records.1' || p.startsWith('records.1.'))).toBe(true)
    }
  })

  it('answers a batch whose every record fails on the request itself with that error, once', async () => {
    const res = await batch({ records: [fullRecord(), fullRecord(), fullRecord()], template: 'fancy' })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('UNKNOWN_TEMPLATE')
    expect(res.json().error.issues).toHaveLength(1)
  })

  it('rejects a batch that is not a list, empty, too long, asks for PNG or has a field or query parameter it does not know', async () => {
    for (const [payload, path] of [
      [{ records: fullRecord() }, 'records'],
      [{ records: [] }, 'records'],
      [{ records: [fullRecord()], format: 'png' }, 'format']
    ] as const) {
      const res = await batch(payload)
      expect(res.statusCode).toBe(400)
      expect(res.json().error.issues[0].path).toBe(path)
    }
    const typo = await batch({ records: [fullRecord()], fromat: 'pdf', record: fullRecord() })
    expect(typo.statusCode).toBe(400)
    expect(typo.json().error.issues.map((i: { path: string, rule: string }) => `${i.path} ${i.rule}`)).toEqual(['fromat additional_property', 'record additional_property'])
    const query = await app.inject({ method: 'POST', url: '/v1/labels/batch?dpii=300', payload: { records: [fullRecord()] } })
    expect(query.statusCode).toBe(400)
    expect(query.json().error.issues[0]).toMatchObject({ path: 'query.dpii', rule: 'additional_property' })
    const small = await testApp({ config: { logLevel: 'silent', bodyLimitBytes: 1 << 20, batchMaxRecords: 2 } })
    const res = await small.inject({ method: 'POST', url: '/v1/labels/batch', payload: { records: [1, 2, 3] } })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.issues[0]).toMatchObject({ path: 'records', rule: 'max_items' })
    await small.close()
  })
})

describe('a service started with DEFAULT_DPI=300', () => {
  it('makes labels, single and batched, at 300 dpi when the request names no density, and says so', async () => {
    const site = await testApp({ service: testLabelService({ defaultDpi: 300 }) })
    try {
      const one = await site.inject({ method: 'POST', url: '/v1/labels', payload: { record: fullRecord() } })
      expect(one.json().print_density).toBe('300dpi')
      const many = await site.inject({ method: 'POST', url: '/v1/labels/batch', payload: { records: [fullRecord(), fullRecord()] } })
      const body = many.json()
      expect(body.print_density).toBe('300dpi')
      expect(Buffer.from(body.label_string, 'base64').toString('utf8').match(/\^PW1200/g)).toHaveLength(2)
    } finally {
      await site.close()
    }
  })
})
