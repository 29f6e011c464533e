import { describe, expect, it } from 'vitest'
import { escapeFieldData } from '../../../src/render/zpl/field-data.ts'

describe('escapeFieldData', () => {
  it.each([
    ['plain text', 'ACME Corp, 12 Main St.', 'ACME Corp, 12 Main St.'],
    ['injection', '^XZ^XA^FDpwn^FS~JR', '_5EXZ_5EXA_5EFDpwn_5EFS_7EJR'],
    ['tilde command', '~JR', '_7EJR'],
    ['underscore', 'a_b', 'a_5Fb'],
    ['escape-looking text', '_5E', '_5F5E'],
    ['newline and tab', 'a\nb\tc\r', 'a_0Ab_09c_0D'],
    ['DEL and NUL', '\x7f\x00', '_7F_00'],
    ['UTF-8 passes through', 'Zürich – Straße', 'Zürich – Straße']
  ])('%s', (_name, input, expected) => {
    expect(escapeFieldData(input)).toBe(expected)
  })

  it('leaves no ^, ~ or control character for any ASCII input', () => {
    const all = Array.from({ length: 128 }, (_, i) => String.fromCharCode(i)).join('')
    const escaped = escapeFieldData(all)
    expect(escaped).not.toMatch(/[\^~\x00-\x1f\x7f]/)
    const decoded = escaped.replace(/_([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    expect(decoded).toBe(all)
  })
})
