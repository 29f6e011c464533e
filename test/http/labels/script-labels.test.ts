// Labels for recipients in every script the fonts cover, through the HTTP API: the ZPL keeps each name searchable in
// its ^FX comment, the PDF gives it back as text (pdfjs, the way a viewer copies it), the PNG's barcode scans.
import { readFileSync } from 'node:fs'
import { inflateSync } from 'node:zlib'
import type { FastifyInstance } from 'fastify'
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../../support/app.ts'
import { decodeCode128 } from '../../support/decode-barcode.ts'
import { pngToGray } from '../../support/zpl-render.ts'

let app: FastifyInstance
beforeAll(async () => { app = await testApp() })
afterAll(async () => { await app.close() })

const SCRIPTS = ['japanese', 'chinese', 'korean', 'arabic', 'hebrew', 'thai', 'hindi', 'vietnamese', 'latin-arabic']
const fixture = (name: string): { recipient: { name: string }, tracking_code: string } =>
  JSON.parse(readFileSync(new URL(`../../golden/fixtures/script-${name}.json`, import.meta.url), 'utf8')) as { recipient: { name: string }, tracking_code: string }

async function pdfText (pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false }).promise
  const content = await (await doc.getPage(1)).getTextContent()
  return content.items.map((item) => ('str' in item ? item.str : '')).join('')
}

/** The PDF's content streams, inflated and joined. */
function contentStreams (pdf: Buffer): string {
  let out = ''
  for (const m of pdf.toString('latin1').matchAll(/stream\r?\n([\s\S]*?)endstream/g)) {
    try { out += inflateSync(Buffer.from(m[1] as string, 'latin1')).toString('latin1') } catch { /* not a deflated stream */ }
  }
  return out
}

const squeeze = (s: string): string => s.replace(/\s+/g, '')

describe('labels in every script', () => {
  it.each(SCRIPTS)('%s: ZPL names it in ^FX, the PDF gives the name back, the PNG scans', async (script) => {
    const record = fixture(script)
    const post = (format: string, accept: string) => app.inject({ method: 'POST', url: `/v1/labels?format=${format}`, payload: record, headers: { accept } })
    const zpl = await post('zpl', 'x-application/zpl')
    expect(zpl.statusCode).toBe(200)
    expect(zpl.body).toContain(`^FX${record.recipient.name}^FO`)
    expect(zpl.body).not.toContain('^A@')
    const pdf = await post('pdf', 'application/pdf')
    const text = squeeze(await pdfText(pdf.rawPayload))
    const name = squeeze(record.recipient.name)
    if (script === 'latin-arabic') {
      // pdfjs cuts a line where a glyph is raised and orders the pieces itself, so of a line of two directions it
      // gives back every character, not always in order; the span's ActualText holds the name as sent.
      for (const part of record.recipient.name.split(' ')) for (const ch of part) expect(text).toContain(ch)
      expect(contentStreams(pdf.rawPayload)).toContain(`/ActualText <FEFF${Buffer.from(record.recipient.name, 'utf16le').swap16().toString('hex')}>`)
    } else {
      expect(text).toContain(name)
    }
    const png = await post('png', 'image/png')
    expect((await decodeCode128(await pngToGray(png.rawPayload))).map((d) => d.text)).toEqual([record.tracking_code])
  })

  it('still refuses a character no font has, naming the field and the character', async () => {
    const record = { ...fixture('japanese'), recipient: { ...fixture('japanese').recipient, name: '山田 🎁 太郎' } }
    const res = await app.inject({ method: 'POST', url: '/v1/labels', payload: record })
    expect(res.statusCode).toBe(422)
    expect(res.json().error).toMatchObject({ code: 'UNSUPPORTED_CHARACTER', issues: [{ path: 'record.recipient.name' }] })
    expect(res.json().error.message).toContain('🎁')
  })
})
