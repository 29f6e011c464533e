// Field origins are noted as pieces and joined only when read; reading them must give what a Map of the joined
// strings would.
import { describe, expect, it } from 'vitest'
import { FieldPaths, joinPath } from '../../src/records/field-paths.ts'

type Note = [string, string | number | undefined, string, string | number | undefined]

const NOTES: Note[] = [
  ['recipient.name', undefined, 'record', 'dropoff_name'],
  ['recipient.address', 'lines.0', 'record.dropoff.address', 'street_address'],
  ['recipient.address', 'city', 'record.dropoff_address', undefined],
  ['references.0', 'value', 'record.references.0', 'value'],
  ['references.0', undefined, 'record.references.0', 'value'],
  ['recipient.address.lines', 0, 'record.address', 7],
  // Noted again: keeps its first place, takes the new path.
  ['recipient.name', undefined, 'record.dropoff', 'name'],
  ['recipient.address.city', undefined, 'record.dropoff', 'city']
]

function noted (): FieldPaths {
  const paths = new FieldPaths()
  for (const [labelBase, labelKey, recordBase, recordKey] of NOTES) paths.add(labelBase, labelKey, recordBase, recordKey)
  return paths
}

describe('FieldPaths', () => {
  const reference = new Map<string, string>()
  for (const [labelBase, labelKey, recordBase, recordKey] of NOTES) reference.set(joinPath(labelBase, labelKey), joinPath(recordBase, recordKey))

  it('gives the object a Map of the joined paths would give: first place, last path', () => {
    const object = noted().toObject()
    expect(Object.entries(object)).toEqual([...reference])
    expect(object['recipient.address.lines.0']).toBe('record.address.7')
    expect(object['recipient.address.city']).toBe('record.dropoff.city')
  })

  it('finds the last path noted for a label path, however the label was split into pieces', () => {
    const paths = noted()
    for (const [label, path] of reference) expect(paths.get(label), label).toBe(path)
    for (const label of ['recipient', 'recipient.address', 'recipient.address.lines', 'references.0.label', 'references.00', 'recipient.namex', 'references.0xvalue', '']) {
      expect(paths.get(label), label).toBeUndefined()
    }
  })

  it('keeps every note when a record notes more than the room it starts with', () => {
    const paths = new FieldPaths()
    const expected: Record<string, string> = {}
    for (let i = 0; i < 100; i++) {
      paths.add('references', i, 'record.refs', i)
      expected[`references.${i}`] = `record.refs.${i}`
    }
    expect(paths.toObject()).toEqual(expected)
    expect(paths.get('references.0')).toBe('record.refs.0')
    expect(paths.get('references.99')).toBe('record.refs.99')
    expect(paths.get('references.100')).toBeUndefined()
  })

  it('joins a path only when it has a key', () => {
    expect(joinPath('record', 'name')).toBe('record.name')
    expect(joinPath('record.items', 0)).toBe('record.items.0')
    expect(joinPath('record.address', undefined)).toBe('record.address')
  })
})
