// Cost of reading one record into label data, per source (the first stage of every label).
// Run: node --import tsx bench/records.ts   (prints µs per record; asserts nothing)
import { readFileSync } from 'node:fs'
import { adaptRecord } from '../src/records/index.ts'
import type { SourceOption } from '../src/service/types.ts'

const FIXTURES = new URL('../test/records/fixtures/', import.meta.url)
const CASES: [string, URL, SourceOption][] = [
  ['generic', new URL('./fixtures/generic-record.json', import.meta.url), 'generic'],
  ['dashlink (response)', new URL('dashlink-create-response.json', FIXTURES), 'dashlink'],
  ['drive (request)', new URL('drive-create-request.json', FIXTURES), 'drive'],
  ['uber_direct (JSON-string address)', new URL('uber-create-request-json-address.json', FIXTURES), 'uber_direct'],
  ['postmates (one-line address)', new URL('postmates-create-request.json', FIXTURES), 'postmates']
]

const ROUNDS = 50_000
for (const [name, file, source] of CASES) {
  const record = JSON.parse(readFileSync(file, 'utf8')) as unknown
  for (const option of [source, 'auto'] as const) {
    for (let i = 0; i < 2_000; i++) adaptRecord(record, { source: option, strict: false })
    const start = process.hrtime.bigint()
    for (let i = 0; i < ROUNDS; i++) adaptRecord(record, { source: option, strict: false })
    const us = Number(process.hrtime.bigint() - start) / 1e3 / ROUNDS
    console.log(`${name.padEnd(36)} source=${option.padEnd(12)} ${us.toFixed(2)} µs/record`)
  }
}
