// The Labelary client against real HTTP servers on 127.0.0.1 that answer like Labelary, or misbehave.
import { PDFDocument } from 'pdf-lib'
import { afterEach, describe, expect, it } from 'vitest'
import { createLabelaryClient, type LabelaryClientOptions } from '../../src/labelary/index.ts'
import { fakePng, labelCount, startStub, type StubHandler, type StubServer } from './stub-server.ts'

const LABEL = '^XA^FO10,10^GB100,1,1^FS^XZ'
const FAST = { backoffBaseMs: 20, maxBackoffMs: 50, ratePerSecond: 1000 } satisfies Partial<LabelaryClientOptions>

let stub: StubServer | undefined
let closeClient: (() => Promise<void>) | undefined
afterEach(async () => {
  await closeClient?.()
  await stub?.close()
  stub = undefined
  closeClient = undefined
})

async function setup (handler: StubHandler, options: Partial<LabelaryClientOptions> = {}) {
  stub = await startStub(handler)
  const client = createLabelaryClient({ baseUrl: `${stub.url}/`, ...FAST, ...options })
  closeClient = () => client.close()
  return { client, stub }
}

const png = (req: Parameters<StubHandler>[0], res: Parameters<StubHandler>[1]) => {
  res.writeHead(200, { 'content-type': 'image/png', 'x-total-count': String(labelCount(req.body)) })
  res.end(fakePng(req.url))
}

async function pdfWithPages (n: number): Promise<Buffer> {
  const doc = await PDFDocument.create()
  for (let i = 0; i < n; i++) doc.addPage([288, 432])
  return Buffer.from(await doc.save())
}

describe('requests as Labelary expects them', () => {
  it('POSTs the ZPL to /v1/printers/{dpmm}dpmm/labels/{w}x{h}/{index}/ with Accept, key, rotation and linter', async () => {
    const { client, stub } = await setup(png, { apiKey: 'k-123' })
    const result = await client.render({ zpl: LABEL, dpmm: 8, widthIn: 4, heightIn: 6, index: 0, rotation: 90, lint: true, accept: 'image/png' })
    expect(result.images).toHaveLength(1)
    const [req] = stub.requests
    expect(req).toMatchObject({ method: 'POST', url: '/v1/printers/8dpmm/labels/4x6/0/', body: LABEL })
    expect(req?.headers).toMatchObject({ accept: 'image/png', 'x-api-key': 'k-123', 'x-rotation': '90', 'x-linter': 'On' })
  })

  it('fetches every label of a PNG job by index, as many as X-Total-Count says', async () => {
    const { client, stub } = await setup(png)
    const result = await client.render({ zpl: LABEL.repeat(3), dpmm: 12, widthIn: 4, heightIn: 6, accept: 'image/png' })
    expect(result.images.map((b) => b.subarray(8).toString())).toEqual([0, 1, 2].map((i) => `/v1/printers/12dpmm/labels/4x6/${i}/`))
    expect(stub.requests.map((r) => r.url).sort()).toEqual([0, 1, 2].map((i) => `/v1/printers/12dpmm/labels/4x6/${i}/`))
  })

  it('parses linter warnings from X-Warnings', async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(200, { 'x-total-count': '1', 'x-warnings': '13|9|^GB|3|Value 1 is less than minimum value 2; used 2 instead|4|7|^FO||Ignored' })
      res.end(fakePng('x'))
    })
    const { warnings } = await client.render({ zpl: LABEL, dpmm: 8, widthIn: 4, heightIn: 6, index: 0, lint: true, accept: 'image/png' })
    expect(warnings).toEqual([
      { byteIndex: 13, byteSize: 9, command: '^GB', parameter: 3, message: 'Value 1 is less than minimum value 2; used 2 instead' },
      { byteIndex: 4, byteSize: 7, command: '^FO', message: 'Ignored' }
    ])
  })
})

