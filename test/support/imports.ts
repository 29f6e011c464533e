// Reads the import graph of src/ as text, for the tests that hold its shape (layers, no cycles).
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

/** The absolute path of src/, with a trailing separator. */
export const SRC = fileURLToPath(new URL('../../src/', import.meta.url))

/** Every .ts file below `dir`. */
export function sourceFiles (dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : []
  })
}

/** Relative specifiers of every static, type-only, re-exporting and dynamic import in `text`. */
export function relativeImports (text: string): string[] {
  const found: string[] = []
  for (const m of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(\s*|^\s*import\s+)['"](\.[^'"]+)['"]/gm)) found.push(m[1] as string)
  return found
}

/** Each source file below `dir` with the absolute paths of the files it imports. */
export function importGraph (dir: string = SRC): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of sourceFiles(dir)) {
    graph.set(file, relativeImports(readFileSync(file, 'utf8')).map((specifier) => resolve(dirname(file), specifier)))
  }
  return graph
}
