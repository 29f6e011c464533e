// The client pointed at our endpoint (the app listening on 127.0.0.1) behaves as pointed at a stub that answers
// the way Labelary documents it: same images, same page counts, same errors, same 413 splitting.
import type { FastifyInstance } from 'fastify'
import { PDFDocument } from 'pdf-lib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLabelaryClient, type LabelaryClient, type LabelaryRenderRequest } from '../../src/labelary/index.ts'
import { createZplRasterizer, splitZplLabels, type Dpmm } from '../../src/render/png/index.ts'
import { labelaryApp } from '../http/labelary/endpoint-app.ts'
import { startStub, type StubServer } from './stub-server.ts'

const rasterizer = createZplRasterizer({ workers: 2 })
let app: FastifyInstance
let stub: StubServer
const clients: Record<'ours' | 'stub', LabelaryClient> = {} as Record<'ours' | 'stub', LabelaryClient>

/** Labelary as documented: 413 past 50 labels, 404 past the last index, X-Total-Count, PDF of all labels. */
async function labelaryStub (): Promise<StubServer> {
  return startStub(async (req, res) => {
    const [, dpmm, w, h, index] = /^\/v1\/printers\/(\d+)dpmm\/labels\/([\d.]+)x([\d.]+)\/(?:(\d+)\/)?$/.exec(req.url) ?? []
    const split = splitZplLabels(req.body)
    const fail = (status: number, message: string) => { res.writeHead(status, { 'content-type': 'text/plain' }); res.end(`ERROR: ${message}`) }
    if (split.labels.length > 50) return fail(413, 'too many labels')
    if (index !== undefined && Number(index) >= split.labels.length) return fail(404, 'index out of range')
    const options = { dpmm: Number(dpmm) as Dpmm, widthIn: Number(w), heightIn: Number(h), rotation: Number(req.headers['x-rotation'] ?? 0) as 0 }
    const headers = { 'x-total-count': String(split.labels.length), ...(req.headers['x-linter'] === 'On' ? { 'x-warnings': '' } : {}) }
    if (req.headers.accept === 'image/png') {
      res.writeHead(200, { ...headers, 'content-type': 'image/png' })
      res.end(await rasterizer.renderLabel(split, Number(index ?? 0), options))
      return
    }
    const doc = await PDFDocument.create()
    for (const png of await rasterizer.render(req.body, options)) doc.addPage([options.widthIn * 72, options.heightIn * 72]).drawImage(await doc.embedPng(png))
    res.writeHead(200, { ...headers, 'content-type': 'application/pdf' })
    res.end(Buffer.from(await doc.save()))
  })
}

beforeAll(async () => {
  app = await labelaryApp(rasterizer)
  const ours = await app.listen({ host: '127.0.0.1', port: 0 })
  stub = await labelaryStub()
  // A per-request limit above 50 so that the servers, not the client, refuse the 51-label batch.
  const options = { ratePerSecond: 1000, backoffBaseMs: 10, maxLabelsPerRequest: 100 }
  clients.ours = createLabelaryClient({ baseUrl: ours, ...options })
  clients.stub = createLabelaryClient({ baseUrl: stub.url, ...options })
})
afterAll(async () => {
  await Promise.all([clients.ours.close(), clients.stub.close()])
  await app.close()
  await stub.close()
  await rasterizer.close()
})

async function both<T> (run: (client: LabelaryClient) => Promise<T>): Promise<[T, T]> {
  return [await run(clients.ours), await run(clients.stub)]
}

const LABEL = '^XA^FO20,20^GB100,60,60^FS^FO20,100^A0N,30,30^FDParity^FS^XZ'
const job = (zpl: string, extra: Partial<LabelaryRenderRequest> = {}): LabelaryRenderRequest =>
  ({ zpl, dpmm: 8, widthIn: 2, heightIn: 1, accept: 'image/png', ...extra })

describe('our endpoint answers the client as Labelary does', () => {
  it('gives the same PNG of every label, rotated, with the same (empty) linter warnings', async () => {
    const [ours, theirs] = await both((c) => c.render({ ...job(LABEL + LABEL.replace('Parity', 'Two')), accept: 'image/png', rotation: 90, lint: true }))
    expect(ours.images).toHaveLength(2)
    expect(ours.images.map((b) => b.readUInt32BE(16))).toEqual([203, 203])
    expect(ours.images).toEqual(theirs.images)
    expect(ours.warnings).toEqual(theirs.warnings)
  })

  it('gives a PDF with a page per label of the same size', async () => {
    const [ours, theirs] = await both(async (c) => {
      const doc = await PDFDocument.load((await c.render({ ...job(LABEL.repeat(3)), accept: 'application/pdf' })).pdf)
      return doc.getPages().map((p) => p.getSize())
    })
    expect(ours).toEqual([{ width: 144, height: 72 }, { width: 144, height: 72 }, { width: 144, height: 72 }])
    expect(ours).toEqual(theirs)
  })

  it('rejects an index past the last label with HTTP 404', async () => {
    const [ours, theirs] = await both((c) => c.render(job(LABEL, { index: 3 })).then(() => 'resolved', (err: unknown) => err))
    expect(ours).toMatchObject({ code: 'LABELARY_REJECTED', status: 404 })
    expect(theirs).toMatchObject({ code: 'LABELARY_REJECTED', status: 404 })
  })

  it('refuses 51 labels with 413, which the client answers by halving the batch', async () => {
    const tiny = '^XA^FO0,0^GB8,8,8^FS^XZ'
    const [ours, theirs] = await both(async (c) => {
      const { pdf } = await c.render({ zpl: tiny.repeat(51), dpmm: 6, widthIn: 0.5, heightIn: 0.5, accept: 'application/pdf' })
      return (await PDFDocument.load(pdf)).getPageCount()
    })
    expect([ours, theirs]).toEqual([51, 51])
  })
})
