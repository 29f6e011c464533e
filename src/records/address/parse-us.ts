// Splits a one-line US address ("901 Market Street 6th Floor San Francisco, CA 94103",
// "2270 Camino Vida Roble, Carlsbad, CA 92011-1503, United States") into street, sub-premise, city, state and ZIP.
// It only claims success when it finds a real state code and a city; anything else is left to be printed as given.
import { US_STATE_NAMES, usStateCode } from './us-states.ts'

/** A US address found in free text. */
export interface ParsedUsAddress {
  /** Street, then sub-premise lines. */
  lines: string[]
  city: string
  region: string
  postalCode?: string
}

const TRAILING_ZIP = /[\s,]+(\d{5}(?:-\d{4})?)$/
const TRAILING_STATE_CODE = /[\s,]+([A-Za-z]{2})\.?$/
const STREET_SUFFIXES = new Set(('st street ave av avenue blvd boulevard rd road dr drive ln lane way ct court pl place ' +
  'ter terrace pkwy parkway hwy highway cir circle sq square trl trail plz plaza aly alley loop row walk pike expy ' +
  'expressway fwy freeway crescent cres bend run path cv cove xing crossing broadway').split(' '))
const DIRECTIONALS = new Set('n s e w ne nw se sw north south east west'.split(' '))
const UNIT_DESIGNATORS = new Set('apt apartment suite ste unit fl floor rm room bldg building dept lot spc space trlr'.split(' '))
/** A unit designator with its value ("Apt. 121", "Ste E", "# 6th", "Floor 2", "6th Floor") and anything after it. */
const SUB_PREMISE = /^(.*?\S)\s*,?\s+((?:(?:apt|apartment|suite|ste|unit|fl|floor|rm|room|bldg|building|dept|lot|spc|space|trlr)\.?\s*#?\s*(?:[a-z]?\d[\w-]*|[a-z])\b|#\s*[\w-]+|\d+(?:st|nd|rd|th)\s+(?:floor|fl)\b).*)$/i

/** A token in lower case without one trailing `.` or `,` (a char-code check: this runs for every token of a line). */
function word (token: string | undefined): string {
  const lower = (token ?? '').toLowerCase()
  const last = lower.charCodeAt(lower.length - 1)
  return last === 0x2e || last === 0x2c ? lower.slice(0, -1) : lower
}

function isUnitValue (token: string | undefined): boolean {
  return token !== undefined && /^#?(?:[a-z]?\d[\w-]*|[a-z])$/i.test(token)
}

/** Splits "901 Market Street 6th Floor San Francisco" at the last street suffix that leaves a city after it. */
function splitStreetAndCity (segment: string): { street: string[], city: string } | undefined {
  const tokens = segment.split(' ')
  for (let i = tokens.length - 2; i >= 1; i--) {
    if (!STREET_SUFFIXES.has(word(tokens[i]))) continue
    let j = i + 1
    if (DIRECTIONALS.has(word(tokens[j])) && j < tokens.length - 1) j++
    const streetEnd = j
    let unitEnd = j
    if (UNIT_DESIGNATORS.has(word(tokens[j])) && isUnitValue(tokens[j + 1])) unitEnd = j + 2
    else if (/^#[\w-]+$/.test(tokens[j] ?? '')) unitEnd = j + 1
    else if (/^\d+(st|nd|rd|th)$/i.test(tokens[j] ?? '') && /^(floor|fl)\.?$/i.test(tokens[j + 1] ?? '')) unitEnd = j + 2
    if (unitEnd >= tokens.length || /^\d/.test(tokens[unitEnd] ?? '')) continue
    const street = [tokens.slice(0, streetEnd).join(' ')]
    if (unitEnd > streetEnd) street.push(tokens.slice(streetEnd, unitEnd).join(' '))
    return { street, city: tokens.slice(unitEnd).join(' ').replace(/^,\s*/, '') }
  }
  return undefined
}

/** "2200 Thornton Rd # 100" → ["2200 Thornton Rd", "# 100"]; a line without a unit stays whole. */
export function splitSubPremise (line: string): string[] {
  const match = SUB_PREMISE.exec(line)
  if (match === null) return [line]
  const street = (match[1] ?? '').replace(/,$/, '')
  return /\d/.test(street) || street.includes(' ') ? [street, match[2] ?? ''] : [line]
}

function takeState (rest: string): { state: string, before: string } | undefined {
  const code = TRAILING_STATE_CODE.exec(rest)
  if (code !== null) {
    const state = usStateCode(code[1] ?? '')
    if (state !== undefined) return { state, before: rest.slice(0, code.index) }
  }
  const lower = rest.toLowerCase()
  for (const name of US_STATE_NAMES) {
    if (lower.endsWith(name) && /[\s,]/.test(lower.charAt(lower.length - name.length - 1))) {
      return { state: usStateCode(name) ?? '', before: rest.slice(0, rest.length - name.length - 1) }
    }
  }
  return undefined
}

/** Parses cleaned one-line text (country already removed) as a US address; undefined when it does not look like one. */
export function parseUsAddress (text: string): ParsedUsAddress | undefined {
  let rest = text.trim().replace(/[,\s]+$/, '')
  const zip = TRAILING_ZIP.exec(rest)
  if (zip !== null) rest = rest.slice(0, zip.index)
  const found = takeState(rest)
  if (found === undefined) return undefined
  const segments: string[] = []
  for (const part of found.before.split(',')) {
    const segment = part.trim()
    if (segment !== '') segments.push(segment)
  }
  let streetSegments: string[]
  let city: string
  if (segments.length >= 2) {
    city = segments[segments.length - 1] as string
    streetSegments = segments.slice(0, -1)
  } else {
    const split = segments[0] === undefined ? undefined : splitStreetAndCity(segments[0])
    if (split === undefined) return undefined
    city = split.city
    streetSegments = split.street
  }
  if (city === '' || /^\d/.test(city)) return undefined
  const first = streetSegments[0]
  if (first === undefined) return undefined
  // One street segment may hold the sub-premise too; several are already street, then sub-premise lines.
  const lines = streetSegments.length === 1 ? splitSubPremise(first) : streetSegments
  return { lines, city, region: found.state, postalCode: zip?.[1] }
}
