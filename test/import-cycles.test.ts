// No module of src/ imports itself through others, type-only imports included: a cycle makes the load order
// decide which binding is still undefined, and ties two files together so that neither can be read, tested or
// moved alone.
import { relative } from 'node:path'
import { describe, expect, it } from 'vitest'
import { importGraph, SRC } from './support/imports.ts'

/** Every cycle of `graph` once, each as the list of its files starting from where the search met it. */
function findCycles (graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (file: string): void => {
    state.set(file, 'open')
    stack.push(file)
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push(stack.slice(stack.indexOf(next)))
      else if (state.get(next) === undefined && graph.has(next)) visit(next)
    }
    stack.pop()
    state.set(file, 'done')
  }
  for (const file of graph.keys()) if (state.get(file) === undefined) visit(file)
  return cycles
}

describe('import cycles', () => {
  it('finds a cycle of two files and one of three, and none in a chain', () => {
    expect(findCycles(new Map([['a', ['b']], ['b', ['a']]]))).toEqual([['a', 'b']])
    expect(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']], ['d', ['a']]]))).toEqual([['a', 'b', 'c']])
    expect(findCycles(new Map([['a', ['b']], ['b', ['c']], ['c', []]]))).toEqual([])
  })

  it('src/ has none, type-only imports included', () => {
    const cycles = findCycles(importGraph()).map((cycle) => [...cycle, cycle[0] as string].map((f) => relative(SRC, f)).join(' → '))
    expect(cycles).toEqual([])
  })
})
