// Hostile requests, from one seed: real delivery records with fields replaced by deep nesting, huge strings and
// arrays, prototype keys, ZPL commands, control characters, invalid UTF-8 and lone surrogates; bodies in odd
// charsets and encodings (compression bombs included); hostile options and query strings; and the printing routes
// with and without the key, hostile printer hosts and ids, raw ZPL jobs. Broken framing goes out as raw bytes.
import { readdirSync, readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import type { Random } from './random.ts'

/** One request to send; `raw` (whole HTTP/1.1 bytes) for framing that an HTTP client would not produce. */
export interface FuzzRequest {
  kind: string
  method: string
  path: string
  headers: Record<string, string>
  body?: Buffer
  raw?: Buffer
}

/** What the generator needs to know about the server under test. */
export interface FuzzTarget {
  apiKey: string
  /** A fake printer's port on 127.0.0.1, and a port nothing listens on. */
  printerPort: number
  closedPort: number
}

/** JSON text put into a body as is (nesting too deep for JSON.stringify, invalid escapes, duplicate keys). */
class Raw {
  constructor (readonly text: string) {}
}

const FIXTURE_DIR = new URL('../records/fixtures/', import.meta.url)
const RECORDS: unknown[] = [
  JSON.parse(readFileSync(new URL('../../bench/fixtures/generic-record.json', import.meta.url), 'utf8')),
  ...readdirSync(FIXTURE_DIR).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(readFileSync(new URL(f, FIXTURE_DIR), 'utf8')) as unknown)
]

/** 64 MB of zeros, gzipped once (~64 KB): past the body limit once inflated. */
let bomb: Buffer | undefined
const compressionBomb = (): Buffer => (bomb ??= gzipSync(Buffer.alloc(64 * 1024 * 1024 + 1)))

const ZPL_TEXT = ['^XZ^XA^FDinjected^FS^XZ', '~JR', '~DGR:EVIL.GRF,4,1,FF', '^PQ999', '_5E_7E', '^FS^FO0,0^GB800,1200,800^FS', '\u0010\u0003', '^XA', '~HS', '^CI0']
const TEXT = ['', ' ', '\u0000', '\u0007\b\t\n\r', '😀🚚', 'e\u0301', 'Ωμέγα', '東京都', '\u202e\u200d', '\ufeff', '\ud800', '\udfff\ud800', '\u2028', 'İstanbul', '<script>', "'; DROP TABLE jobs;--", '%s%n', '${7*7}']
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__']

function nested (r: Random, open: string, close: string, inner: string): Raw {
  const depth = r.pick([8, 33, 200, 3_218, 20_000, 100_000])
  return new Raw(open.repeat(depth) + inner + close.repeat(depth))
}

/** A hostile value for one field. */
function hostileValue (r: Random): unknown {
  switch (r.int(16)) {
    case 0: return nested(r, '[', ']', '"x"')
    case 1: return nested(r, '{"a":', '}', '1')
    case 2: return 'W'.repeat(r.pick([300, 5_000, 120_000, 1_000_000]))
    case 3: return new Raw(`[${'"x",'.repeat(r.pick([100, 1_500, 50_000]))}"x"]`)
    case 4: return new Raw(`{${Array.from({ length: r.pick([10, 2_000]) }, (_v, i) => `"k${i}":${i}`).join(',')}}`)
    case 5: return Object.fromEntries([[r.pick(PROTO_KEYS), r.chance(0.5) ? { polluted: true } : 'x']])
    case 6: return new Raw(`{"${r.pick(PROTO_KEYS)}":{"isAdmin":true},"${r.pick(PROTO_KEYS)}":"x"}`)
    case 7: return `${r.pick(TEXT)}${r.pick(ZPL_TEXT)}${r.pick(TEXT)}`
    case 8: return r.pick(ZPL_TEXT).repeat(r.pick([1, 50, 2_000]))
    case 9: return new Raw(r.pick(['1e309', '-1e309', '-0', '1e-400', '9'.repeat(400), '0.1e99999', '123456789012345678901234567890']))
    case 10: return r.pick([null, true, false, 0, -1, [], {}, [[]], [{}], 3.14159])
    case 11: return new Raw(r.pick(['"\\ud800"', '"\\udfff\\ud800x"', '"\\u0000\\u001f"', '"a\\u005eXZ"', '"\\u007eJR"']))
    case 12: return new Raw('"\u0000INVALID_UTF8\u0000"')
    case 13: return `${r.pick(TEXT)} ${r.pick(TEXT)} ${r.pick(TEXT)}`
    case 14: return String.fromCharCode(...Array.from({ length: 40 }, () => r.int(0x10000)))
    default: return new Raw('{"street_address":' + nested(r, '[', ']', '"1 Main St"').text + '}')
  }
}

