// One-line addresses as the delivery APIs send them: parsed into street, sub-premise, city, state and ZIP when
// they are US addresses, printed as given with ADDRESS_UNPARSED otherwise; structured parts with loose types.
import { describe, expect, it } from 'vitest'
import { structuredAddress, textAddress } from '../../../src/records/address/build.ts'
import { RecordReader } from '../../../src/records/reader.ts'

function parse (text: string): { address: ReturnType<typeof textAddress>, warnings: string[] } {
  const r = new RecordReader()
  const address = textAddress(r, text, 'record.address', 'recipient.address')
  return { address, warnings: r.warnings.map((w) => w.code) }
}

const PARSED: [string, string[], string, string, string | undefined][] = [
  // [input, lines, city, state, ZIP]
  ['901 Market Street 6th Floor San Francisco, CA 94103', ['901 Market Street', '6th Floor'], 'San Francisco', 'CA', '94103'],
  ['2270 Camino Vida Roble, Carlsbad, CA 92011-1503, United States', ['2270 Camino Vida Roble'], 'Carlsbad', 'CA', '92011-1503'],
  ['12952 14th St, Yucaipa, CA 92399', ['12952 14th St'], 'Yucaipa', 'CA', '92399'],
  ['2200 Thornton Rd # 100, Lithia Springs, GA 30122', ['2200 Thornton Rd', '# 100'], 'Lithia Springs', 'GA', '30122'],
  ['100 Maiden Ln\nFloor 2\nNew York, NY 10038', ['100 Maiden Ln', 'Floor 2'], 'New York', 'NY', '10038'],
  ['350 5th Ave, New York, New York 10118', ['350 5th Ave'], 'New York', 'NY', '10118'],
  ['1 Infinite Loop Cupertino CA 95014', ['1 Infinite Loop'], 'Cupertino', 'CA', '95014'],
  ['123 Main St Apt 4B Springfield IL 62701', ['123 Main St', 'Apt 4B'], 'Springfield', 'IL', '62701'],
  ['500 W Madison St Suite 1000 Chicago, IL 60661 USA', ['500 W Madison St', 'Suite 1000'], 'Chicago', 'IL', '60661'],
  ['  742 Evergreen Terrace,   Springfield,  OR  97477  ', ['742 Evergreen Terrace'], 'Springfield', 'OR', '97477'],
  ['233 S Wacker Dr, Chicago, IL', ['233 S Wacker Dr'], 'Chicago', 'IL', undefined],
  ['1 Main St, Kansas City, MO 64105', ['1 Main St'], 'Kansas City', 'MO', '64105'],
  // Abbreviations with their dots: "St." is a street suffix, "N." a directional, "Apt." a unit designator.
  ['77 Elm St. Apt. 3 Springfield IL 62701', ['77 Elm St.', 'Apt. 3'], 'Springfield', 'IL', '62701'],
  ['9 Oak Ave. N. Portland OR 97201', ['9 Oak Ave. N.'], 'Portland', 'OR', '97201']
]

describe('one-line addresses', () => {
  for (const [input, lines, city, region, postalCode] of PARSED) {
    it(`parses ${JSON.stringify(input)}`, () => {
      const { address, warnings } = parse(input)
      expect(address).toEqual({ lines, city, region, country: 'US', ...(postalCode === undefined ? {} : { postalCode }) })
      expect(warnings).toEqual([])
    })
  }

  for (const input of ['1 Maryland Dr', '4 Privet Drive, Little Whinging, Surrey', 'Behind the old mill']) {
    it(`prints ${JSON.stringify(input)} as given, split at commas, with ADDRESS_UNPARSED`, () => {
      const { address, warnings } = parse(input)
      expect(address.lines).toEqual(input.split(',').map((s) => s.trim()))
      expect(address.city).toBeUndefined()
      expect(warnings).toEqual(['ADDRESS_UNPARSED'])
    })
  }

  it('records every printed part as coming from the one field', () => {
    const r = new RecordReader()
    textAddress(r, '12952 14th St, Yucaipa, CA 92399', 'record.dropoff_address', 'recipient.address')
    expect(r.paths.get('recipient.address.postalCode')).toBe('record.dropoff_address')
    expect(r.paths.get('recipient.address.lines.0')).toBe('record.dropoff_address')
  })

  it('records every line of a parsed address, however many, so warnings about the fifth name the field too', () => {
    const r = new RecordReader()
    const address = textAddress(r, '1 Main St, Bldg 2, Suite 3, Floor 4, Dock 5, Springfield, IL 62701', 'record.dropoff_address', 'recipient.address')
    expect(address.lines).toEqual(['1 Main St', 'Bldg 2', 'Suite 3', 'Floor 4', 'Dock 5'])
    expect(r.paths.get('recipient.address.lines.3')).toBe('record.dropoff_address')
    expect(r.paths.get('recipient.address.lines.4')).toBe('record.dropoff_address')
  })
})

