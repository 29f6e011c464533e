// Countries as records spell them (`US`, `USA`, `United States`) → ISO 3166-1 alpha-2. Only names the delivery APIs
// we read actually serve are spelled out; any other two-letter code is taken as given.

// A Map, not an object literal: a country spelled `constructor` must not find Object.prototype's function.
const ALIASES: ReadonlyMap<string, string> = new Map(Object.entries({
  us: 'US', usa: 'US', 'u.s.': 'US', 'u.s.a.': 'US', 'u.s': 'US', 'u.s.a': 'US', 'united states': 'US',
  'united states of america': 'US', america: 'US',
  ca: 'CA', can: 'CA', canada: 'CA',
  mx: 'MX', mex: 'MX', mexico: 'MX',
  au: 'AU', aus: 'AU', australia: 'AU',
  nz: 'NZ', nzl: 'NZ', 'new zealand': 'NZ'
}))

function isCapital (c: number): boolean {
  return c >= 0x41 && c <= 0x5a
}

/** The alpha-2 code for a country as written, or undefined when it is not recognisable. */
export function countryCode (value: string): string | undefined {
  // Two capital letters (`US`, what records nearly always hold) is its own code, alias or not: no trim, no case change.
  if (value.length === 2 && isCapital(value.charCodeAt(0)) && isCapital(value.charCodeAt(1))) return value
  const text = value.trim().toLowerCase()
  const alias = ALIASES.get(text)
  if (alias !== undefined) return alias
  return /^[a-z]{2}$/.test(text) ? text.toUpperCase() : undefined
}

/** Matches a trailing country name after a comma or a ZIP code: `…, CA 92011, United States`. */
export const TRAILING_COUNTRY = /(?:,|(?<=\d))\s*(united states of america|united states|u\.s\.a\.?|usa|u\.s\.?|us|canada|mexico|australia|new zealand)$/i

/**
 * TRAILING_COUNTRY's match in `text`, or null. Every name it knows ends in a, s, o, d or a dot, so text ending in
 * anything else (a ZIP, usually) cannot match and skips a regex that tries every position of the line.
 */
export function trailingCountry (text: string): RegExpExecArray | null {
  const last = text.charCodeAt(text.length - 1) | 0x20 // lower case for letters; '.' (0x2e) stays itself
  if (last !== 0x61 && last !== 0x73 && last !== 0x6f && last !== 0x64 && last !== 0x2e) return null
  return TRAILING_COUNTRY.exec(text)
}
