// Ship dates: records hold dates or RFC 3339 timestamps; the label prints the calendar date as written in the
// record (the timestamp's own offset), so a label never shows a different day than the record's author saw.
import type { Rec, RecordReader } from './reader.ts'

const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/**
 * True for a day of the (proleptic Gregorian) calendar, by arithmetic rather than a Date per record. Years below
 * 100 are refused: the Date check this replaces read them as 1900–1999 (Date.UTC does), so they never matched.
 */
function isRealDate (year: number, month: number, day: number): boolean {
  if (year < 100 || month < 1 || month > 12 || day < 1) return false
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
  return day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1] as number)
}

function validDate (year: number, month: number, day: number): string | undefined {
  if (!isRealDate(year, month, day)) return undefined
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The value of the ASCII digits at [from, to) of `text`, or -1 when any is not a digit. */
function digitsAt (text: string, from: number, to: number): number {
  let value = 0
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48
    if (!(d >= 0 && d <= 9)) return -1
    value = value * 10 + d
  }
  return value
}

/**
 * `2024-10-09`, `2024-10-09T05:11:24Z` or `10/09/2024` → `2024-10-09`; undefined when not a real date. The ISO form
 * (/^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/, what nearly every record uses) is read from its char codes, no match array.
 */
export function calendarDate (text: string): string | undefined {
  const after = text.charCodeAt(10) // NaN at the end of the text
  if (text.length >= 10 && text.charCodeAt(4) === 45 && text.charCodeAt(7) === 45 && (text.length === 10 || after === 84 || after === 32)) {
    const year = digitsAt(text, 0, 4)
    const month = digitsAt(text, 5, 7)
    const day = digitsAt(text, 8, 10)
    // The digits as sent are the digits printed, so a real date is the text's first ten characters.
    if (year >= 0 && month >= 0 && day >= 0) return isRealDate(year, month, day) ? (text.length === 10 ? text : text.slice(0, 10)) : undefined
  }
  const us = US_DATE.exec(text)
  if (us !== null) return validDate(Number(us[3]), Number(us[1]), Number(us[2]))
  return undefined
}

/**
 * The date in `value` (the record's `base.key`), recorded as `shipDate`; undefined when there is no text, null when
 * the text is not a date (an issue).
 */
export function shipDateValue (r: RecordReader, value: unknown, base: string, key: string): string | null | undefined {
  const text = r.textValue(value, base, key)
  if (text === undefined) return undefined
  const date = calendarDate(text)
  if (date === undefined) {
    r.issue(`${base}.${key}`, 'format', `"${text}" is not a date (YYYY-MM-DD or an RFC 3339 timestamp)`)
    return null
  }
  r.map('shipDate', base, key)
  return date
}

/** The first of `fields` (keys of `obj`, or `parent.key` one level down) holding a date; records it as `shipDate`. */
export function readShipDate (r: RecordReader, obj: Rec, base: string, fields: readonly string[]): string | undefined {
  for (const field of fields) {
    const dot = field.lastIndexOf('.')
    const parent = dot < 0 ? obj : r.object(obj, field.slice(0, dot), base)
    const key = field.slice(dot + 1)
    const date = shipDateValue(r, parent?.[key], dot < 0 ? base : `${base}.${field.slice(0, dot)}`, key)
    // A field that holds text but no date ends the search: the issue names it.
    if (date !== undefined) return date ?? undefined
  }
  return undefined
}
