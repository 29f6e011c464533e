// docs/extending.md's worked example of a record source: "Acme Courier" records
// `{ "acme_id": "…", "ship_to": { "name": "…", "address": "one line" }, "ship_from": { … } }`. In src/ it is
// src/records/adapters/acme.ts (imports from '../types.ts', '../reader.ts', './common.ts', '../address/build.ts') plus
// the line `acmeAdapter,` in src/records/registry.ts.
import { textAddress } from '../../src/records/address/build.ts'
import { mappedText, placeCodeAt, shipperOf } from '../../src/records/adapters/common.ts'
import { isRec, type Rec, type RecordReader } from '../../src/records/reader.ts'
import { defineSource, type AdapterResult, type Detection } from '../../src/records/types.ts'

function detect (record: Rec): Detection {
  if (!('acme_id' in record) && !('ship_to' in record)) return { match: 'none', missing: 'acme_id and ship_to' }
  if (!('acme_id' in record)) return { match: 'shape', missing: 'acme_id' }
  return { match: 'distinct', missing: '' }
}

/** A party: a name and an address given as one line of text. */
function party (r: RecordReader, record: Rec, key: string, label: string): { name?: string, address?: ReturnType<typeof textAddress> } {
  const value = record[key]
  const base = `record.${key}`
  if (!isRec(value)) {
    r.required(base, 'must be an object { name, address }')
    return {}
  }
  const name = mappedText(r, value, 'name', base, `${label}.name`)
  const line = r.text(value, 'address', base)
  if (line === undefined) return { name }
  return { name, address: textAddress(r, line, `${base}.address`, `${label}.address`) }
}

function read (record: Rec, r: RecordReader): AdapterResult | undefined {
  const to = party(r, record, 'ship_to', 'recipient')
  const from = party(r, record, 'ship_from', 'shipper')
  if (to.name === undefined || to.address === undefined) {
    r.required('record.ship_to', 'needs a name and an address')
    return undefined
  }
  return {
    data: { shipper: shipperOf(from.name ?? '', undefined, from.address), recipient: { name: to.name, address: to.address }, carrierLine: 'Acme Courier' },
    tracking: [{ path: 'record.acme_id', value: record.acme_id }],
    references: [],
    facts: { items: { path: 'record.items', count: 0, weighed: false, measured: false }, recipientPhonePath: 'record.ship_to.phone' }
  }
}

export const acmeAdapter = defineSource({ source: 'acme', trackingFields: ['acme_id'], detect, read, placeCode: placeCodeAt('acme_id') })
