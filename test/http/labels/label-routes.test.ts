import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { envelopeJson } from '../../../src/http/labels/label-routes.ts'
import { testApp } from '../../support/app.ts'
import { fullRecord, recordWith } from './fixtures.ts'

let app: FastifyInstance
beforeAll(async () => { app = await testApp() })
afterAll(async () => { await app.close() })

const post = (payload: unknown, headers: Record<string, string> = {}, query = ''): Promise<LightMyRequestResponse> =>
  app.inject({ method: 'POST', url: `/v1/labels${query}`, payload: payload as string, headers: { 'content-type': 'application/json', ...headers } })

describe('POST /v1/labels', () => {
  it('answers the DashLink-shaped envelope with a base64 ZPL label by default', async () => {
    const res = await post({ record: fullRecord(), format: 'zpl', dpi: 203 })
    expect(res.statusCode).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ label_format: 'zpl', label_size: '4x6', print_density: '203dpi', tracking_code: 'LWX100200300400500', source: 'generic', template: 'standard' })
    const zpl = Buffer.from(body.label_string, 'base64').toString('utf8')
    expect(zpl.startsWith('^XA')).toBe(true)
    expect(zpl.endsWith('^XZ')).toBe(true)
    expect(zpl).toContain('^PW812^LL1218')
    expect(Array.isArray(body.warnings)).toBe(true)
  })

  it('lays out at 300 dpi when asked', async () => {
    const body = (await post({ record: fullRecord(), dpi: 300 })).json()
    expect(body.print_density).toBe('300dpi')
    expect(Buffer.from(body.label_string, 'base64').toString()).toContain('^PW1200^LL1800')
  })

  it('sends raw ZPL bytes when Accept asks for ZPL', async () => {
    const res = await post({ record: fullRecord() }, { accept: 'x-application/zpl' })
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toContain('x-application/zpl')
    expect(res.headers['x-tracking-code']).toBe('LWX100200300400500')
    expect(res.body.startsWith('^XA')).toBe(true)
  })

  it('writes the envelope exactly as JSON.stringify would, key order and escapes included', () => {
    const facts = {
      format: 'zpl' as const, contentType: 'x-application/zpl', trackingCode: 'LWX"1\\2', source: 'generic' as const, template: 'standard', dpi: 300 as const,
      warnings: [{ code: 'REGION_ABBREVIATED', path: 'record.recipient.address.state', message: 'state "Kraków\n☃" printed as its code CA' }]
    }
    const body = '^XA^FDZażółć^FS^XZ'
    expect(envelopeJson(facts, body)).toBe(JSON.stringify({
      label_format: 'zpl', label_size: '4x6', print_density: '300dpi', label_string: Buffer.from(body).toString('base64'),
      tracking_code: facts.trackingCode, source: 'generic', template: 'standard', warnings: facts.warnings
    }))
    expect(JSON.parse(envelopeJson({ ...facts, warnings: [] }, Buffer.from(body))).label_string).toBe(Buffer.from(body).toString('base64'))
  })

  it('sends raw ZPL as the same UTF-8 bytes the envelope carries, with their byte length', async () => {
    const record = recordWith({ recipient: { name: 'Zoë Łukasiewicz Ωμέγα' } })
    const raw = await post({ record }, { accept: 'x-application/zpl' })
    const fromEnvelope = Buffer.from((await post({ record })).json().label_string, 'base64')
    expect(raw.rawPayload.equals(fromEnvelope)).toBe(true)
    expect(Number(raw.headers['content-length'])).toBe(fromEnvelope.length)
    expect(raw.body).toContain('Zoë Łukasiewicz Ωμέγα')
  })

  it('sends a raw PDF for Accept: application/pdf, the same bytes every time', async () => {
    const a = await post({ record: fullRecord() }, { accept: 'application/pdf' })
    const b = await post({ record: fullRecord() }, { accept: 'application/pdf' })
    expect(a.statusCode).toBe(200)
    expect(a.headers['content-type']).toBe('application/pdf')
    expect(a.rawPayload.subarray(0, 5).toString()).toBe('%PDF-')
    expect(a.rawPayload.equals(b.rawPayload)).toBe(true)
  })

  it('takes a raw record body with options in the query string, as curl --data-binary @file sends it', async () => {
    const res = await post(JSON.stringify(fullRecord()), {}, '?source=generic&format=zpl&dpi=300')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ print_density: '300dpi', source: 'generic' })
  })

  it('lets envelope options win over the query, which fills in what the envelope leaves out', async () => {
    const res = await post({ record: fullRecord(), dpi: 203 }, {}, '?dpi=300&source=generic')
    expect(res.statusCode).toBe(200)
    expect(res.json()).toMatchObject({ print_density: '203dpi', source: 'generic' })
  })

  it('names every envelope field it does not know, in the order sent', async () => {
    const res = await post({ fromat: 'pdf', record: fullRecord(), dpii: 300 })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.issues.map((i: { path: string }) => i.path)).toEqual(['fromat', 'dpii'])
  })

  it('strips a UTF-8 byte-order mark at the start of the body', async () => {
    const res = await post('\uFEFF' + JSON.stringify(fullRecord()), {}, '?format=zpl')
    expect(res.statusCode).toBe(200)
  })

  it('prepends the label font download when include_font is set', async () => {
    const res = await post({ record: fullRecord(), include_font: true }, { accept: 'x-application/zpl' })
    expect(res.body.startsWith('~DUE:LWSANS.TTF,')).toBe(true)
    expect(res.body.match(/\^XA/g)).toHaveLength(1)
  })

  it('refuses include_font for a PDF or PNG label, which always carries its font, naming where it was asked', async () => {
    const cases: [unknown, Record<string, string>, string, string][] = [
      [{ record: fullRecord(), format: 'pdf', include_font: true }, {}, '', 'include_font'],
      [{ record: fullRecord(), include_font: true }, { accept: 'application/pdf' }, '', 'include_font'],
      [{ record: fullRecord(), format: 'png' }, {}, '?include_font=true', 'query.include_font']
    ]
    for (const [payload, headers, query, path] of cases) {
      const res = await post(payload, headers, query)
      expect(res.statusCode, path).toBe(400)
      expect(res.json().error.issues).toEqual([{ path, rule: 'zpl_only', message: expect.stringMatching(/^applies to ZPL labels only; a (pdf|png) label always carries its font$/) }])
    }
    const off = await post({ record: fullRecord(), format: 'pdf', include_font: false }, { accept: 'application/pdf' })
    expect(off.statusCode).toBe(200)
  })

  it('prints a name sent with combining accents as the composed letters (NFC), not as refused marks', async () => {
    const res = await post({ record: recordWith({ recipient: { name: 'Rene\u0301 Zo\u0308e' } }) }, { accept: 'x-application/zpl' })
    expect(res.statusCode).toBe(200)
    expect(res.body).toContain('^FXRené Zöe^FO')
  })

  it('prints command characters in names literally: one ^XA, no injected command', async () => {
    const hostile = '^XZ^XA^FDpwn^FS~JR'
    const res = await post({ record: recordWith({ recipient: { name: hostile, company: '_5E~DGR:X' } }) }, { accept: 'x-application/zpl' })
    expect(res.statusCode).toBe(200)
    const zpl = res.body
    expect(zpl.match(/\^XA/g)).toHaveLength(1)
    expect(zpl.match(/\^XZ/g)).toHaveLength(1)
    expect(zpl).not.toContain('~JR')
    expect(zpl).not.toContain('~DG')
    expect(zpl).toContain('_5EXZ_5EXA_5EFDpwn_5EFS_7EJR')
  })
})

