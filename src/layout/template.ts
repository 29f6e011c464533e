// A checked template, compiled once at start-up: placeholders parsed, overrides applied, defaults filled in.
// Still in inches: dots depend on the density and are worked out per density in resolve.ts.
import type { FieldIssue } from '../errors.ts'
import { arrangeRegions, type BarcodeDirection } from './arrangement.ts'
import { FIELDS, type FieldGetter } from './fields.ts'
import { compileText, type CompiledText } from './placeholders.ts'
import { DEFAULT_LINE_SPACING } from './template-rules.ts'
import type { ColumnItemSpec, RectSpec, TemplateFile, TextRegionSpec } from './template-schema.ts'

/** How a text is sized and aligned. */
export interface CompiledTypography {
  fontSize: number
  minFontSize: number
  maxLines: number
  align: 'left' | 'center' | 'right'
  truncate: boolean
}

/** A text that is printed: where it comes from and how. */
export interface CompiledTextSpec extends CompiledTypography {
  /** Name in warnings and TextElement.field: the region's id, else its first placeholder's path. */
  id: string
  /** JSON path in the template file, for template errors. */
  path: string
  text: CompiledText
}

/** A region printed only when a field is filled (or only when it is empty). */
export interface RegionCondition {
  get: FieldGetter
  filled: boolean
}

/** A region of one arrangement. */
export type CompiledRegion =
  | { kind: 'text', rect: RectSpec, rotation: 0 | 90, spec: CompiledTextSpec, onlyWhen?: RegionCondition }
  | { kind: 'column', path: string, rect: RectSpec, gap: number, items: Array<CompiledTextSpec & { height: number }> }
  | { kind: 'line', path: string, rect: RectSpec }
  | { kind: 'box', path: string, rect: RectSpec, thickness: number }

/** A label-data field an arrangement does not print, ready to check on every label. */
export interface UnprintedField {
  get: FieldGetter
  /** The path the warning names: the field's, or for a reference's label or value the reference's (`references.4`). */
  reportAs: string
}

/** The barcode box and the regions of one arrangement. */
export interface CompiledArrangement {
  barcode: RectSpec
  regions: CompiledRegion[]
  /** Label-data fields no region of this arrangement prints; a label that has one gets a warning. */
  unprinted: UnprintedField[]
}

/** A loaded template, as layoutLabel takes it. */
export interface Template {
  /** The file name without `.json`; what requests ask for. */
  name: string
  /** The file it was loaded from. */
  file: string
  description: string
  lineSpacing: number
  /** Where the symbol sits along its barcode box. */
  barcodeAlign: 'left' | 'center'
  arrangements: Readonly<Record<BarcodeDirection, CompiledArrangement>>
}

type TextSource = Pick<TextRegionSpec, 'id' | 'text' | 'default' | 'fontSize' | 'minFontSize' | 'maxLines' | 'align' | 'truncate'>

function rectOf (r: RectSpec): RectSpec {
  return { x: r.x, y: r.y, width: r.width, height: r.height }
}

/** Fields none of `regions` prints; the tracking code is always printed as the barcode. */
function unprintedFields (regions: CompiledRegion[]): UnprintedField[] {
  const printed = new Set<string>(['trackingCode'])
  for (const r of regions) {
    const specs = r.kind === 'text' ? [r.spec] : r.kind === 'column' ? r.items : []
    for (const s of specs) for (const p of s.text.placeholders) printed.add(p.path)
  }
  // A reference is one value to the user: `references.4`, not its label and value apart (adjacent in FIELDS).
  return [...FIELDS].filter(([path]) => !printed.has(path)).map(([path, get]) => ({
    get,
    reportAs: path.startsWith('references.') ? path.slice(0, path.lastIndexOf('.')) : path
  }))
}

/** Compiles a template file that passed the schema and the rules; returns placeholder problems instead. */
export function compileTemplate (name: string, file: string, spec: TemplateFile): Template | FieldIssue[] {
  const issues: FieldIssue[] = []
  const texts = new Map<string, CompiledText>()
  const textSpec = (source: TextSource, path: string): CompiledTextSpec => {
    let text = texts.get(path)
    if (text === undefined) {
      const compiled = compileText(source.text, source.default, `${path}.text`)
      if (Array.isArray(compiled)) {
        issues.push(...compiled)
        text = { source: source.text, leading: source.text, placeholders: [], fallback: undefined }
      } else text = compiled
      texts.set(path, text)
    }
    return {
      id: source.id ?? text.placeholders[0]?.path ?? path,
      path,
      text,
      fontSize: source.fontSize,
      minFontSize: source.minFontSize,
      maxLines: source.maxLines ?? 1,
      align: source.align ?? 'left',
      truncate: source.truncate ?? true
    }
  }
  const arrangement = (direction: BarcodeDirection): CompiledArrangement => {
    const regions = arrangeRegions(spec, direction).map(({ region, path }): CompiledRegion => {
      switch (region.type) {
        case 'text': {
          const compiled: CompiledRegion = { kind: 'text', rect: rectOf(region), rotation: region.rotation ?? 0, spec: textSpec(region, path) }
          if (region.onlyWhen === undefined) return compiled
          const get = FIELDS.get(region.onlyWhen.field)
          if (get === undefined) issues.push({ path: `${path}.onlyWhen.field`, rule: 'unknown_field', message: `"${region.onlyWhen.field}" is not a label-data field such as sortCode or package.weight` })
          return { ...compiled, onlyWhen: { get: get ?? (() => ''), filled: region.onlyWhen.is === 'filled' } }
        }
        case 'column': return {
          kind: 'column',
          path,
          rect: rectOf(region),
          gap: region.gap ?? 0,
          items: region.items.map((item: ColumnItemSpec, i) => ({ ...textSpec(item, `${path}.items[${i}]`), height: item.height }))
        }
        case 'line': return { kind: 'line', path, rect: rectOf(region) }
        case 'box': return { kind: 'box', path, rect: rectOf(region), thickness: region.thickness }
      }
    })
    return { barcode: rectOf(spec.barcode[direction]), regions, unprinted: unprintedFields(regions) }
  }
  const arrangements = { horizontal: arrangement('horizontal'), vertical: arrangement('vertical') }
  if (issues.length > 0) return issues
  return {
    name,
    file,
    description: spec.description,
    lineSpacing: spec.lineSpacing ?? DEFAULT_LINE_SPACING,
    barcodeAlign: spec.barcode.align ?? 'center',
    arrangements
  }
}
