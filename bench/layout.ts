// Cost of laying out one label (label data → positioned elements), per template and density.
// Run: node --import tsx bench/layout.ts   (prints µs per label; asserts nothing)
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { loadLabelFont } from '../src/fonts/index.ts'
import { layoutLabel, loadTemplates } from '../src/layout/index.ts'
import type { LabelData } from '../src/model/label-data.ts'
import { adaptRecord } from '../src/records/index.ts'
import { SUPPORTED_DPI } from '../src/units.ts'

const font = loadLabelFont(fileURLToPath(new URL('../fonts/RobotoCondensed-Bold.ttf', import.meta.url)))
const templates = loadTemplates(fileURLToPath(new URL('../templates/', import.meta.url)), font)

function dataOf (file: URL): LabelData {
  return adaptRecord(JSON.parse(readFileSync(file, 'utf8')) as unknown, { source: 'generic', strict: false }).data
}

const CASES: Array<[string, LabelData]> = [
  ['full record', dataOf(new URL('./fixtures/generic-record.json', import.meta.url))],
  ['maximum lengths', dataOf(new URL('../test/golden/fixtures/max-length.json', import.meta.url))]
]

const ROUNDS = 50_000
for (const [name, data] of CASES) {
  for (const [templateName, template] of templates) {
    for (const dpi of SUPPORTED_DPI) {
      const options = { template, dpi, font }
      for (let i = 0; i < 5_000; i++) layoutLabel(data, options)
      const start = process.hrtime.bigint()
      for (let i = 0; i < ROUNDS; i++) layoutLabel(data, options)
      const us = Number(process.hrtime.bigint() - start) / 1e3 / ROUNDS
      console.log(`${name.padEnd(16)} ${templateName.padEnd(10)} ${dpi} dpi  ${us.toFixed(2)} µs/label`)
    }
  }
}
