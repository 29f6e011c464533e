// docs/extending.md's worked element kind (dot-element.ts, dot-region.ts, dot-render.ts): its layout module and its render module, each registered
// with one line as the registries would have it, end to end: a template uses it, layout places it, and ZPL, the
// PDF and the bitmap draw it.
import { PDFDocument } from 'pdf-lib'
import { describe, expect, it, vi } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import { loadTextFonts } from '../../src/fonts/index.ts'
import { parseTemplate } from '../../src/layout/index.ts'
import type { AnyRegionKind } from '../../src/layout/regions/index.ts'
import { drawLabelBitmap, textRasterizerFor } from '../../src/render/bitmap/index.ts'
import { fullRecord } from '../http/labels/fixtures.ts'
import { pageContent } from '../render/pdf/pdf-inspect.ts'
import { testLabelService } from '../support/app.ts'
import { elementKindProblems, regionKindProblems } from './completeness.ts'
import type { DotElement } from './dot-element.ts'
import { dotRegion } from './dot-region.ts'
import { dotEntry } from './dot-render.ts'

vi.mock('../../src/layout/regions/registry.ts', async (importOriginal) => {
  const { REGION_KINDS } = await importOriginal<typeof import('../../src/layout/regions/registry.ts')>()
  const { dotRegion: added } = await import('./dot-region.ts')
  return { REGION_KINDS: [...REGION_KINDS, added] }
})
vi.mock('../../src/render/elements/registry.ts', async (importOriginal) => {
  const { ELEMENT_KINDS } = await importOriginal<typeof import('../../src/render/elements/registry.ts')>()
  const { dotEntry: added } = await import('./dot-render.ts')
  return { ELEMENT_KINDS: [...ELEMENT_KINDS, added] }
})

/** A small template: the tracking code as text, the barcode, and a 0.3 in dot in the top-right corner. */
const TEMPLATE = JSON.stringify({
  description: 'A tracking code and a sorting dot',
  barcode: { horizontal: { x: 0, y: 3.02, width: 4, height: 0.9 }, vertical: { x: 2.95, y: 1, width: 0.9, height: 4.95 } },
  regions: [
    { type: 'text', text: '{trackingCode}', x: 0.15, y: 0.1, width: 2.5, height: 0.3, fontSize: 0.2, minFontSize: 0.1 },
    { type: 'dot', id: 'sort_dot', x: 3.5, y: 0.1, width: 0.3, height: 0.3 }
  ]
})

const template = parseTemplate('dotted', 'dotted.json', TEMPLATE)
const service = testLabelService({ templates: new Map([['dotted', template]]), defaultTemplate: 'dotted' })

describe('a new element kind: a layout module, a render module and a line in each registry', () => {
  it('is complete on both sides', () => {
    expect(regionKindProblems(dotRegion as unknown as AnyRegionKind)).toEqual([])
    expect(elementKindProblems(dotEntry)).toEqual([])
  })

  it('is a region type templates may use, and named when a type is unknown', () => {
    expect(() => parseTemplate('bad', 'bad.json', TEMPLATE.replace('"dot"', '"star"'))).toThrow('must be one of text, column, line, box, dot')
    expect(() => parseTemplate('bad', 'bad.json', TEMPLATE.replace('"width":0.3', '"width":0.3,"fontSize":0.2'))).toThrow('regions[1].fontSize Unexpected property')
  })

  it('is placed by layout at the density', () => {
    for (const [dpi, diameter] of [[203, 60], [300, 90]] as const) {
      const { label } = service.layout({ record: fullRecord(), dpi })
      const dot = label.elements.find((e) => (e.kind as string) === 'dot') as unknown as DotElement
      expect(dot).toMatchObject({ x: Math.round(3.5 * dpi), y: Math.round(0.1 * dpi), diameter })
    }
  })

  it('is drawn by ZPL, the PDF and the bitmap', async () => {
    expect(service.renderZpl({ record: fullRecord() }).zpl).toContain('^FO711,20^GC60,60,B^FS')
    const pdf = await service.render({ record: fullRecord(), format: 'pdf' })
    // Four Bézier quarters around the centre (741, 50 dots), filled, from its right edge: 771 dots is 273.4581 pt,
    // 50 dots down a 432 pt page is 414.266 pt up.
    const content = pageContent(await PDFDocument.load(pdf.body))
    expect(content).toMatch(/^273\.4581 414\.266 m .* c f$/m)
    const { label } = service.layout({ record: fullRecord() })
    const bitmap = drawLabelBitmap(label, textRasterizerFor(loadTextFonts(loadConfig({}).fontFile)))
    expect(bitmap.get(711 + 30, 20 + 30)).toBe(true)
    // A disc, not its square: the corners of its box stay white.
    expect(bitmap.get(711, 20)).toBe(false)
    expect(bitmap.get(711 + 59, 20 + 59)).toBe(false)
  })
})