function fieldPaths (value: unknown, path: string[] = [], out: string[][] = []): string[][] {
  if (value === null || typeof value !== 'object' || value instanceof Raw) return out
  for (const [key, child] of Object.entries(value)) {
    out.push([...path, key])
    fieldPaths(child, [...path, key], out)
  }
  return out
}

/** Text a label may well print: ZPL commands, controls and odd Unicode inside otherwise plausible values. */
function hostileText (r: Random, was: string): string {
  const injected = r.chance(0.5) ? r.pick(ZPL_TEXT) : r.pick(TEXT)
  const at = r.int(was.length + 1)
  return `${was.slice(0, at)}${injected}${was.slice(at)}`
}

/**
 * A fixture record with one to four fields (or keys added at any level) replaced by hostile values; or, two times
 * in five, with hostile text spliced into its string fields, which mostly still makes a label whose ZPL is checked.
 */
function hostileRecord (r: Random): unknown {
  const record = structuredClone(r.pick(RECORDS)) as Record<string, unknown>
  if (r.chance(0.4)) {
    for (let edits = 1 + r.int(6); edits > 0; edits--) {
      const path = r.pick(fieldPaths(record))
      let parent: Record<string, unknown> = record
      for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>
      const key = path[path.length - 1] as string
      if (typeof parent[key] === 'string') parent[key] = hostileText(r, parent[key])
    }
    return record
  }
  for (let edits = 1 + r.int(4); edits > 0; edits--) {
    const paths = fieldPaths(record)
    const path = r.chance(0.15) ? [r.pick([...PROTO_KEYS, 'extra_field'])] : r.pick(paths)
    let parent: Record<string, unknown> = record
    for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>
    // defineProperty: assigning to `__proto__` would change the object's prototype instead of adding the key.
    if (parent !== null && typeof parent === 'object' && !(parent instanceof Raw)) {
      Object.defineProperty(parent, path[path.length - 1] as string, { value: hostileValue(r), enumerable: true, writable: true, configurable: true })
    }
  }
  return record
}

