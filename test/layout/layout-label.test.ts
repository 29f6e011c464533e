import { describe, expect, it } from 'vitest'
import { layoutLabel } from '../../src/layout/index.ts'
import type { Label } from '../../src/model/label.ts'
import { SUPPORTED_DPI } from '../../src/units.ts'
import { FONT, TEMPLATES, TEMPLATE_NAMES, fullData, maxLengthData } from './fixtures.ts'

function layout (data = fullData(), template = 'standard', dpi: 203 | 300 = 203): Label {
  const t = TEMPLATES.get(template)
  if (t === undefined) throw new Error(`no template ${template}`)
  return layoutLabel(data, { template: t, dpi, font: FONT })
}

describe('layoutLabel', () => {
  it('lays out a 4x6 label at the requested density with its tracking code and template', () => {
    for (const name of TEMPLATE_NAMES) {
      const a = layout(fullData(), name, 203)
      expect([a.widthDots, a.heightDots, a.template, a.trackingCode]).toEqual([812, 1218, name, 'DL1234567890ABCDEF'])
      const b = layout(fullData(), name, 300)
      expect([b.widthDots, b.heightDots]).toEqual([1200, 1800])
      expect(a.warnings).toEqual([])
    }
  })

  it('fits every DashLink field at its maximum length without truncation', () => {
    for (const name of TEMPLATE_NAMES) {
      for (const dpi of SUPPORTED_DPI) {
        const label = layout(maxLengthData(), name, dpi)
        expect(label.warnings, `${name} ${dpi}`).toEqual([])
        const texts = label.elements.flatMap((e) => (e.kind === 'text' ? [e.text] : []))
        expect(texts.join(' ')).not.toContain('…')
      }
    }
  })
})
