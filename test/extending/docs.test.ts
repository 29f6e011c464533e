// The worked examples in docs/extending.md are the code these tests run: each ```ts block marked
// `<!-- example: test/extending/<file> -->` must be that file without its header comment and imports (which name
// test paths instead of the src/ ones the document gives).
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

const ROOT = new URL('../../', import.meta.url)
const doc = readFileSync(new URL('docs/extending.md', ROOT), 'utf8')

/** The file's code after its leading comment, imports and blank lines. */
function codeOf (file: string): string {
  const lines = readFileSync(new URL(file, ROOT), 'utf8').split('\n')
  const start = lines.findIndex((line) => !(line.startsWith('//') || line.startsWith('import ') || line.trim() === ''))
  return lines.slice(start).join('\n').trimEnd() + '\n'
}

const examples = [...doc.matchAll(/^<!-- example: (\S+) -->\n```ts\n([\s\S]*?)^```$/gm)].map((m) => ({ file: m[1] as string, code: m[2] as string }))

describe('docs/extending.md', () => {
  it('shows the files of the three worked examples', () => {
    expect(examples.map((e) => e.file)).toEqual([
      'test/extending/layout-format.ts', 'test/extending/acme-source.ts',
      'test/extending/dot-element.ts', 'test/extending/dot-region.ts', 'test/extending/dot-render.ts'
    ])
  })

  it.each(examples)('shows $file as it is tested', ({ file, code }) => {
    expect(code).toBe(codeOf(file))
  })
})
