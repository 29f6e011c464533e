// The generic record: the canonical JSON a fulfillment system can send directly (snake_case). This TypeBox schema
// documents it (docs, OpenAPI); the generic adapter reads it by hand so tolerance (ZIP as a number, `state` for
// `region`, a one-line address) and error paths stay exact. A test keeps the two in agreement.
import { Type, type Static } from '@sinclair/typebox'

const Text = (description: string, extra: object = {}): ReturnType<typeof Type.String> => Type.String({ description, ...extra })

/** A postal address: street lines (or line1/line2), city, state/region, postal code, country; or one free-text line. */
export const GENERIC_ADDRESS_SCHEMA = Type.Union([
  Type.Object({
    lines: Type.Optional(Type.Array(Type.String(), { description: 'Street, then sub-premise (apartment, floor, suite)', maxItems: 4 })),
    line1: Type.Optional(Text('Street line, when `lines` is not used')),
    line2: Type.Optional(Text('Sub-premise line, when `lines` is not used')),
    city: Type.Optional(Text('City')),
    region: Type.Optional(Text('State, province or region code, e.g. CA (a US state name is abbreviated)')),
    state: Type.Optional(Text('Alias of region')),
    postal_code: Type.Optional(Type.Union([Type.String(), Type.Integer({ minimum: 0 })], { description: 'ZIP or postal code; a numeric US ZIP shorter than 5 digits is zero-padded' })),
    country: Type.Optional(Text('ISO 3166-1 alpha-2 (US), or USA / United States; defaults to US'))
  }),
  Text('One free-text line, e.g. "901 Market Street 6th Floor San Francisco, CA 94103"', { minLength: 1 })
])

/** A weight: value and unit. */
export const WEIGHT_SCHEMA = Type.Object({
  value: Type.Number({ minimum: 0, description: '0 means not weighed' }),
  unit: Type.String({ description: 'lb, oz, kg or g (lbs, pounds, grams… accepted)' })
})

/** Package dimensions and their unit. */
export const DIMENSIONS_SCHEMA = Type.Object({
  length: Type.Number({ minimum: 0 }),
  width: Type.Number({ minimum: 0 }),
  height: Type.Number({ minimum: 0 }),
  unit: Type.String({ description: 'in or cm' })
})

/** One printed reference. */
export const REFERENCE_SCHEMA = Type.Object({
  label: Type.Optional(Text('Caption printed before the value; default "Ref#"')),
  value: Type.Union([Type.String({ minLength: 1 }), Type.Integer({ minimum: 0 })])
})

/** JSON Schema (TypeBox) of the generic record; unknown fields are allowed and come back as FIELD_NOT_PRINTED warnings. */
export const GENERIC_RECORD_SCHEMA = Type.Object({
  tracking_code: Type.Union([Type.String({ minLength: 1 }), Type.Integer({ minimum: 0 })], { description: 'What the Code128 barcode encodes' }),
  ship_date: Type.Optional(Text('YYYY-MM-DD or an RFC 3339 timestamp; defaults to today')),
  shipper: Type.Object({
    name: Text('Shipper name, printed top left', { minLength: 1 }),
    phone: Type.Optional(Text('E.164; a 10-digit US number gets +1 with a warning')),
    address: Type.Optional(GENERIC_ADDRESS_SCHEMA)
  }),
  recipient: Type.Object({
    name: Text('Recipient name', { minLength: 1 }),
    company: Type.Optional(Text('Business name')),
    phone: Type.Optional(Text('E.164; a 10-digit US number gets +1 with a warning')),
    address: GENERIC_ADDRESS_SCHEMA
  }),
  package: Type.Optional(Type.Object({
    weight: Type.Optional(WEIGHT_SCHEMA),
    dimensions: Type.Optional(DIMENSIONS_SCHEMA),
    description: Type.Optional(Text('What is in the package'))
  })),
  references: Type.Optional(Type.Array(REFERENCE_SCHEMA, { description: 'Printed references, e.g. [{ "label": "Ref#", "value": "SO-48213" }]' })),
  reference: Type.Optional(Type.Union([Type.String(), Type.Integer({ minimum: 0 })], { description: 'Shorthand for one Ref# reference' })),
  sort_code: Type.Optional(Text('Sort, route or facility code printed large')),
  instructions: Type.Optional(Text('Delivery instructions for the driver')),
  carrier_line: Type.Optional(Text('Carrier and service line in the footer, e.g. "By DashLink"'))
}, { $id: 'GenericRecord', description: 'A delivery record in labelworks\' own canonical shape' })

/** A generic record as TypeScript sees it. */
export type GenericRecord = Static<typeof GENERIC_RECORD_SCHEMA>
