// docs/configuration.md and .env.example name every variable src/config.ts reads, and nothing it does not.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const read = (file: string): string => readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')

/** Variables src/config.ts reads: `text(env, 'HOST', …)`, `read.integer('PORT', …)` and the like. */
function configVariables (): string[] {
  return [...new Set([...read('src/config.ts').matchAll(/(?:\(env, |read\.\w+\()'([A-Z][A-Z0-9_]+)'/g)].map((m) => m[1] as string))].sort()
}

describe('configuration docs', () => {
  it('finds the variables of src/config.ts', () => {
    expect(configVariables()).toEqual(expect.arrayContaining(['HOST', 'PORT', 'API_KEY', 'DEFAULT_DPI', 'SHUTDOWN_GRACE_MS']))
  })

  it('docs/configuration.md has a row for every variable, and no other', () => {
    const rows = [...read('docs/configuration.md').matchAll(/^\| `([A-Z][A-Z0-9_]+)` \|/gm)].map((m) => m[1] as string).sort()
    expect(rows).toEqual(configVariables())
  })

  it('.env.example names every variable', () => {
    const named = [...read('.env.example').matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1] as string).sort()
    expect(named).toEqual(configVariables())
  })
})