describe('splitting', () => {
  it('sends at most 50 labels per request, repeats downloads, merges the PDFs and maps warnings back', async () => {
    const download = '~DGR:LOGO.GRF,2,1,FFFF\n'
    const zpl = download + LABEL.repeat(120)
    const { client, stub } = await setup(async (req, res) => {
      // One warning on the first ^GB of each body, where Labelary would put it (bytes of what we sent).
      const at = Buffer.byteLength(req.body.slice(0, req.body.indexOf('^GB')))
      res.writeHead(200, { 'content-type': 'application/pdf', 'x-warnings': `${at}|3|^GB|1|w` })
      res.end(await pdfWithPages(labelCount(req.body)))
    })
    const result = await client.render({ zpl, dpmm: 8, widthIn: 4, heightIn: 6, lint: true, accept: 'application/pdf' })
    expect(stub.requests.map((r) => labelCount(r.body))).toEqual([50, 50, 20])
    expect(stub.requests.every((r) => r.url === '/v1/printers/8dpmm/labels/4x6/' && r.body.startsWith(download))).toBe(true)
    expect((await PDFDocument.load(result.pdf)).getPageCount()).toBe(120)
    const firstGb = (label: number) => download.length + label * LABEL.length + LABEL.indexOf('^GB')
    expect(result.warnings.map((w) => w.byteIndex)).toEqual([firstGb(0), firstGb(50), firstGb(100)])
  })

  it('splits a batch in half on 413 until Labelary takes it', async () => {
    const { client, stub } = await setup(async (req, res) => {
      if (labelCount(req.body) > 2) {
        res.writeHead(413, { 'content-type': 'text/plain' })
        res.end('ERROR: Request too large')
        return
      }
      res.writeHead(200, { 'content-type': 'application/pdf' })
      res.end(await pdfWithPages(labelCount(req.body)))
    })
    const result = await client.render({ zpl: LABEL.repeat(5), dpmm: 8, widthIn: 4, heightIn: 6, accept: 'application/pdf' })
    expect(stub.requests.map((r) => labelCount(r.body))).toEqual([5, 2, 3, 1, 2])
    expect((await PDFDocument.load(result.pdf)).getPageCount()).toBe(5)
  })

  it('sends only the chunk holding an explicit index of a long job, and checks the index first', async () => {
    const { client, stub } = await setup(png)
    const zpl = '~DGR:A.GRF,1,1,FF\n' + Array.from({ length: 60 }, (_v, i) => LABEL.replace('^XZ', `^FD${i}^FS^XZ`)).join('')
    await client.render({ zpl, dpmm: 8, widthIn: 4, heightIn: 6, index: 55, accept: 'image/png' })
    expect(stub.requests.map((r) => [r.url, labelCount(r.body), r.body.startsWith('~DG'), r.body.includes('^FD55^FS')]))
      .toEqual([['/v1/printers/8dpmm/labels/4x6/0/', 1, true, true]])
    await expect(client.render({ zpl, dpmm: 8, widthIn: 4, heightIn: 6, index: 60, accept: 'image/png' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' })
    expect(stub.requests).toHaveLength(1)
  })

  it('gives up with LABELARY_REJECTED when a single label is still too large', async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(413)
      res.end('ERROR: Request too large')
    })
    await expect(client.render({ zpl: LABEL, dpmm: 8, widthIn: 4, heightIn: 6, accept: 'application/pdf' }))
      .rejects.toMatchObject({ code: 'LABELARY_REJECTED', status: 413, labelaryMessage: 'ERROR: Request too large' })
  })
})

describe('retries', () => {
  const fail = (status: number, headers: Record<string, string> = {}, times = Infinity): StubHandler => (req, res, n) => {
    if (n < times) {
      res.writeHead(status, headers)
      res.end(`ERROR: ${status}`)
    } else png(req, res)
  }
  const one = { zpl: LABEL, dpmm: 8, widthIn: 4, heightIn: 6, index: 0, accept: 'image/png' } as const

  it('retries 429 without Retry-After with backoff, then succeeds', async () => {
    const { client, stub } = await setup(fail(429, {}, 2))
    expect((await client.render(one)).images).toHaveLength(1)
    expect(stub.requests).toHaveLength(3)
    expect((stub.requests[2]?.at ?? 0) - (stub.requests[0]?.at ?? 0)).toBeGreaterThanOrEqual(20)
  })

  it('waits as long as Retry-After says (seconds)', async () => {
    const { client, stub } = await setup(fail(429, { 'retry-after': '1' }, 1))
    await client.render(one)
    expect((stub.requests[1]?.at ?? 0) - (stub.requests[0]?.at ?? 0)).toBeGreaterThanOrEqual(990)
  })

  it('does not wait for a Retry-After beyond its limit: LABELARY_RATE_LIMITED at once', async () => {
    const { client, stub } = await setup(fail(429, { 'retry-after': new Date(Date.now() + 3_600_000).toUTCString() }), { maxRetryAfterMs: 5_000 })
    await expect(client.render(one)).rejects.toMatchObject({ code: 'LABELARY_RATE_LIMITED' })
    expect(stub.requests).toHaveLength(1)
  })

  it('retries 5xx, then succeeds', async () => {
    const { client, stub } = await setup(fail(503, {}, 1))
    expect((await client.render(one)).images).toHaveLength(1)
    expect(stub.requests).toHaveLength(2)
  })

  it.each([
    [429, 'LABELARY_RATE_LIMITED'],
    [502, 'LABELARY_UNAVAILABLE']
  ])('ends HTTP %i after the last retry with %s', async (status, code) => {
    const { client, stub } = await setup(fail(status), { maxRetries: 2 })
    await expect(client.render(one)).rejects.toMatchObject({ code })
    expect(stub.requests).toHaveLength(3)
  })

  it('does not retry other 4xx: LABELARY_REJECTED with Labelary’s message', async () => {
    const { client, stub } = await setup(fail(400))
    await expect(client.render(one)).rejects.toMatchObject({ code: 'LABELARY_REJECTED', status: 400, labelaryMessage: 'ERROR: 400' })
    expect(stub.requests).toHaveLength(1)
  })

  it('never returns an empty result: an empty 200 or a non-PNG body is LABELARY_UNAVAILABLE', async () => {
    const { client } = await setup((_req, res) => { res.end() }, { maxRetries: 1 })
    await expect(client.render(one)).rejects.toMatchObject({ code: 'LABELARY_UNAVAILABLE' })
    await closeClient?.()
    await stub?.close()
    const other = await setup((_req, res) => { res.end('<html>proxy error</html>') })
    await expect(other.client.render(one)).rejects.toMatchObject({ code: 'LABELARY_UNAVAILABLE' })
  })

  it('never returns a PDF that is not one: a one-request PDF answered with HTML is LABELARY_UNAVAILABLE', async () => {
    const { client } = await setup((_req, res) => { res.end('<html>proxy error</html>') })
    const { index: _index, ...every } = one
    await expect(client.render({ ...every, accept: 'application/pdf' })).rejects.toMatchObject({ code: 'LABELARY_UNAVAILABLE', message: expect.stringMatching(/not a PDF/) })
  })
})

