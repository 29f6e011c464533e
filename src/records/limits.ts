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

interface Pending {
  value: unknown
  /** Path segments from the root, joined only when a bound is broken. */
  path: readonly (string | number)[]
}

function refuse (path: readonly (string | number)[], rule: string, message: string): never {
  throw new ValidationError([{ path: path.join('.'), rule, message }])
}

/**
 * Throws VALIDATION_FAILED naming the path and the bound when `record` (at `root`, e.g. `record`) is nested too deep
 * or too large; otherwise returns without changing it.
 */
export function checkRecordLimits (record: unknown, root = 'record', limits: RecordLimits = RECORD_LIMITS): void {
  const stack: Pending[] = [{ value: record, path: [root] }]
  let values = 0
  for (let next = stack.pop(); next !== undefined; next = stack.pop()) {
    const { value, path } = next
    if (++values > limits.maxValues) refuse(path, 'max_values', `the record holds more than ${limits.maxValues} values; no delivery record is that large`)
    if (typeof value === 'string') {
      if (value.length > limits.maxStringLength) refuse(path, 'max_length', `is ${value.length} characters long; at most ${limits.maxStringLength}`)
      continue
    }
    if (value === null || typeof value !== 'object') continue
    // path.length counts the root segment, so it is the nesting level of this object or array.
    if (path.length > limits.maxDepth) refuse(path, 'max_depth', `is nested ${path.length} levels deep; at most ${limits.maxDepth}`)
    if (Array.isArray(value)) {
      if (value.length > limits.maxItems) refuse(path, 'max_items', `holds ${value.length} items; at most ${limits.maxItems}`)
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], path: [...path, i] })
      continue
    }
    const keys = Object.keys(value)
    if (keys.length > limits.maxKeys) refuse(path, 'max_keys', `has ${keys.length} keys; at most ${limits.maxKeys}`)
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string
      if (key.length > limits.maxStringLength) refuse(path, 'max_length', `has a key ${key.length} characters long; at most ${limits.maxStringLength}`)
      stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] })
    }
  }
}
