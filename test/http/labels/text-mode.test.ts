import { readFileSync } from 'node:fs'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../../support/app.ts'
import { fullRecord } from './fixtures.ts'

let app: FastifyInstance
beforeAll(async () => { app = await testApp() })
afterAll(async () => { await app.close() })

const post = (payload: unknown, query = '', url = '/v1/labels'): Promise<LightMyRequestResponse> =>
  app.inject({ method: 'POST', url: `${url}${query}`, payload: payload as string, headers: { 'content-type': 'application/json', accept: 'x-application/zpl' } })

describe('ZPL text modes', () => {
  it('draws text as graphics by default: no font named, the text kept in ^FX comments', async () => {
    const zpl = (await post({ record: fullRecord() })).body
    expect(zpl).not.toContain('^A@')
    expect(zpl).toContain('^FXJordan Alvarez^FO')
    expect(zpl).toMatch(/\^GFA,\d+,\d+,\d+,:Z64:/)
  })

  it('prints text in the label font with text: font (body or query), and with include_font alone', async () => {
    for (const [payload, query] of [[{ record: fullRecord(), text: 'font' }, ''], [fullRecord(), '?text=font'], [{ record: fullRecord(), include_font: true }, '']] as const) {
      const zpl = (await post(payload, query)).body
      expect(zpl).toContain('^A@N,')
      expect(zpl).not.toContain('^GFA')
      expect(zpl).toContain('^FH^FDJordan Alvarez^FS')
    }
  })

  it('refuses text for PDF and PNG, an unknown mode, and include_font beside text: graphic, naming the field', async () => {
    const cases = [
      [{ record: fullRecord(), format: 'pdf', text: 'font' }, '', 'text', 'zpl_only'],
      [fullRecord(), '?format=png&text=graphic', 'query.text', 'zpl_only'],
      [{ record: fullRecord(), text: 'bitmap' }, '', 'text', 'enum'],
      [{ record: fullRecord(), text: 'graphic', include_font: true }, '', 'include_font', 'conflict']
    ] as const
    for (const [payload, query, path, rule] of cases) {
      const res = await app.inject({ method: 'POST', url: `/v1/labels${query}`, payload: payload as unknown as string, headers: { 'content-type': 'application/json' } })
      expect(res.statusCode, JSON.stringify(payload)).toBe(400)
      expect(res.json().error).toMatchObject({ code: 'VALIDATION_FAILED', issues: [{ path, rule }] })
    }
  })

  it('applies to every label of a ZPL batch', async () => {
    const graphic = (await post({ records: [fullRecord(), fullRecord()] }, '', '/v1/labels/batch')).body
    expect(graphic.split('^XA').length - 1).toBe(2)
    expect(graphic).not.toContain('^A@')
    const font = (await post({ records: [fullRecord(), fullRecord()], text: 'font' }, '', '/v1/labels/batch')).body
    expect(font.split('^A@N,').length).toBeGreaterThan(4)
    expect(font).not.toContain('^GFA')
  })
})

describe('self-contained ZPL size', () => {
  it('the DashLink guide record on the standard template is at most 12 KB at 203 dpi and 24 KB at 300 dpi, the same bytes every time', async () => {
    const seed = JSON.parse(readFileSync(new URL('../../records/fixtures/dashlink-create-request-with-tracking.json', import.meta.url), 'utf8')) as unknown
    for (const [dpi, limit] of [[203, 12 * 1024], [300, 24 * 1024]] as const) {
      const first = (await post(seed, `?template=standard&dpi=${dpi}`)).rawPayload
      expect(first.length).toBeLessThanOrEqual(limit)
      expect(first.length).toBeGreaterThan(limit / 4)
      expect((await post(seed, `?template=standard&dpi=${dpi}`)).rawPayload.equals(first)).toBe(true)
    }
  })
})