describe('structured addresses', () => {
  const read = (parts: Record<string, unknown>): { address: ReturnType<typeof structuredAddress>, r: RecordReader } => {
    const r = new RecordReader()
    const part = (key: string): { value: unknown, path: string } => ({ value: parts[key], path: `a.${key}` })
    const address = structuredAddress(r, { lines: [part('street'), part('unit')], city: part('city'), region: part('state'), postalCode: part('zip'), country: part('country') }, 'recipient.address')
    return { address, r }
  }

  it('pads a ZIP that lost its leading zero as a number, and splits a 9-digit one', () => {
    expect(read({ street: '1 Main St', city: 'Boston', state: 'MA', zip: 2134 }).address?.postalCode).toBe('02134')
    expect(read({ street: '1 Main St', city: 'Boston', state: 'MA', zip: 21341234 }).address?.postalCode).toBe('02134-1234')
    expect(read({ street: '1 Main St', city: 'Austin', state: 'TX', zip: 787011234 }).address?.postalCode).toBe('78701-1234')
  })

  it('takes US / USA / United States and state names; null and empty mean not given', () => {
    for (const country of ['US', 'usa', 'United States', 'United States of America', null, '', undefined]) {
      expect(read({ street: '1 Main St', city: 'Austin', state: 'Texas', zip: '78701', country }).address).toEqual({ lines: ['1 Main St'], city: 'Austin', region: 'TX', postalCode: '78701', country: 'US' })
    }
  })

  it('names an unknown country and a street of the wrong type', () => {
    expect(read({ street: '1 Main St', city: 'X', country: 'Narnia' }).r.issues).toEqual([{ path: 'a.country', rule: 'enum', message: '"Narnia" is not a country this service knows; use an ISO 3166-1 code such as US' }])
    expect(read({ street: 12, city: 'X' }).r.issues).toEqual([
      { path: 'a.street', rule: 'type', message: 'must be a string, got a number' },
      { path: 'a.street', rule: 'required', message: 'street address is required' }
    ])
  })

  it('parses the one line that has text when a blank-looking line (zero-width space) comes before it', () => {
    const { address, r } = read({ street: '\u200b', unit: '901 Market Street 6th Floor San Francisco, CA 94103' })
    expect(address).toEqual({ lines: ['901 Market Street', '6th Floor'], city: 'San Francisco', region: 'CA', postalCode: '94103', country: 'US' })
    expect(r.paths.get('recipient.address.city')).toBe('a.unit')
    expect(r.warnings).toEqual([])
  })

  it('keeps the country given beside a lone line, and its path', () => {
    const { address, r } = read({ street: '10 Downing Street, London SW1A 2AA', country: 'GB' })
    expect(address).toEqual({ lines: ['10 Downing Street', 'London SW1A 2AA'], country: 'GB' })
    expect(r.paths.get('recipient.address.country')).toBe('a.country')
    expect(r.paths.get('recipient.address.lines.0')).toBe('a.street')
  })

  it('parses a lone street field that holds the whole address', () => {
    expect(read({ street: '12952 14th St, Yucaipa, CA 92399' }).address).toEqual({ lines: ['12952 14th St'], city: 'Yucaipa', region: 'CA', postalCode: '92399', country: 'US' })
  })
})
