// Builds the label's Address from whatever the record holds: structured parts (any source's field names) or one
// free-text line. Tolerant of ZIPs as numbers, country spellings and state names; records where every part came from.
import type { Address } from '../../model/label-data.ts'
import { joinPath } from '../field-paths.ts'
import { kindOf, type RecordReader } from '../reader.ts'
import { cleanAddressText, cleanText } from '../text.ts'
import { countryCode, trailingCountry } from './country.ts'
import { parseUsAddress } from './parse-us.ts'
import { usStateCode } from './us-states.ts'

/** One value of the record and where it was: `path`, or `path.key` when a key is given (joined only when reported). */
export interface Part {
  value: unknown
  path: string
  key?: string | number | undefined
}

/** The record path of a part. */
export function partPath (part: Part): string {
  return joinPath(part.path, part.key)
}

/** Label keys of the first street lines, so noting a line's origin builds no string. */
const LINE_KEYS = ['lines.0', 'lines.1', 'lines.2', 'lines.3']

function lineKey (i: number): string {
  return LINE_KEYS[i] ?? `lines.${i}`
}

/** An address as separate parts; `lines[0]` is the street (pass it even when its value is missing). */
export interface AddressParts {
  lines: Part[]
  city?: Part
  region?: Part
  postalCode?: Part
  country?: Part
}

function partText (r: RecordReader, part: Part | undefined): string | undefined {
  const value = part?.value
  if (part === undefined || value === undefined || value === null) return undefined
  if (typeof value !== 'string') {
    r.issue(partPath(part), 'type', `must be a string, got ${kindOf(value)}`)
    return undefined
  }
  const text = cleanText(value)
  return text === '' ? undefined : text
}

function postalCodeOf (r: RecordReader, part: Part | undefined, us: boolean): string | undefined {
  const value = part?.value
  if (part === undefined || typeof value !== 'number') return partText(r, part)
  if (!Number.isSafeInteger(value) || value < 0) {
    r.issue(partPath(part), 'type', `must be a ZIP or postal code, got ${value}`)
    return undefined
  }
  const digits = String(value)
  if (!us || digits.length === 5) return digits
  // A number drops leading zeros: up to 5 digits is a ZIP, 6 to 9 a ZIP+4 (02134-1234 arrives as 21341234).
  const width = digits.length < 5 ? 5 : 9
  if (digits.length > 9) return digits
  const padded = digits.padStart(width, '0')
  const zip = width === 9 ? `${padded.slice(0, 5)}-${padded.slice(5)}` : padded
  if (padded !== digits) r.warn('POSTAL_CODE_PADDED', partPath(part), `ZIP ${value} arrived as a number, which drops leading zeros; printed as ${zip}`)
  return zip
}

function countryOf (r: RecordReader, part: Part | undefined): string {
  const text = partText(r, part)
  if (text === undefined || part === undefined) return 'US'
  const code = countryCode(text)
  if (code !== undefined) return code
  r.issue(partPath(part), 'enum', `"${text}" is not a country this service knows; use an ISO 3166-1 code such as US`)
  return text
}

function regionOf (r: RecordReader, part: Part | undefined, us: boolean): string | undefined {
  const text = partText(r, part)
  if (text === undefined || part === undefined || !us) return text
  const code = usStateCode(text)
  if (code === undefined || code === text) return text
  if (text.length > 2) r.warn('REGION_ABBREVIATED', partPath(part), `state "${text}" printed as its code ${code}`)
  return code
}

const TEXT_PARTS = ['city', 'region', 'postalCode', 'country'] as const

/** Address from separate parts; undefined (with an issue) when there is no street line at all. */
export function structuredAddress (r: RecordReader, parts: AddressParts, label: string): Address | undefined {
  const lines: string[] = []
  let firstLine: Part | undefined
  for (const part of parts.lines) {
    const text = partText(r, part)
    if (text === undefined) continue
    r.mapAt(label, lineKey(lines.length), part.path, part.key)
    lines.push(text)
    firstLine ??= part
  }
  const street = parts.lines[0]
  const onlyOneLine = parts.city?.value == null && parts.region?.value == null && parts.postalCode?.value == null
  if (lines.length === 1 && onlyOneLine && firstLine !== undefined) {
    const given = parts.country?.value != null ? countryOf(r, parts.country) : undefined
    if (given !== undefined && parts.country !== undefined) r.mapAt(label, 'country', parts.country.path, parts.country.key)
    // The raw value, not the cleaned line: its line breaks separate address parts.
    return textAddress(r, firstLine.value as string, partPath(firstLine), label, given)
  }
  if (lines.length === 0) {
    r.issue(street === undefined ? label : partPath(street), 'required', 'street address is required')
    return undefined
  }
  const country = countryOf(r, parts.country)
  const us = country === 'US'
  const address: Address = { lines, country }
  const city = partText(r, parts.city)
  const region = regionOf(r, parts.region, us)
  const postalCode = postalCodeOf(r, parts.postalCode, us)
  if (city !== undefined && parts.city !== undefined) { address.city = city; r.mapAt(label, 'city', parts.city.path, parts.city.key) }
  if (region !== undefined && parts.region !== undefined) { address.region = region; r.mapAt(label, 'region', parts.region.path, parts.region.key) }
  if (postalCode !== undefined && parts.postalCode !== undefined) { address.postalCode = postalCode; r.mapAt(label, 'postalCode', parts.postalCode.path, parts.postalCode.key) }
  if (parts.country !== undefined && parts.country.value != null) r.mapAt(label, 'country', parts.country.path, parts.country.key)
  return address
}

/**
 * Address from one free-text line: parsed when it is a US address, else printed as given with ADDRESS_UNPARSED.
 * `country` is the one the record names beside the line, if any; a country at the end of the line wins.
 */
export function textAddress (r: RecordReader, raw: string, path: string, label: string, givenCountry?: string): Address {
  let text = cleanAddressText(raw)
  let country = givenCountry ?? 'US'
  const trailing = trailingCountry(text)
  if (trailing !== null) {
    country = countryCode(trailing[1] ?? '') ?? 'US'
    text = text.slice(0, trailing.index).replace(/[,\s]+$/, '')
  }
  r.map(label, path)
  for (const key of TEXT_PARTS) {
    if (key !== 'country' || givenCountry === undefined) r.mapAt(label, key, path)
  }
  const address = parsedAddress(text, country) ?? unparsedAddress(r, text, path, country)
  // Every line, however many the text held, so a warning about any of them names this field.
  for (let i = 0; i < address.lines.length; i++) r.mapAt(label, lineKey(i), path)
  return address
}

function parsedAddress (text: string, country: string): Address | undefined {
  const parsed = country === 'US' ? parseUsAddress(text) : undefined
  if (parsed === undefined) return undefined
  const address: Address = { lines: parsed.lines, city: parsed.city, region: parsed.region, country }
  if (parsed.postalCode !== undefined) address.postalCode = parsed.postalCode
  return address
}

function unparsedAddress (r: RecordReader, text: string, path: string, country: string): Address {
  const lines = text.split(',').map((s) => s.trim()).filter((s) => s !== '')
  r.warn('ADDRESS_UNPARSED', path, `could not find street, city, state and ZIP in "${text}"; printed as given`)
  return { lines: lines.length > 0 ? lines : [text], country }
}
