// Every field of every fixture record replaced by values of the wrong type, empty, huge or hostile, and then
// random combinations of such edits: the answer is a label or a 4xx naming a field, never a 5xx or an empty label.
import { readdirSync, readFileSync } from 'node:fs'
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testApp } from '../../support/app.ts'

const HOSTILE: unknown[] = [
  null, 0, -1, 1e308, '', ' ', 'x'.repeat(5000), '😀', '\u0000', '^XZ^XA^FDpwn^FS~JR', [], [1], {}, { a: 1 }, true,
  '12345', '2026-13-45', 'United States'
]

const FIXTURES = [
  new URL('../../../bench/fixtures/generic-record.json', import.meta.url),
  ...readdirSync(new URL('../../records/fixtures/', import.meta.url)).map((f) => new URL(`../../records/fixtures/${f}`, import.meta.url))
]

function* fieldPaths (value: unknown, path: string[] = []): Generator<string[]> {
  if (value === null || typeof value !== 'object') return
  for (const [key, child] of Object.entries(value)) {
    yield [...path, key]
    yield* fieldPaths(child, [...path, key])
  }
}

function withField (record: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(record) as Record<string, unknown>
  let parent = copy
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>
  parent[path[path.length - 1] as string] = value
  return copy
}

/** A refusal as the API promises one: a 4xx with a stable code and an issue naming the field. */
function refusedNamingAField (res: LightMyRequestResponse): boolean {
  const error = res.json().error
  return res.statusCode >= 400 && res.statusCode < 500 && typeof error?.code === 'string' && error.issues?.[0]?.path?.length > 0
}

let app: FastifyInstance
beforeAll(async () => { app = await testApp() })
afterAll(async () => { await app.close() })

describe('POST /v1/labels with hostile field values', () => {
  it.each(FIXTURES.map((url) => [url.pathname.split('/').pop() as string, url]))('%s: a label or a 4xx naming a field, for every field and value', async (_name, url) => {
    const record = JSON.parse(readFileSync(url, 'utf8')) as unknown
    const failures: string[] = []
    let requests = 0
    for (const path of fieldPaths(record)) {
      for (const value of HOSTILE) {
        for (const template of ['standard', 'dashlink']) {
          requests++
          const res = await app.inject({ method: 'POST', url: `/v1/labels?template=${template}`, payload: withField(record, path, value) as object })
          const ok = res.statusCode === 200
            ? typeof res.json().label_string === 'string' && res.json().label_string.length > 0
            : refusedNamingAField(res)
          if (!ok) failures.push(`${path.join('.')}=${JSON.stringify(value)?.slice(0, 20)} (${template}): ${res.statusCode} ${res.body.slice(0, 160)}`)
        }
      }
    }
    expect(requests).toBeGreaterThan(0)
    expect(failures).toEqual([])
  })

  it('answers random combinations of one to four edits (seeded) in every format, density and template the same way', async () => {
    const records = FIXTURES.map((url) => JSON.parse(readFileSync(url, 'utf8')) as unknown)
    let seed = 20261125
    const random = (): number => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed / 0x7fffffff }
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
    const TEXTS = ['Zażółć', 'Ωμέγα', 'Москва', 'e\u0301', '東京', '😀', '\n', 'W'.repeat(120), 'x y '.repeat(40), '~^_>\\"', '\u00a0', '\u2028', 'İstanbul', '\ud800', '\u200d']
    const failures: string[] = []
    let labels = 0
    for (let i = 0; i < 600; i++) {
      let record = pick(records)
      for (let edits = 1 + Math.floor(random() * 4); edits > 0; edits--) {
        const paths = [...fieldPaths(record)]
        if (paths.length === 0) break
        record = withField(record, pick(paths), random() < 0.5 ? `${pick(TEXTS)} ${pick(TEXTS)}` : pick(HOSTILE))
      }
      const format = pick(['zpl', 'pdf'] as const)
      const request = { record, format, dpi: pick([203, 300]), template: pick(['standard', 'dashlink']) }
      const res = await app.inject({ method: 'POST', url: '/v1/labels', payload: request, headers: { accept: format === 'zpl' ? 'x-application/zpl' : 'application/pdf' } })
      if (res.statusCode === 200) labels++
      const ok = res.statusCode !== 200
        ? refusedNamingAField(res)
        : format === 'zpl' ? (res.body.match(/\^XA/g) ?? []).length === 1 && res.body.endsWith('^XZ') : res.rawPayload.subarray(0, 5).toString() === '%PDF-'
      if (!ok) failures.push(`${JSON.stringify(request).slice(0, 300)}: ${res.statusCode} ${res.body.slice(0, 160)}`)
    }
    // Some combinations must still make labels, or the test would only be exercising refusals.
    expect(labels).toBeGreaterThan(60)
    expect(failures).toEqual([])
  })
})