describe('timeouts and unreachable servers', () => {
  const one = { zpl: LABEL, dpmm: 8, widthIn: 4, heightIn: 6, index: 0, accept: 'image/png' } as const

  it('times out a server that never answers (LABELARY_TIMEOUT), retrying first', async () => {
    const { client, stub } = await setup(() => undefined, { headersTimeoutMs: 150, maxRetries: 1 })
    await expect(client.render(one)).rejects.toMatchObject({ code: 'LABELARY_TIMEOUT', message: expect.stringMatching(/waiting for/) })
    expect(stub.requests).toHaveLength(2)
  })

  it('times out a body that stops half way (LABELARY_TIMEOUT)', async () => {
    const { client } = await setup((_req, res) => {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': '1000' })
      res.write(fakePng('partial'))
    }, { bodyTimeoutMs: 150, maxRetries: 0 })
    await expect(client.render(one)).rejects.toMatchObject({ code: 'LABELARY_TIMEOUT', message: expect.stringMatching(/reading the response/) })
  })

  it('reports a closed port as LABELARY_UNAVAILABLE', async () => {
    const gone = await startStub(() => undefined)
    await gone.close()
    const client = createLabelaryClient({ baseUrl: gone.url, ...FAST, maxRetries: 1 })
    closeClient = () => client.close()
    await expect(client.render(one)).rejects.toMatchObject({ code: 'LABELARY_UNAVAILABLE', message: expect.stringMatching(/ECONNREFUSED/) })
  })

  it('fails at once after close(), without retrying through its backoffs', async () => {
    const { client } = await setup(png, { backoffBaseMs: 2_000, maxBackoffMs: 2_000, maxRetries: 3 })
    await client.close()
    closeClient = undefined
    const started = performance.now()
    await expect(client.render(one)).rejects.toMatchObject({ code: 'LABELARY_UNAVAILABLE' })
    expect(performance.now() - started).toBeLessThan(1_000)
  })
})

describe('rate limit', () => {
  it('spaces requests at 1/rate, however many are in flight', async () => {
    const { client, stub } = await setup(png, { ratePerSecond: 20 })
    await client.render({ zpl: LABEL.repeat(6), dpmm: 8, widthIn: 4, heightIn: 6, accept: 'image/png' })
    const at = stub.requests.map((r) => r.at).sort((a, b) => a - b)
    expect(at).toHaveLength(6)
    // The k-th request leaves no earlier than k × 50 ms after the first; arrival order on a loaded machine may
    // bunch two neighbours, so the schedule is checked from the first request (25 ms for socket jitter).
    for (let k = 1; k < at.length; k++) expect((at[k] as number) - (at[0] as number)).toBeGreaterThanOrEqual(50 * k - 25)
    const gaps = at.slice(1).map((t, i) => t - (at[i] as number)).sort((a, b) => a - b)
    expect(gaps[2]).toBeGreaterThanOrEqual(40)
  })
})
