// Generic records for the HTTP tests, named after what they show.
import { readFileSync } from 'node:fs'

/** A complete generic record (the one the README and the benchmark use). */
export function fullRecord (): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL('../../../bench/fixtures/generic-record.json', import.meta.url), 'utf8')) as Record<string, unknown>
}

/** The full record with some fields replaced (shallow per top-level key, deep for recipient). */
export function recordWith (changes: { recipient?: Record<string, unknown>, [key: string]: unknown }): Record<string, unknown> {
  const base = fullRecord()
  const { recipient, ...rest } = changes
  return { ...base, ...rest, recipient: { ...(base.recipient as Record<string, unknown>), ...(recipient ?? {}) } }
}
