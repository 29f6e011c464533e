// The generic record: the canonical shape (bench fixture, HTTP test fixture) mapped field for field, its tolerance
// and every rejection with its path and rule.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ValidationError } from '../../../src/errors.ts'
import { adaptRecord } from '../../../src/records/index.ts'
import { MissingTrackingCodeError } from '../../../src/records/errors.ts'
import { errorOf, type Json } from '../fixtures.ts'

function benchRecord (): Json {
  return JSON.parse(readFileSync(new URL('../../../bench/fixtures/generic-record.json', import.meta.url), 'utf8')) as Json
}

function withRecipient (changes: Json): Json {
  const record = benchRecord()
  return { ...record, recipient: { ...(record.recipient as Json), ...changes } }
}

function withAddress (changes: Json): Json {
  const recipient = benchRecord().recipient as Json
  return withRecipient({ address: { ...(recipient.address as Json), ...changes } })
}

const adapt = (record: unknown, strict = false): ReturnType<typeof adaptRecord> => adaptRecord(record, { source: 'generic', strict })

const issuesOf = errorOf

describe('generic adapter', () => {
  it('names a misspelt field beside the required one it likely stands for when the record is refused', () => {
    const record = benchRecord()
    record.recipent = record.recipient
    delete record.recipient
    const { code, issues } = issuesOf(() => adapt(record))
    expect(code).toBe('VALIDATION_FAILED')
    expect(issues.map((i) => `${i.path} ${i.rule}`)).toEqual(['record.recipient required', 'record.recipent unknown_field'])
    expect(issues[1]?.message).toBe('not a field of the generic record (did you mean "recipient"?)')
  })

  it('reports every field the generic record does not have, at any depth, suggesting the likely one', () => {
    const record = benchRecord()
    const recipient = record.recipient as Json
    const pkg = record.package as Json
    Object.assign(record, { instrutions: 'Ring twice', format: 'pdf' })
    Object.assign(record.shipper as Json, { emial: 'ops@acme.test' })
    Object.assign(recipient, { nmae: 'Jo' })
    Object.assign(recipient.address as Json, { zip: '94103' })
    Object.assign(pkg, { weigth: 3 })
    Object.assign(pkg.weight as Json, { units: 'kg' })
    Object.assign(pkg.dimensions as Json, { depth: 2 })
    ;(record.references as Json[]).push({ value: 'PO-1', note: 'gift' })
    const { warnings, data } = adapt(record)
    expect(warnings.map((w) => `${w.code} ${w.path}: ${w.message}`)).toEqual([
      'FIELD_NOT_PRINTED record.instrutions: not printed: not a field of the generic record (did you mean "instructions"?)',
      'FIELD_NOT_PRINTED record.format: not printed: not a field of the generic record',
      'FIELD_NOT_PRINTED record.shipper.emial: not printed: not a field of the generic record',
      'FIELD_NOT_PRINTED record.recipient.nmae: not printed: not a field of the generic record (did you mean "name"?)',
      'FIELD_NOT_PRINTED record.recipient.address.zip: not printed: not a field of the generic record',
      'FIELD_NOT_PRINTED record.package.weigth: not printed: not a field of the generic record (did you mean "weight"?)',
      'FIELD_NOT_PRINTED record.package.weight.units: not printed: not a field of the generic record (did you mean "unit"?)',
      'FIELD_NOT_PRINTED record.package.dimensions.depth: not printed: not a field of the generic record',
      'FIELD_NOT_PRINTED record.references.1.note: not printed: not a field of the generic record'
    ])
    // Everything the record does have is still read.
    expect(data.instructions).toBe('Leave at the front desk with security.')
    expect(data.references).toEqual([{ label: 'Ref#', value: 'SO-48213' }, { label: 'Ref#', value: 'PO-1' }])
  })

  it('maps the bench record field for field', () => {
    const { data, source, warnings, fieldPaths } = adapt(benchRecord())
    expect(source).toBe('generic')
    expect(warnings).toEqual([])
    expect(data).toEqual({
      trackingCode: 'LWX100200300400500',
      shipDate: '2026-11-24',
      shipper: {
        name: 'Acme Outfitters',
        phone: '+14155550100',
        address: { lines: ['2270 Camino Vida Roble'], city: 'Carlsbad', region: 'CA', postalCode: '92011', country: 'US' }
      },
      recipient: {
        name: 'Jordan Alvarez',
        company: 'Blue Harbor Cafe',
        phone: '+14155550123',
        address: { lines: ['901 Market Street', '6th Floor'], city: 'San Francisco', region: 'CA', postalCode: '94103', country: 'US' }
      },
      package: {
        weight: { value: 2.4, unit: 'lb' },
        dimensions: { length: 12, width: 9, height: 4, unit: 'in' },
        description: 'Apparel'
      },
      references: [{ label: 'Ref#', value: 'SO-48213' }],
      sortCode: 'SFO-2',
      instructions: 'Leave at the front desk with security.',
      carrierLine: 'Standard Ground'
    })
    expect(fieldPaths).toMatchObject({
      trackingCode: 'record.tracking_code',
      'recipient.name': 'record.recipient.name',
      'recipient.address.lines.0': 'record.recipient.address.lines.0',
      'recipient.address.lines.1': 'record.recipient.address.lines.1',
      'recipient.address.postalCode': 'record.recipient.address.postal_code',
      'shipper.name': 'record.shipper.name',
      'references.0.value': 'record.references.0.value',
      'package.weight': 'record.package.weight',
      sortCode: 'record.sort_code'
    })
  })

  it('is what auto picks for a generic record', () => {
    expect(adaptRecord(benchRecord(), { source: 'auto', strict: false }).source).toBe('generic')
  })

  it('rejects a missing, null or empty recipient name at record.recipient.name', () => {
    for (const name of [undefined, null, '', '   \n ']) {
      const { code, issues } = issuesOf(() => adapt(withRecipient({ name })))
      expect(code).toBe('VALIDATION_FAILED')
      expect(issues).toEqual([{ path: 'record.recipient.name', rule: 'required', message: 'recipient name is required' }])
    }
  })

  it('lists every problem at once, each with path and rule', () => {
    const record = { ...benchRecord(), shipper: { phone: false }, recipient: { name: 7, address: { lines: [], city: 'X' } }, ship_date: 'tomorrow' }
    const { code, issues } = issuesOf(() => adapt(record))
    expect(code).toBe('VALIDATION_FAILED')
    expect(issues.map((i) => `${i.path} ${i.rule}`).sort()).toEqual([
      'record.recipient.address.lines.0 required',
      'record.recipient.name type',
      'record.ship_date format',
      'record.shipper.name required',
      'record.shipper.phone type'
    ])
    expect(() => adapt(record)).toThrow(ValidationError)
  })

  it('requires the shipper and recipient objects', () => {
    const { shipper: _s, recipient: _r, ...rest } = benchRecord()
    const { issues } = issuesOf(() => adapt(rest))
    expect(issues.map((i) => i.path)).toEqual(['record.shipper', 'record.recipient'])
  })

  it('refuses a record without a tracking code, naming the field looked at', () => {
    for (const tracking_code of [undefined, null, '']) {
      const err = issuesOf(() => adapt({ ...benchRecord(), tracking_code }))
      expect(err.code).toBe('MISSING_TRACKING_CODE')
      expect(err.issues[0]?.path).toBe('record.tracking_code')
    }
    expect(() => adapt({ ...benchRecord(), tracking_code: null })).toThrow(MissingTrackingCodeError)
  })

  it('takes a numeric tracking code and ZIP, a spelled-out country and state, and trims text', () => {
    const record = {
      ...withAddress({ postal_code: 2134, country: 'United States', region: 'Massachusetts', city: '  Boston\n' }),
      tracking_code: 123456789012345
    }
    const { data, warnings } = adapt(record)
    expect(data.trackingCode).toBe('123456789012345')
    expect(data.recipient.address).toMatchObject({ city: 'Boston', region: 'MA', postalCode: '02134', country: 'US' })
    expect(warnings.map((w) => w.code).sort()).toEqual(['POSTAL_CODE_PADDED', 'REGION_ABBREVIATED'])
    // DashLink's advice on tracking codes is for labels meant for DashLink.
    const forDashlink = adaptRecord(record, { source: 'generic', strict: false, carrierRules: 'dashlink' })
    expect(forDashlink.warnings.map((w) => w.code)).toContain('TRACKING_CODE_NO_PREFIX')
  })

  it('refuses a tracking code JSON cannot carry exactly', () => {
    const { code, issues } = issuesOf(() => adapt({ ...benchRecord(), tracking_code: 2 ** 60 }))
    expect(code).toBe('VALIDATION_FAILED')
    expect(issues[0]).toMatchObject({ path: 'record.tracking_code', rule: 'type' })
  })

  it('parses a one-line US address and prints an unparseable one as given with a warning', () => {
    const parsed = adapt(withRecipient({ address: '901 Market Street 6th Floor San Francisco, CA 94103' }))
    expect(parsed.data.recipient.address).toEqual({ lines: ['901 Market Street', '6th Floor'], city: 'San Francisco', region: 'CA', postalCode: '94103', country: 'US' })
    expect(parsed.fieldPaths['recipient.address.city']).toBe('record.recipient.address')
    const loose = adapt(withRecipient({ address: 'Behind the old mill, Springfield' }))
    expect(loose.data.recipient.address.lines).toEqual(['Behind the old mill', 'Springfield'])
    expect(loose.warnings.map((w) => w.code)).toContain('ADDRESS_UNPARSED')
  })

  it('takes line1/line2, a state alias, and a single street line sent without the array', () => {
    const address = { line1: '901 Market Street', line2: '6th Floor', city: 'San Francisco', state: 'CA', postal_code: '94103' }
    expect(adapt(withRecipient({ address })).data.recipient.address).toEqual({ lines: ['901 Market Street', '6th Floor'], city: 'San Francisco', region: 'CA', postalCode: '94103', country: 'US' })
    const single = adapt(withAddress({ lines: '901 Market Street' }))
    expect(single.data.recipient.address.lines).toEqual(['901 Market Street'])
    expect(single.fieldPaths['recipient.address.lines.0']).toBe('record.recipient.address.lines')
    expect(errorOf(() => adapt(withAddress({ lines: 7 }))).issues).toEqual([
      { path: 'record.recipient.address.lines', rule: 'type', message: 'must be a string, got a number' },
      { path: 'record.recipient.address.lines', rule: 'required', message: 'street address is required' }
    ])
  })

  it('adds +1 to a bare US phone with a warning', () => {
    const { data, warnings } = adapt(withRecipient({ phone: '(415) 555-0123' }))
    expect(data.recipient.phone).toBe('+14155550123')
    expect(warnings).toContainEqual(expect.objectContaining({ code: 'PHONE_COUNTRY_CODE_ADDED', path: 'record.recipient.phone' }))
  })

  it('reports a line1/line2 or state that lines or region hide, instead of dropping it silently', () => {
    const { data, warnings } = adapt(withAddress({ lines: ['901 Market Street'], line2: 'Apt 5', region: 'CA', state: 'NV' }))
    expect(data.recipient.address.lines).toEqual(['901 Market Street'])
    expect(data.recipient.address.region).toBe('CA')
    expect(warnings).toEqual([
      { code: 'FIELD_NOT_PRINTED', path: 'record.recipient.address.line2', message: 'not printed: `lines` is given, so it must hold every street line' },
      { code: 'FIELD_NOT_PRINTED', path: 'record.recipient.address.state', message: 'not printed: `region` is given, and `state` is only its alias' }
    ])
    expect(adapt(withAddress({ region: 'CA', state: 'CA', line1: null })).warnings).toEqual([])
  })

  it('ignores unknown fields', () => {
    expect(adapt({ ...benchRecord(), colour: 'blue', extra: { a: 1 } }).data.trackingCode).toBe('LWX100200300400500')
  })

  it('reports carrier rules as warnings when the label is meant for DashLink, as CARRIER_RULE_VIOLATION when strict, and not otherwise', () => {
    const record = withAddress({ country: 'CA', region: 'ON', postal_code: 'M5V 2T6', city: 'Toronto' })
    expect(adapt(record).warnings.filter((w) => w.code === 'CARRIER_RULE')).toEqual([])
    expect(adaptRecord(record, { source: 'generic', strict: false, carrierRules: 'dashlink' }).warnings).toContainEqual(expect.objectContaining({ code: 'CARRIER_RULE', path: 'record.recipient.address.country' }))
    const { code, issues } = issuesOf(() => adapt(record, true))
    expect(code).toBe('CARRIER_RULE_VIOLATION')
    expect(issues).toContainEqual(expect.objectContaining({ path: 'record.recipient.address.country', rule: 'us_address' }))
  })

  it('names the package fields of the generic record (an object, not a list) in item carrier rules', () => {
    const { issues } = issuesOf(() => adapt({ ...benchRecord(), package: { description: 'Apparel' } }, true))
    expect(issues).toContainEqual(expect.objectContaining({ path: 'record.package.weight', rule: 'item_weight' }))
    expect(issues).toContainEqual(expect.objectContaining({ path: 'record.package', rule: 'item_dimensions' }))
  })

  const REJECTIONS: [string, Json, string, string, RegExp][] = [
    ['an unknown weight unit', { package: { weight: { value: 2, unit: 'stone' } } }, 'record.package.weight.unit', 'enum', /use lb, oz, kg or g/],
    ['a weight without unit', { package: { weight: { value: 2 } } }, 'record.package.weight.unit', 'required', /lb, oz, kg or g/],
    ['a negative weight', { package: { weight: { value: -1, unit: 'lb' } } }, 'record.package.weight.value', 'minimum', /must not be negative/],
    ['an unknown length unit', { package: { dimensions: { length: 1, width: 1, height: 1, unit: 'ft' } } }, 'record.package.dimensions.unit', 'enum', /use in or cm/],
    ['a package that is not an object', { package: 'big' }, 'record.package', 'type', /must be an object, got a string/],
    ['a reference without value', { references: [{ label: 'PO' }] }, 'record.references.0.value', 'required', /reference value is required/],
    ['a reference that is not an object', { references: ['SO-1'] }, 'record.references.0', 'type', /"label": "Ref#"/],
    ['references that are not a list', { references: 'SO-1' }, 'record.references', 'type', /must be an array/],
    ['an address of the wrong type', { recipient: { name: 'A', address: 5 } }, 'record.recipient.address', 'type', /address object or one line of text/],
    ['a missing address', { recipient: { name: 'A' } }, 'record.recipient.address', 'required', /recipient address is required/],
    ['an unknown country', { recipient: { name: 'A', address: { lines: ['1 Main St'], country: 'Atlantis' } } }, 'record.recipient.address.country', 'enum', /ISO 3166-1/],
    // Names of Object.prototype members are unknown spellings, not a function that crashes layout later.
    ['a weight unit named constructor', { package: { weight: { value: 2, unit: 'constructor' } } }, 'record.package.weight.unit', 'enum', /use lb, oz, kg or g/],
    ['a length unit named __proto__', { package: { dimensions: { length: 1, width: 1, height: 1, unit: '__proto__' } } }, 'record.package.dimensions.unit', 'enum', /use in or cm/],
    ['a country named constructor', { recipient: { name: 'A', address: { lines: ['1 Main St'], country: 'constructor' } } }, 'record.recipient.address.country', 'enum', /ISO 3166-1/]
  ]

  for (const [what, changes, path, rule, message] of REJECTIONS) {
    it(`refuses ${what} at ${path} (${rule})`, () => {
      const err = issuesOf(() => adapt({ ...benchRecord(), ...changes }))
      expect(err.code).toBe('VALIDATION_FAILED')
      expect(err.issues).toEqual([{ path, rule, message: expect.stringMatching(message) as string }])
    })
  }

  it('refuses a record that is not an object', () => {
    for (const record of [null, [], 'text', 3]) {
      const { code, issues } = issuesOf(() => adapt(record))
      expect(code).toBe('VALIDATION_FAILED')
      expect(issues[0]).toMatchObject({ path: 'record', rule: 'type' })
    }
  })
})
