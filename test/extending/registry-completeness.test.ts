// Every entry of every registry is complete, and every list derived from a registry names it: a format without a
// content type, a source missing from the OpenAPI enum, an element kind without a bitmap drawer, a region kind whose
// schema names another type each fail here (the type checker catches some of these too, but not a piece that is
// present with the wrong value, and the tests run without it).
import { describe, expect, it } from 'vitest'
import { REGION_KINDS, type AnyRegionKind } from '../../src/layout/regions/index.ts'
import { adaptRecord } from '../../src/records/index.ts'
import { SOURCE_ADAPTERS } from '../../src/records/sources.ts'
import { ELEMENT_KINDS, type ElementKind } from '../../src/render/elements/index.ts'
import { FORMATS, mediaTypeOf, RAW_ACCEPT_TYPES } from '../../src/service/formats/index.ts'
import { pngFormat } from '../../src/service/formats/png.ts'
import { boxKind } from '../../src/render/elements/box.ts'
import { boxRegion } from '../../src/layout/regions/box.ts'
import { genericAdapter } from '../../src/records/adapters/generic.ts'
import { elementKindProblems, formatProblems, regionKindProblems, sourceProblems } from './completeness.ts'
import { formatResources, sampleLabel } from './support.ts'

const resources = formatResources()
const label = sampleLabel()

/** The message a record no source recognises gets. */
function unknownShapeMessage (): string {
  try {
    adaptRecord({ nothing: 'here' }, { source: 'auto', strict: false })
  } catch (err) {
    return (err as Error).message
  }
  throw new Error('a record of no known shape was read')
}

const unique = (names: readonly string[]): string[] => names.filter((n, i) => names.indexOf(n) !== i)

describe('registry completeness', () => {
  it('every output format is complete and named wherever formats are listed', async () => {
    for (const format of FORMATS) expect(await formatProblems(format, resources, label)).toEqual([])
    expect(unique(FORMATS.map((f) => f.name))).toEqual([])
    // Two formats must not answer the same Accept type.
    const types = FORMATS.flatMap((f) => [mediaTypeOf(f.contentType), ...f.acceptAliases])
    expect(unique(types)).toEqual([])
    for (const f of FORMATS) expect(RAW_ACCEPT_TYPES[mediaTypeOf(f.contentType)]).toBe(f.name)
  })

  it('every record source is complete and named wherever sources are listed', () => {
    const message = unknownShapeMessage()
    for (const adapter of SOURCE_ADAPTERS) expect(sourceProblems(adapter, message)).toEqual([])
    expect(unique(SOURCE_ADAPTERS.map((a) => a.source))).toEqual([])
  })

  it('every element kind has a drawer for each renderer, and every kind a label has is registered', () => {
    for (const kind of ELEMENT_KINDS) expect(elementKindProblems(kind as unknown as ElementKind)).toEqual([])
    expect(unique(ELEMENT_KINDS.map((k) => k.kind))).toEqual([])
    const registered = new Set<string>(ELEMENT_KINDS.map((k) => k.kind))
    for (const el of label.elements) expect(registered).toContain(el.kind)
  })

  it('every template region kind has its schema and every stage of layout', () => {
    for (const kind of REGION_KINDS) expect(regionKindProblems(kind as unknown as AnyRegionKind)).toEqual([])
    expect(unique(REGION_KINDS.map((k) => k.type))).toEqual([])
  })

  it('names the missing piece of an incomplete entry', async () => {
    expect(await formatProblems({ ...pngFormat, contentType: '' }, resources, label)).toEqual(['format png: contentType must be a media type'])
    expect(await formatProblems({ ...pngFormat, name: 'gif' as 'png' }, resources, label)).toContain('format gif: missing from the OpenAPI format enum')
    expect(sourceProblems({ ...genericAdapter, source: 'acme' as 'generic' }, unknownShapeMessage())).toEqual([
      'source acme: missing from the OpenAPI source enum', 'source acme: missing from the CLI usage', 'source acme: missing from the message of an unrecognised record'
    ])
    const { bitmap: _bitmap, ...noBitmap } = boxKind
    expect(elementKindProblems(noBitmap as unknown as ElementKind)).toEqual(['element kind box: no bitmap drawer'])
    expect(regionKindProblems({ ...boxRegion, type: 'frame' } as unknown as AnyRegionKind)).toEqual(['region kind frame: schema must have `type: Type.Literal(<its type>)`'])
  })
})
