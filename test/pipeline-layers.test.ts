// The pipeline runs one way: record adapters → label data → layout → renderers → outputs. A stage may import the
// shared foundation and the stages before it, never a later one, so that (for example) a renderer can be used
// without the HTTP layer and a change to an output can never reach into layout.
import { relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importGraph, relativeImports, SRC, sourceFiles } from './support/imports.ts'

/** Modules every stage may use: errors, units, bounded memories, the canonical label data, the font's metrics, Code128. */
const FOUNDATION = ['errors', 'units', 'bounded-map', 'seen-before', 'model', 'fonts', 'barcode']

/** What each part of src may import besides itself; parts not listed here are outputs and may import anything. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  errors: [],
  units: [],
  'bounded-map': [],
  'seen-before': [],
  barcode: ['errors', 'units'],
  fonts: ['errors'],
  model: ['units', 'barcode'],
  records: FOUNDATION,
  layout: FOUNDATION,
  render: FOUNDATION,
  service: [...FOUNDATION, 'records', 'layout', 'render'],
  /** Request parsing shared by the HTTP layer and the CLI. */
  request: [...FOUNDATION, 'records', 'render', 'service']
}

/** Outputs stand side by side: the CLI reads requests as HTTP does without importing it, and printing knows no route. */
const APART: Readonly<Record<string, readonly string[]>> = {
  cli: ['http'],
  printing: ['http', 'cli']
}

/** The part of src a file belongs to: its top folder, or its name for a file at the top (`errors.ts` → errors). */
function partOf (file: string): string {
  const [top = '', ...rest] = relative(SRC, file).split(/[\\/]/)
  return rest.length === 0 ? top.replace(/\.ts$/, '') : top
}

/** `from → to` for every import that crosses into a part `from` may not use. */
function violations (): string[] {
  const out: string[] = []
  for (const [file, imported] of importGraph()) {
    const from = partOf(file)
    const allowed = ALLOWED[from]
    const apart = APART[from] ?? []
    for (const target of imported) {
      const to = partOf(target)
      const refused = allowed === undefined ? apart.includes(to) : !allowed.includes(to)
      if (to !== from && refused) out.push(`${relative(SRC, file)} imports ${relative(SRC, target)} (${from} → ${to})`)
    }
  }
  return out
}

describe('pipeline layers', () => {
  it('finds static, type-only, re-exported and dynamic imports', () => {
    const text = [
      "import { a } from '../layout/index.ts'",
      "import type { B } from '../service/types.ts'",
      "export { c } from './c.ts'",
      "const d = await import('../http/d.ts')",
      "import '../side-effect.ts'",
      "import fs from 'node:fs'"
    ].join('\n')
    expect(relativeImports(text)).toEqual(['../layout/index.ts', '../service/types.ts', './c.ts', '../http/d.ts', '../side-effect.ts'])
  })

  it('no stage imports a later stage or an output', () => {
    expect(violations()).toEqual([])
  })

  it('knows every part of src it guards', () => {
    const parts = new Set(sourceFiles(SRC).map(partOf))
    for (const part of [...Object.keys(ALLOWED), ...Object.keys(APART)]) expect(parts, part).toContain(part)
  })
})