/** JSON text of a value that may hold Raw pieces (the generator's own values are shallow). */
function toJson (value: unknown): string {
  if (value instanceof Raw) return value.text
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value).map((k) => `${JSON.stringify(k)}:${toJson((value as Record<string, unknown>)[k])}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}

/** A JSON body, sometimes with its bytes broken: invalid UTF-8, an encoded lone surrogate, truncation, a BOM. */
function bodyBytes (r: Random, json: string): Buffer {
  const bytes = Buffer.from(json.replace('\u0000INVALID_UTF8\u0000', ''), 'utf8')
  const marker = json.indexOf('\u0000INVALID_UTF8\u0000')
  if (marker >= 0 || r.chance(0.05)) {
    const at = marker >= 0 ? Buffer.byteLength(json.slice(0, marker), 'utf8') : Math.max(1, bytes.indexOf(0x22, 1) + 1)
    const bad = r.pick([[0xc3, 0x28], [0xff], [0xed, 0xa0, 0x80], [0xc0, 0xaf], [0xf4, 0x90, 0x80, 0x80], [0xe2, 0x82]])
    return Buffer.concat([bytes.subarray(0, at), Buffer.from(bad), bytes.subarray(at)])
  }
  if (r.chance(0.03)) return bytes.subarray(0, r.int(bytes.length))
  if (r.chance(0.02)) return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes])
  return bytes
}

const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'application/json; charset=latin1', 'application/json; charset=utf-16le', 'application/json; charset=bogus', 'application/vnd.api+json', 'text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', '']
const ACCEPTS = ['*/*', 'application/json', 'x-application/zpl', 'application/pdf', 'image/png', 'text/html', 'application/json;q=0, */*;q=0', '', 'x-application/zpl, application/pdf;q=0.5']

function optionValue (r: Random, key: string): unknown {
  const good: Record<string, unknown[]> = {
    format: ['zpl', 'zpl', 'zpl', 'pdf', 'png'], dpi: [203, 300, '300dpi'], template: ['standard', 'dashlink'], source: ['auto', 'generic', 'drive', 'uber_direct'], strict: [true, false], include_font: [false, true]
  }
  return r.chance(0.75) ? r.pick(good[key] ?? [null]) : hostileValue(r)
}

function jsonHeaders (r: Random, body: Buffer): { headers: Record<string, string>, body: Buffer } {
  const headers: Record<string, string> = {}
  const type = r.chance(0.85) ? 'application/json' : r.pick(CONTENT_TYPES)
  if (type !== '') headers['content-type'] = type
  if (r.chance(0.3)) headers.accept = r.pick(ACCEPTS)
  if (r.chance(0.06)) return { headers: { ...headers, 'content-encoding': 'gzip' }, body: gzipSync(body) }
  if (r.chance(0.02)) return { headers: { ...headers, 'content-encoding': 'gzip' }, body: compressionBomb() }
  if (r.chance(0.02)) return { headers: { ...headers, 'content-encoding': r.pick(['br', 'deflate', 'bogus', 'gzip, gzip']) }, body }
  return { headers, body }
}

/** Percent-encoded text; a lone surrogate (which encodeURIComponent refuses) goes as its invalid UTF-8 bytes. */
function queryText (text: string): string {
  try { return encodeURIComponent(text.slice(0, 2000)) } catch { return '%ED%A0%80' }
}

function query (r: Random): string {
  if (!r.chance(0.3)) return ''
  const keys = ['format', 'dpi', 'template', 'source', 'strict', 'include_font', 'x', '__proto__']
  const parts = Array.from({ length: 1 + r.int(3) }, () => `${r.pick(keys)}=${r.pick(['zpl', 'pdf', '300', '%', '%zz', '%00', '%C0%AF', 'a'.repeat(3000), '^XA', queryText(toJson(optionValue(r, 'dpi')))])}`)
  return `?${parts.join('&')}`
}

function labelRequest (r: Random): FuzzRequest {
  const record = hostileRecord(r)
  const envelope: Record<string, unknown> = r.chance(0.5) ? { record } : (record as Record<string, unknown>)
  for (const key of ['format', 'dpi', 'template', 'source', 'strict', 'include_font']) if (r.chance(0.15)) envelope[key] = optionValue(r, key)
  const json = r.chance(0.03) ? toJson(hostileValue(r)) : toJson(envelope)
  const { headers, body } = jsonHeaders(r, bodyBytes(r, json))
  return { kind: 'label', method: 'POST', path: `/v1/labels${query(r)}`, headers, body }
}

function batchRequest (r: Random): FuzzRequest {
  const count = r.pick([1, 2, 5, 20])
  const records: unknown[] = Array.from({ length: count }, () => r.chance(0.6) ? hostileRecord(r) : structuredClone(r.pick(RECORDS)))
  const envelope: Record<string, unknown> = { records: r.chance(0.04) ? hostileValue(r) : records }
  if (r.chance(0.03)) envelope.records = new Raw(`[${'{},'.repeat(10_000)}{}]`)
  for (const key of ['format', 'dpi', 'template', 'source', 'strict', 'include_font']) if (r.chance(0.15)) envelope[key] = optionValue(r, key)
  if (envelope.format === 'png') envelope.format = 'pdf'
  const { headers, body } = jsonHeaders(r, bodyBytes(r, toJson(envelope)))
  return { kind: 'batch', method: 'POST', path: `/v1/labels/batch${query(r)}`, headers, body }
}

const PRINTER_IDS = ['dock-1', 'fuzz-1', 'nope', '..', '%2e%2e', 'a'.repeat(101), '__proto__', 'constructor', 'x%00y', 'dock-1%20']

function printingRequest (r: Random, t: FuzzTarget): FuzzRequest {
  const headers: Record<string, string> = r.chance(0.85)
    ? (r.chance(0.5) ? { authorization: `Bearer ${t.apiKey}` } : { 'x-api-key': t.apiKey })
    : r.pick<Record<string, string>>([{}, { authorization: 'Bearer wrong' }, { authorization: `Basic ${t.apiKey}` }, { 'x-api-key': `${t.apiKey} ` }, { authorization: 'Bearer' }])
  const json = (value: unknown): Buffer => bodyBytes(r, toJson(value))
  const id = r.pick(PRINTER_IDS)
  const host = r.pick(['127.0.0.1', '169.254.169.254', '0.0.0.0', '255.255.255.255', '224.0.0.1', '2130706433', '0x7f000001', '127.1', '127.0.0.1:22', 'http://127.0.0.1', 'fe80::1', '[::1]', 'printer.invalid', '', 'a'.repeat(300)])
  const port = r.pick([t.printerPort, t.closedPort, 0, 70000, -1, '9100', 22.5])
  switch (r.int(9)) {
    case 0: case 1: case 2: {
      const body: Record<string, unknown> = { printer_id: r.chance(0.8) ? 'dock-1' : id }
      if (r.chance(0.8)) body.record = hostileRecord(r)
      else body.label = r.pick(['^XA^FDok^FS^XZ', '^XA^XZ^XA^XZ', '~JR', '^XA'.repeat(1000), 'x'.repeat(200_000), '^XA^FD\u0000^FS^XZ'])
      if (r.chance(0.2)) body.copies = r.pick([1, 2, 0, -1, 1e9, 'many'])
      if (r.chance(0.2)) body.idempotency_key = r.pick(['k1', 'k2', 'a'.repeat(1000), ''])
      if (r.chance(0.1)) body.dpi = optionValue(r, 'dpi')
      return { kind: 'print-job', method: 'POST', path: '/v1/print-jobs', headers: { ...headers, 'content-type': 'application/json' }, body: json(body) }
    }
    case 3: return { kind: 'get-job', method: r.pick(['GET', 'DELETE']), path: `/v1/print-jobs/${r.pick(['00000000-0000-0000-0000-000000000000', 'x', '%ZZ', 'a'.repeat(200), '..%2f..%2fetc'])}`, headers }
    case 4: return { kind: 'add-printer', method: 'POST', path: '/v1/printers', headers: { ...headers, 'content-type': 'application/json' }, body: json({ id: `fuzz-${r.int(5)}`, host, port, ...(r.chance(0.3) ? { dpi: optionValue(r, 'dpi') } : {}) }) }
    case 5: return { kind: 'patch-printer', method: 'PATCH', path: `/v1/printers/${r.chance(0.7) ? `fuzz-${r.int(5)}` : id}`, headers: { ...headers, 'content-type': 'application/json' }, body: json(r.chance(0.5) ? { host } : { port, enabled: r.chance(0.5), name: r.pick(TEXT) }) }
    case 6: return { kind: 'get-printer', method: r.pick(['GET', 'GET', 'DELETE']), path: `/v1/printers/${r.chance(0.5) ? `fuzz-${r.int(5)}` : id}${r.pick(['', '/jobs', '/jobs?limit=-1', '/jobs?limit=99999999999', '/status'])}`, headers }
    case 7: return { kind: 'list-printers', method: 'GET', path: '/v1/printers', headers }
    default: return { kind: 'printing-odd', method: r.pick(['PUT', 'POST', 'OPTIONS', 'HEAD']), path: r.pick(['/v1/printers/dock-1', '/v1/print-jobs', '/v1/printers/dock-1/status']), headers, body: json(hostileValue(r)) }
  }
}

/** Broken HTTP framing as raw bytes: bad lengths, bad chunking, smuggling attempts, bad header bytes. */
function framingRequest (r: Random): FuzzRequest {
  const body = Buffer.from(toJson(structuredClone(r.pick(RECORDS))), 'utf8')
  const head = (extra: string): string => `POST /v1/labels HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n${extra}`
  const cases: (() => Buffer)[] = [
    () => Buffer.from(`${head(`Content-Length: ${body.length - 10}\r\n\r\n`)}${body.toString('latin1')}`, 'latin1'),
    () => Buffer.from(`${head('Content-Length: 5\r\nContent-Length: 7\r\n\r\n')}{"a":1}`),
    () => Buffer.from(`${head('Transfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\n')}zz\r\n{}\r\n0\r\n\r\n`),
    () => Buffer.from(`${head('Transfer-Encoding: chunked\r\n\r\n')}ffffffffffffffff\r\n{}\r\n0\r\n\r\n`),
    () => Buffer.from(`${head('Transfer-Encoding: chunked\r\n\r\n')}2\r\n{}\r\n0\r\n\r\nGET /admin HTTP/1.1\r\nHost: x\r\n\r\n`),
    () => Buffer.from(`${head('Content-Length: -1\r\n\r\n')}{}`),
    () => Buffer.from(`${head('X-Bad: a\u0000b\r\n\r\n')}`, 'latin1'),
    () => Buffer.from(`POST /v1/labels HTTP/1.1\r\nHost: localhost\r\n${'X-Pad: y\r\n'.repeat(2_000)}\r\n`),
    () => Buffer.from(`GET /${'a'.repeat(100_000)} HTTP/1.1\r\nHost: localhost\r\n\r\n`),
    () => Buffer.from(`POST /v1/labels HTTP/9.9\r\n\r\n`),
    () => Buffer.from(`\x16\x03\x01\x00\xa5\x01\x00\x00\xa1\x03\x03`, 'latin1'),
    () => Buffer.from(`${head(`Content-Length: ${body.length}\r\n\r\n`)}${body.toString('latin1')}${head('Content-Length: 2\r\n\r\n')}{}`, 'latin1')
  ]
  return { kind: 'framing', method: 'RAW', path: '', headers: {}, raw: r.pick(cases)() }
}

/** The `n`th hostile request of a run (a mix: labels, batches, printing, framing). */
export function hostileRequest (r: Random, t: FuzzTarget): FuzzRequest {
  const roll = r.next()
  if (roll < 0.45) return labelRequest(r)
  if (roll < 0.62) return batchRequest(r)
  if (roll < 0.92) return printingRequest(r, t)
  return framingRequest(r)
}
