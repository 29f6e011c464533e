// The rules a template must keep beyond its shape, checked in both arrangements: everything on the 4x6 label,
// nothing on the barcode or its quiet zones, no two texts on top of each other, fonts that print and fit.
import type { FieldIssue } from '../errors.ts'
import { MIN_BAR_HEIGHT_INCHES } from '../barcode/fit.ts'
import { arrangeRegions, type ArrangedRegion, type BarcodeDirection } from './arrangement.ts'
import { regionKindOf, REGION_KINDS, type AnyRegionKind, type OnlyWhenSpec } from './regions/index.ts'
import { TYPOGRAPHY_KEYS, type RectSpec } from './template-parts.ts'
import type { TemplateFile } from './template-schema.ts'
import { DEFAULT_LINE_SPACING, EPSILON, round } from './text-spec.ts'

/** Label size in inches; every template is a 4x6 in label. */
export const LABEL_WIDTH_INCHES = 4
export const LABEL_HEIGHT_INCHES = 6

/** The kinds whose typography whenBarcodeVertical may change, for the message when another kind's is changed. */
const TYPOGRAPHY_TYPES = REGION_KINDS.filter((k) => k.typography).map((k) => k.type).join(', ')

/** Every rule broken by `file`, with JSON paths into it. */
export function checkTemplateRules (file: TemplateFile): FieldIssue[] {
  const issues: FieldIssue[] = []
  const spacing = file.lineSpacing ?? DEFAULT_LINE_SPACING
  for (const direction of ['horizontal', 'vertical'] as const) {
    const barcode = file.barcode[direction]
    const barcodePath = `barcode.${direction}`
    checkOnLabel(barcode, barcodePath, issues)
    const bars = direction === 'horizontal' ? barcode.height : barcode.width
    if (bars < MIN_BAR_HEIGHT_INCHES - EPSILON) {
      issues.push({ path: barcodePath, rule: 'bar_height', message: `bars would be ${bars} in long; at least ${MIN_BAR_HEIGHT_INCHES} in are needed` })
    }
    const regions = arrangeRegions(file, direction)
    // In the vertical arrangement only what changed there needs checking again.
    const changed = (r: ArrangedRegion): boolean => direction === 'horizontal' || r.geometryPath !== r.path
    for (const r of regions) if (changed(r)) checkRegion(r, spacing, issues)
    checkOverlaps(regions, barcode, direction, changed, issues)
  }
  return issues
}

function checkOnLabel (rect: RectSpec, path: string, issues: FieldIssue[]): void {
  const right = rect.x + rect.width
  const bottom = rect.y + rect.height
  if (right > LABEL_WIDTH_INCHES + EPSILON || bottom > LABEL_HEIGHT_INCHES + EPSILON) {
    issues.push({ path, rule: 'off_label', message: `reaches ${round(right)} in across and ${round(bottom)} in down; the label is ${LABEL_WIDTH_INCHES}x${LABEL_HEIGHT_INCHES} in` })
  }
}

function kindOf (r: ArrangedRegion): AnyRegionKind {
  // The schema has checked every region's type before the rules run.
  return regionKindOf(r.region.type) as AnyRegionKind
}

function checkRegion (r: ArrangedRegion, spacing: number, issues: FieldIssue[]): void {
  const { region, geometryPath: path } = r
  checkOnLabel(region, path, issues)
  const kind = kindOf(r)
  const textKeys = TYPOGRAPHY_KEYS.filter((k) => k in region)
  if (!kind.typography && textKeys.length > 0) {
    issues.push({ path, rule: 'not_applicable', message: `${textKeys.join(', ')} only apply to ${TYPOGRAPHY_TYPES} regions, not to a ${region.type}` })
  }
  kind.check(region, r, spacing, issues)
}

interface Ink { rect: RectSpec, path: string, what: string, text: boolean, changed: boolean, onlyWhen?: OnlyWhenSpec }

function inkAreas (r: ArrangedRegion, changed: boolean): Ink[] {
  return kindOf(r).ink(r.region).map(({ rect, what, text, onlyWhen }) => ({ rect, what: `${r.path} (${what})`, text, path: r.geometryPath, changed, onlyWhen }))
}

/** Regions printed only when one field is filled and only when it is empty are never on one label together. */
function exclusive (a: Ink, b: Ink): boolean {
  return a.onlyWhen !== undefined && b.onlyWhen !== undefined && a.onlyWhen.field === b.onlyWhen.field && a.onlyWhen.is !== b.onlyWhen.is
}

function overlaps (a: RectSpec, b: RectSpec): boolean {
  return a.x + EPSILON < b.x + b.width && b.x + EPSILON < a.x + a.width &&
    a.y + EPSILON < b.y + b.height && b.y + EPSILON < a.y + a.height
}

function checkOverlaps (
  regions: ArrangedRegion[], barcode: RectSpec, direction: BarcodeDirection,
  changed: (r: ArrangedRegion) => boolean, issues: FieldIssue[]
): void {
  const inks = regions.flatMap((r) => inkAreas(r, changed(r)))
  const seen = new Set<string>()
  const report = (path: string, rule: string, message: string): void => {
    const key = `${path} ${message}`
    if (seen.has(key)) return
    seen.add(key)
    issues.push({ path, rule, message })
  }
  for (const ink of inks) {
    if (overlaps(ink.rect, barcode)) {
      report(ink.path, 'overlaps_barcode', `${ink.what} overlaps the barcode and its quiet zones (barcode.${direction})`)
    }
  }
  for (let i = 0; i < inks.length; i++) {
    for (let j = i + 1; j < inks.length; j++) {
      const a = inks[i] as Ink
      const b = inks[j] as Ink
      if (!(a.text || b.text) || !(a.changed || b.changed) || a.path === b.path || exclusive(a, b)) continue
      if (overlaps(a.rect, b.rect)) {
        report(b.path, 'overlap', `${b.what} overlaps ${a.what} when the barcode is ${direction}`)
      }
    }
  }
}
