// Seed payloads (copied from ../shared/seeds) and variations, and a helper that captures a thrown LabelworksError.
import { readFileSync } from 'node:fs'
import type { FieldIssue } from '../../src/errors.ts'

/** A JSON object as a test builds it. */
export type Json = Record<string, unknown>

/** A fresh copy of `fixtures/<name>.json`. */
export function fixture (name: string): Json {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as Json
}

/** The code and issues of the error `fn` throws; fails the test when it throws nothing. */
export function errorOf (fn: () => unknown): { code: string, message: string, issues: FieldIssue[] } {
  try {
    fn()
  } catch (err) {
    const e = err as { code: string, message: string, issues: FieldIssue[] }
    return { code: e.code, message: e.message, issues: e.issues }
  }
  throw new Error('expected an error, got none')
}
