// A checked template, compiled once at start-up: placeholders parsed, overrides applied, defaults filled in.
// Still in inches: dots depend on the density and are worked out per density in resolve.ts.
import type { FieldIssue } from '../errors.ts'
import { arrangeRegions, type BarcodeDirection } from './arrangement.ts'
import { FIELDS, type FieldGetter } from './fields.ts'
import { regionKindOf, type AnyRegionKind, type CompiledRegion } from './regions/index.ts'
import { rectOf, type RectSpec } from './template-parts.ts'
import type { TemplateFile } from './template-schema.ts'
import { DEFAULT_LINE_SPACING, textCompiler } from './text-spec.ts'

export type { CompiledRegion } from './regions/index.ts'

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

/** Fields none of `regions` prints; the tracking code is always printed as the barcode. */
function unprintedFields (regions: CompiledRegion[]): UnprintedField[] {
  const printed = new Set<string>(['trackingCode'])
  for (const r of regions) for (const s of r.texts) for (const p of s.text.placeholders) printed.add(p.path)
  // A reference is one value to the user: `references.4`, not its label and value apart (adjacent in FIELDS).
  return [...FIELDS].filter(([path]) => !printed.has(path)).map(([path, get]) => ({
    get,
    reportAs: path.startsWith('references.') ? path.slice(0, path.lastIndexOf('.')) : path
  }))
}

/** Compiles a template file that passed the schema and the rules; returns placeholder problems instead. */
export function compileTemplate (name: string, file: string, spec: TemplateFile): Template | FieldIssue[] {
  const issues: FieldIssue[] = []
  const compileText = textCompiler(issues)
  const arrangement = (direction: BarcodeDirection): CompiledArrangement => {
    // The rules have checked every region's type: each has a kind.
    const regions = arrangeRegions(spec, direction).map(({ region, path }): CompiledRegion =>
      (regionKindOf(region.type) as AnyRegionKind).compile(region, path, compileText))
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
