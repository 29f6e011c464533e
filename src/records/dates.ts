// Ship dates: records hold dates or RFC 3339 timestamps; the label prints the calendar date as written in the
// record (the timestamp's own offset), so a label never shows a different day than the record's author saw.
import type { Rec, RecordReader } from './reader.ts'

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/

function validDate (year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day))
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** `2024-10-09`, `2024-10-09T05:11:24Z` or `10/09/2024` → `2024-10-09`; undefined when not a real date. */
export function calendarDate (text: string): string | undefined {
  const iso = ISO_DATE.exec(text)
  if (iso !== null) return validDate(Number(iso[1]), Number(iso[2]), Number(iso[3]))
  const us = US_DATE.exec(text)
  if (us !== null) return validDate(Number(us[3]), Number(us[1]), Number(us[2]))
  return undefined
}

/** The first of `fields` (keys of `obj`, or `parent.key` one level down) holding a date; records it as `shipDate`. */
export function readShipDate (r: RecordReader, obj: Rec, base: string, fields: readonly string[]): string | undefined {
  for (const field of fields) {
    const dot = field.lastIndexOf('.')
    const parent = dot < 0 ? obj : r.object(obj, field.slice(0, dot), base)
    const key = field.slice(dot + 1)
    const text = r.text(parent, key, dot < 0 ? base : `${base}.${field.slice(0, dot)}`)
    if (text === undefined) continue
    const date = calendarDate(text)
    if (date === undefined) {
      r.issue(`${base}.${field}`, 'format', `"${text}" is not a date (YYYY-MM-DD or an RFC 3339 timestamp)`)
      return undefined
    }
    r.map('shipDate', `${base}.${field}`)
    return date
  }
  return undefined
}
