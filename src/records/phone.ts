// Phone numbers as records carry them ("+16505555555", "16505555555", "(415) 555-1234"). DashLink wants E.164; a US
// number without its country code is unambiguous enough to complete, so it gets "+1" and a warning.
import { joinPath } from './field-paths.ts'
import type { RecordReader } from './reader.ts'

/** E.164: "+", a country code that does not start with 0, at most 15 digits in all. */
export const E164 = /^\+[1-9]\d{1,14}$/

/** `E164.test(text)` from char codes: every record's phones are checked two or three times. */
export function isE164 (text: string): boolean {
  if (text.length < 3 || text.length > 16 || text.charCodeAt(0) !== 0x2b) return false
  const lead = text.charCodeAt(1)
  if (lead < 0x31 || lead > 0x39) return false
  for (let i = 2; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x30 || c > 0x39) return false
  }
  return true
}
const PUNCTUATION = /[\s().\-/]/g

/** The number in E.164 when it is or clearly can be, else the text as given (carrier rules flag it); a warning names `path.key`. */
export function normalizePhone (r: RecordReader, text: string, path: string, key?: string): string {
  if (isE164(text)) return text
  const compact = text.replace(PUNCTUATION, '')
  if (isE164(compact)) return compact
  let e164: string | undefined
  if (/^[2-9]\d{2}[2-9]\d{6}$/.test(compact)) e164 = `+1${compact}`
  else if (/^1[2-9]\d{2}[2-9]\d{6}$/.test(compact)) e164 = `+${compact}`
  if (e164 === undefined) return text
  r.warn('PHONE_COUNTRY_CODE_ADDED', joinPath(path, key), `"${text}" has no country code; printed as US number ${e164}`)
  return e164
}
