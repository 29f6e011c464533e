// Bounds on the shape of a record, checked before anything walks it. Adapters, String(), Array.join and
// JSON.stringify all recurse into nested values; a record nested thousands of levels deep would overflow the stack
// there (a 500). This walk uses its own stack, so no input can make it recurse, and it stops at the first bound
// broken, naming the path where it gave up.
import { ValidationError } from '../errors.ts'

/** How large a record may be; real delivery records are a few levels deep and a few kilobytes. */
export interface RecordLimits {
  /** Objects and arrays nested inside one another (the record itself is level 1). */
  maxDepth: number
  /** Items of one array. */
  maxItems: number
  /** Keys of one object. */
  maxKeys: number
  /** Characters of one string value or key. */
  maxStringLength: number
  /** Values in the whole record (every object, array, string, number…). */
  maxValues: number
}

/** Far above any real record (the largest fixtures are 5 levels and ~200 values), far below what hurts. */
export const RECORD_LIMITS: Readonly<RecordLimits> = {
  maxDepth: 32,
  maxItems: 1_000,
  maxKeys: 1_000,
  maxStringLength: 100_000,
  maxValues: 50_000
}

/**
 * Where an object or array lies: its parent's place and its key there. Kept only for objects and arrays, as a
 * chain, and joined into a path only when a bound is broken: copying the path for each value cost more than the
 * walk itself on every request.
 */
interface Place {
  up: Place | undefined
  at: string | number
  /** The nesting level (the record itself is level 1). */
  depth: number
}

function pathOf (place: Place | undefined, at?: string | number): string {
  const segments: (string | number)[] = at === undefined ? [] : [at]
  for (let p = place; p !== undefined; p = p.up) segments.push(p.at)
  return segments.reverse().join('.')
}

function refuse (path: string, rule: string, message: string): never {
  throw new ValidationError([{ path, rule, message }])
}

/**
 * Throws VALIDATION_FAILED naming the path and the bound when `record` (at `root`, e.g. `record`) is nested too deep
 * or too large; otherwise returns without changing it.
 */
export function checkRecordLimits (record: unknown, root = 'record', limits: RecordLimits = RECORD_LIMITS): void {
  // Three stacks side by side: each value still to look at, the place of its parent and its key there.
  const values: unknown[] = [record]
  const parents: (Place | undefined)[] = [undefined]
  const keys: (string | number)[] = [root]
  let count = 0
  while (values.length > 0) {
    const value = values.pop()
    const up = parents.pop()
    const at = keys.pop() as string | number
    if (++count > limits.maxValues) refuse(pathOf(up, at), 'max_values', `the record holds more than ${limits.maxValues} values; no delivery record is that large`)
    if (typeof value === 'string') {
      if (value.length > limits.maxStringLength) refuse(pathOf(up, at), 'max_length', `is ${value.length} characters long; at most ${limits.maxStringLength}`)
      continue
    }
    if (value === null || typeof value !== 'object') continue
    const place: Place = { up, at, depth: up === undefined ? 1 : up.depth + 1 }
    if (place.depth > limits.maxDepth) refuse(pathOf(place), 'max_depth', `is nested ${place.depth} levels deep; at most ${limits.maxDepth}`)
    if (Array.isArray(value)) {
      if (value.length > limits.maxItems) refuse(pathOf(place), 'max_items', `holds ${value.length} items; at most ${limits.maxItems}`)
      for (let i = value.length - 1; i >= 0; i--) {
        values.push(value[i])
        parents.push(place)
        keys.push(i)
      }
      continue
    }
    const names = Object.keys(value)
    if (names.length > limits.maxKeys) refuse(pathOf(place), 'max_keys', `has ${names.length} keys; at most ${limits.maxKeys}`)
    for (let i = names.length - 1; i >= 0; i--) {
      const key = names[i] as string
      if (key.length > limits.maxStringLength) refuse(pathOf(place), 'max_length', `has a key ${key.length} characters long; at most ${limits.maxStringLength}`)
      values.push((value as Record<string, unknown>)[key])
      parents.push(place)
      keys.push(key)
    }
  }
}