describe('POST /v1/labels rejections', () => {
  const cases: [string, () => Promise<LightMyRequestResponse>, number, string, string][] = [
    ['unknown format', () => post({ record: fullRecord(), format: 'gif' }), 400, 'VALIDATION_FAILED', 'format'],
    ['unsupported density', () => post({ record: fullRecord(), dpi: 600 }), 400, 'VALIDATION_FAILED', 'dpi'],
    ['bad density in the query', () => post(fullRecord(), {}, '?dpi=150'), 400, 'VALIDATION_FAILED', 'query.dpi'],
    ['misspelt option in the query', () => post(fullRecord(), {}, '?dpii=300'), 400, 'VALIDATION_FAILED', 'query.dpii'],
    ['unknown source', () => post({ record: fullRecord(), source: 'fedex' }), 400, 'VALIDATION_FAILED', 'source'],
    ['strict not a boolean', () => post({ record: fullRecord(), strict: 'yes' }), 400, 'VALIDATION_FAILED', 'strict'],
    ['typo in an envelope field', () => post({ record: fullRecord(), fromat: 'pdf' }), 400, 'VALIDATION_FAILED', 'fromat'],
    ['unknown template', () => post({ record: fullRecord(), template: 'fancy' }), 400, 'UNKNOWN_TEMPLATE', 'template'],
    ['body is an array', () => post([fullRecord()]), 400, 'VALIDATION_FAILED', 'body'],
    ['body is not JSON', () => post('{"record": '), 400, 'INVALID_JSON', 'body'],
    ['empty body', () => post(''), 400, 'INVALID_JSON', 'body'],
    ['PDF bytes of a ZPL label', () => post({ record: fullRecord(), format: 'zpl' }, { accept: 'application/pdf' }), 406, 'NOT_ACCEPTABLE', 'header.accept'],
    ['a character the font lacks', () => post({ record: recordWith({ recipient: { name: '王小明 🎁' } }) }), 422, 'UNSUPPORTED_CHARACTER', 'record.recipient.name'],
    ['a control character in a name', () => post({ record: recordWith({ recipient: { name: 'Jordan\u0001Alvarez' } }) }), 422, 'UNSUPPORTED_CHARACTER', 'record.recipient.name'],
    ['a barcode too long for either orientation', () => post({ record: recordWith({ tracking_code: 'LWX' + 'ABCDEFGHJK'.repeat(7) }) }), 422, 'BARCODE_TOO_LONG', 'tracking_code'],
    ['a barcode longer than Code128 allows', () => post({ record: recordWith({ tracking_code: 'A1'.repeat(45) }) }), 422, 'INVALID_BARCODE_DATA', 'tracking_code'],
    ['a control character inside the tracking code', () => post({ record: recordWith({ tracking_code: 'LWX100200\u0001300400500' }) }), 422, 'INVALID_BARCODE_DATA', 'record.tracking_code']
  ]
  for (const [name, send, status, code, path] of cases) {
    it(`${name} → ${status} ${code} naming ${path}`, async () => {
      const res = await send()
      expect(res.statusCode).toBe(status)
      const { error } = res.json()
      expect(error.code).toBe(code)
      expect(error.message).toEqual(expect.any(String))
      expect(error.issues.map((i: { path: string }) => i.path).join(' ')).toContain(path)
    })
  }

  it('refuses a control character in text by its code (it prints as nothing), where a tab or line break is folded into a space', async () => {
    const refused = await post({ record: recordWith({ recipient: { name: 'Jordan\u0001Alvarez', company: 'Blue\tHarbor\nCafe' } }) })
    expect(refused.statusCode).toBe(422)
    expect(refused.json().error.message).toBe('record.recipient.name: character U+0001 cannot be printed with the label font')
    const folded = await post({ record: recordWith({ recipient: { company: 'Blue\tHarbor\nCafe' } }) }, { accept: 'x-application/zpl' })
    expect(folded.body).toContain('^FXBlue Harbor Cafe^FO')
  })

  it('encodes the tracking code as sent: a tab or control character inside it is refused, not turned into a space', async () => {
    for (const [code, shown] of [['LWX100200\t300400500', '\\t'], ['LWX100200\u0001300400500', '\\u0001']] as const) {
      const res = await post({ record: recordWith({ tracking_code: code }) })
      expect(res.statusCode).toBe(422)
      // The message leads with the field the user sent, as the issue does, not the label's own name for it.
      expect(res.json().error.message).toBe(`record.tracking_code: character "${shown}" (U+${code.charCodeAt(9).toString(16).toUpperCase().padStart(4, '0')}) at position 10 cannot be encoded in Code128; only printable ASCII is allowed`)
    }
    const padded = await post({ record: recordWith({ tracking_code: ' LWX100200  300400500\t' }) }, { accept: 'x-application/zpl' })
    expect(padded.headers['x-tracking-code']).toBe('LWX100200  300400500')
  })
})
