// US state, district, territory and military "state" codes with their names, so `California` and `ca` both print CA.

const NAMES: Readonly<Record<string, string>> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut',
  DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois',
  IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky', LA: 'Louisiana', ME: 'Maine', MD: 'Maryland',
  MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi', MO: 'Missouri', MT: 'Montana',
  NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York',
  NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania',
  RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah',
  VT: 'Vermont', VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
  PR: 'Puerto Rico', GU: 'Guam', VI: 'Virgin Islands', AS: 'American Samoa', MP: 'Northern Mariana Islands',
  AA: 'Armed Forces Americas', AE: 'Armed Forces Europe', AP: 'Armed Forces Pacific'
}

const BY_NAME = new Map(Object.entries(NAMES).map(([code, name]) => [name.toLowerCase(), code]))

/** State names, longest first, so `West Virginia` is tried before `Virginia` when matching the end of a line. */
export const US_STATE_NAMES: readonly string[] = [...BY_NAME.keys()].sort((a, b) => b.length - a.length)

const CODES: ReadonlySet<string> = new Set(Object.keys(NAMES))

/** The two-letter code of a US state given as a code (any case) or a full name; undefined if it is neither. */
export function usStateCode (value: string): string | undefined {
  // A code already in capitals (what records nearly always hold) needs no trim, no regex and no case change.
  if (CODES.has(value)) return value
  const text = value.trim().replace(/\.$/, '')
  if (text.length === 2) {
    const code = text.toUpperCase()
    return code in NAMES ? code : undefined
  }
  return BY_NAME.get(text.toLowerCase())
}
