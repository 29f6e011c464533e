// Every field of every fixture record replaced by values of the wrong type, empty, huge or hostile: the answer is
// a label or a 4xx naming a field, never a 5xx and never an empty label.
import { readdirSync, readFileSync } from 'node:fs'
import type { FastifyInstance } from 'fastify'
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

function * fieldPaths (value: unknown, path: string[] = []): Generator<string[]> {
  if (value === null || typeof value !== 'object') return
  for (const [key, child] of Object.entries(value)) {
    yield [...path, key]
    yield * fieldPaths(child, [...path, key])
  }
}

function withField (record: unknown, path: string[], value: unknown): unknown {
  const copy = structuredClone(record) as Record<string, unknown>
  let parent = copy
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string, unknown>
  parent[path[path.length - 1] as string] = value
  return copy
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
          const body = res.json()
          const ok = res.statusCode === 200
            ? typeof body.label_string === 'string' && body.label_string.length > 0
            : res.statusCode >= 400 && res.statusCode < 500 && typeof body.error?.code === 'string' && body.error.issues?.[0]?.path?.length > 0
          if (!ok) failures.push(`${path.join('.')}=${JSON.stringify(value)?.slice(0, 20)} (${template}): ${res.statusCode} ${res.body.slice(0, 160)}`)
        }
      }
    }
    expect(requests).toBeGreaterThan(0)
    expect(failures).toEqual([])
  })
})
