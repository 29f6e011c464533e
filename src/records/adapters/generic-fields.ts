// The fields of the generic record, by object, from its schema: anything else a record sends (a misspelt
// `instrutions`, an option put inside the record) is reported as not printed rather than dropped silently.
import type { FieldIssue } from '../../errors.ts'
import { DIMENSIONS_SCHEMA, GENERIC_ADDRESS_SCHEMA, GENERIC_RECORD_SCHEMA, REFERENCE_SCHEMA, WEIGHT_SCHEMA } from '../generic-schema.ts'
import type { Rec, RecordReader } from '../reader.ts'

const fieldsOf = (schema: { properties: object }): ReadonlySet<string> => new Set(Object.keys(schema.properties))
const RECORD = GENERIC_RECORD_SCHEMA.properties
export const RECORD_FIELDS = fieldsOf(GENERIC_RECORD_SCHEMA)
export const SHIPPER_FIELDS = fieldsOf(RECORD.shipper)
export const RECIPIENT_FIELDS = fieldsOf(RECORD.recipient)
export const ADDRESS_FIELDS = fieldsOf(GENERIC_ADDRESS_SCHEMA.anyOf[0])
export const PACKAGE_FIELDS = fieldsOf(RECORD.package)
export const WEIGHT_FIELDS = fieldsOf(WEIGHT_SCHEMA)
export const DIMENSION_FIELDS = fieldsOf(DIMENSIONS_SCHEMA)
export const REFERENCE_FIELDS = fieldsOf(REFERENCE_SCHEMA)

function notAField (like: string | undefined): string {
  return `not a field of the generic record${like === undefined ? '' : ` (did you mean "${like}"?)`}`
}

/** Warns about each field of `obj` that `known` lacks, suggesting the known field it is likely a misspelling of. */
export function reportUnknownFields (r: RecordReader, obj: Rec, known: ReadonlySet<string>, path: string): void {
  for (const key in obj) {
    if (known.has(key) || !Object.hasOwn(obj, key)) continue
    r.unknownField(`${path}.${key}`, notAField(closestField(key, known)))
  }
}

/** Top-level fields one or two edits away from a generic record field (`recipent`), as issues naming the field meant. */
export function misspelt (record: Rec): FieldIssue[] {
  const issues: FieldIssue[] = []
  for (const key in record) {
    if (RECORD_FIELDS.has(key) || !Object.hasOwn(record, key)) continue
    const like = closestField(key, RECORD_FIELDS)
    if (like !== undefined) issues.push({ path: `record.${key}`, rule: 'unknown_field', message: notAField(like) })
  }
  return issues
}

/** The known field within two edits of `key` (insertions, deletions, substitutions), if one is. */
function closestField (key: string, known: ReadonlySet<string>): string | undefined {
  let best: string | undefined
  let bestDistance = 3
  const lower = key.toLowerCase()
  for (const field of known) {
    // Lengths more than two apart need more than two edits: a long key costs no distance table.
    if (Math.abs(lower.length - field.length) >= bestDistance) continue
    const d = editDistance(lower, field)
    if (d < bestDistance) { best = field; bestDistance = d }
  }
  return best
}

function editDistance (a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.length] as number
}
