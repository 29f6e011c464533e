// How POST /v1/labels reads its body: compressed, in another charset, or refused naming the header at fault.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { brotliCompressSync, deflateSync, gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../../support/app.ts'
import { fullRecord, recordWith } from './fixtures.ts'

let app: FastifyInstance
beforeAll(async () => { app = await testApp() })
afterAll(async () => { await app.close() })

const post = (payload: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> =>
  app.inject({ method: 'POST', url: '/v1/labels', payload: payload as string, headers: { 'content-type': 'application/json', ...headers } })

describe('POST /v1/labels body encodings', () => {
  const record = recordWith({ recipient: { name: 'Renée Müller' } })
  const zplOf = (res: LightMyRequestResponse): string => Buffer.from(res.json().label_string, 'base64').toString('utf8')

  it('reads a gzip, deflate or br body as the JSON inside', async () => {
    const body = Buffer.from(JSON.stringify({ record }))
    for (const [encoding, packed] of [['gzip', gzipSync(body)], ['deflate', deflateSync(body)], ['br', brotliCompressSync(body)]] as const) {
      const res = await post(packed, { 'content-encoding': encoding })
      expect(res.statusCode, encoding).toBe(200)
      expect(zplOf(res), encoding).toContain('^FXRenée Müller^FO')
    }
  })

  it('reads a body in the charset its Content-Type names (windows-1252 from an older system)', async () => {
    const res = await post(Buffer.from(JSON.stringify({ record }), 'latin1'), { 'content-type': 'application/json; charset=windows-1252' })
    expect(res.statusCode).toBe(200)
    expect(zplOf(res)).toContain('^FXRenée Müller^FO')
  })
})

describe('POST /v1/labels body refusals', () => {
  it('refuses a body that is not JSON with 415 naming the Content-Type, text/plain included', async () => {
    for (const [type, payload] of [['application/x-www-form-urlencoded', 'tracking=1'], ['text/plain', JSON.stringify({ record: fullRecord() })]]) {
      const res = await app.inject({ method: 'POST', url: '/v1/labels', payload, headers: { 'content-type': type } })
      expect(res.statusCode, type).toBe(415)
      expect(res.json().error).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', issues: [{ path: 'header.content-type', rule: 'media_type' }] })
    }
  })

  it('refuses bytes that are not UTF-8 with 400 naming the charset, not a character the font lacks', async () => {
    const body = Buffer.from(JSON.stringify({ record: recordWith({ recipient: { name: 'Renée Müller' } }) }), 'latin1')
    const res = await post(body)
    expect(res.statusCode).toBe(400)
    expect(res.json().error).toMatchObject({ code: 'INVALID_BODY_ENCODING', issues: [{ path: 'header.content-type', rule: 'charset' }] })
    expect(res.json().error.message).toMatch(/byte 0xE9 at offset \d+/)
  })

  it('refuses a Content-Encoding it does not know (415) and compressed data that is broken (400)', async () => {
    const body = JSON.stringify({ record: fullRecord() })
    const unknown = await post(body, { 'content-encoding': 'compress' })
    expect(unknown.statusCode).toBe(415)
    expect(unknown.json().error).toMatchObject({ code: 'UNSUPPORTED_CONTENT_ENCODING', issues: [{ path: 'header.content-encoding' }] })
    const broken = await post(gzipSync(body).subarray(0, 40), { 'content-encoding': 'gzip' })
    expect(broken.statusCode).toBe(400)
    expect(broken.json().error).toMatchObject({ code: 'INVALID_BODY_ENCODING', issues: [{ path: 'header.content-encoding' }] })
  })
})
