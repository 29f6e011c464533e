// A stream of distinct records from one shipper, as a fulfilment system sends them: the sender, the template's
// headings and the date repeat on every label, while the recipient, address, reference and tracking code change.
// Benchmarks draw a new record for every label, so nothing remembered from an earlier label serves a field that is
// new on this one: the words every label shares ("Street", the city) are drawn once, a new name or number every time.
import { readFileSync } from 'node:fs'

const FIRST = ['Jordan', 'Amelia', 'Noah', 'Priya', 'Mateo', 'Chloé', 'Kenji', 'Fatima', 'Lucas', 'Ingrid', 'Omar', 'Zofia', 'Diego', 'Hana', 'Tomás', 'Aisha']
const LAST = ['Alvarez', 'Okafor', 'Lindqvist', 'Nakamura', 'Schmidt', 'Rossi', 'Kowalski', 'Haddad', 'Brennan', 'Moreau', 'Dubois', 'Novak', 'Silva', 'Petrov', 'García', 'Walsh']
const STREETS = ['Market Street', 'Valencia Street', 'Mission Street', 'Geary Boulevard', 'Divisadero Street', 'Castro Street', 'Irving Street', 'Ocean Avenue']

type GenericRecord = Record<string, unknown> & { recipient: Record<string, unknown>, references: { label: string, value: string }[] }

let base: GenericRecord | undefined

/** The `i`-th record of the stream: every `i` gives a record no other `i` gives, however long a benchmark runs. */
export function variedRecord (i: number): GenericRecord {
  base ??= JSON.parse(readFileSync(new URL('./fixtures/generic-record.json', import.meta.url), 'utf8')) as GenericRecord
  const name = `${FIRST[i % FIRST.length] as string} ${LAST[Math.floor(i / FIRST.length) % LAST.length] as string}-${i}`
  const street = `${100 + (i * 37) % 9800} ${STREETS[i % STREETS.length] as string}`
  return {
    ...base,
    tracking_code: `LWX${String(100200300400500 + i * 7919).padStart(15, '0')}`,
    recipient: {
      ...base.recipient,
      name,
      company: `Blue Harbor Cafe #${i}`,
      address: { lines: [street, `Suite ${1 + (i % 400)}`], city: 'San Francisco', region: 'CA', postal_code: String(94100 + (i % 60)), country: 'US' }
    },
    references: [{ label: 'Ref#', value: `SO-${48213 + i}` }]
  }
}

/** The first `count` records of the stream. */
export function variedRecords (count: number): GenericRecord[] {
  return Array.from({ length: count }, (_, i) => variedRecord(i))
}
