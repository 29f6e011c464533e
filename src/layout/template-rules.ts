// The rules a template must keep beyond its shape, checked in both arrangements: everything on the 4x6 label,
// nothing on the barcode or its quiet zones, no two texts on top of each other, fonts that print and fit.
import type { FieldIssue } from '../errors.ts'
import { MIN_BAR_HEIGHT_INCHES } from '../barcode/fit.ts'
import { arrangeRegions, type ArrangedRegion, type BarcodeDirection } from './arrangement.ts'
import { MIN_FONT_SIZE_INCHES } from './line-metrics.ts'
import type { OnlyWhenSpec, RectSpec, TemplateFile } from './template-schema.ts'

/** Label size in inches; every template is a 4x6 in label. */
export const LABEL_WIDTH_INCHES = 4
export const LABEL_HEIGHT_INCHES = 6
/**
 * One line of the label font from its highest accent to its lowest descender, in ems (Roboto Condensed:
 * 1.03 above the baseline, 0.26 below). Used to check templates without the font; layout re-checks in dots
 * with the font's real metrics.
 */
export const NOMINAL_LINE_EM = 1.3
export const DEFAULT_LINE_SPACING = 1.15
/** A line of text must be at least this many ems long, so any single glyph fits (the widest is ≈ 1.05 em). */
export const MIN_RUN_EM = 2

const EPSILON = 1e-9
const TEXT_ONLY_KEYS = ['fontSize', 'minFontSize', 'maxLines', 'align', 'rotation'] as const

interface Typography { fontSize: number, minFontSize: number, maxLines?: number, rotation?: 0 | 90 }

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

function checkRegion (r: ArrangedRegion, spacing: number, issues: FieldIssue[]): void {
  const { region, geometryPath: path } = r
  checkOnLabel(region, path, issues)
  const textKeys = TEXT_ONLY_KEYS.filter((k) => k in region)
  if (region.type !== 'text' && textKeys.length > 0) {
    issues.push({ path, rule: 'not_applicable', message: `${textKeys.join(', ')} only apply to text regions, not to a ${region.type}` })
  }
  if (region.type === 'text') {
    checkText(region, path, region.rotation === 90 ? region.height : region.width, region.rotation === 90 ? region.width : region.height, spacing, issues)
  } else if (region.type === 'column') {
    const gap = region.gap ?? 0
    const needed = region.items.reduce((sum, item) => sum + item.height, 0) + gap * (region.items.length - 1)
    if (needed > region.height + EPSILON) {
      issues.push({ path, rule: 'column_overflow', message: `items need ${round(needed)} in (heights plus gaps) but the column is ${region.height} in tall` })
    }
    region.items.forEach((item, i) => checkText(item, `${r.path}.items[${i}]`, region.width, item.height, spacing, issues))
  }
}

function checkText (t: Typography, path: string, run: number, cross: number, spacing: number, issues: FieldIssue[]): void {
  if (t.minFontSize > t.fontSize + EPSILON) {
    issues.push({ path: `${path}.minFontSize`, rule: 'min_font_size', message: `minFontSize ${t.minFontSize} in is larger than fontSize ${t.fontSize} in` })
  }
  if (t.minFontSize < MIN_FONT_SIZE_INCHES - EPSILON) {
    issues.push({ path: `${path}.minFontSize`, rule: 'font_too_small', message: `minFontSize ${t.minFontSize} in is below ${MIN_FONT_SIZE_INCHES} in, which does not print legibly` })
  }
  if (t.fontSize * NOMINAL_LINE_EM > cross + EPSILON) {
    issues.push({ path, rule: 'too_short', message: `one line at fontSize ${t.fontSize} in needs ${round(t.fontSize * NOMINAL_LINE_EM)} in of height; the region has ${round(cross)} in` })
  }
  const lines = t.maxLines ?? 1
  const linesHeight = t.minFontSize * (NOMINAL_LINE_EM + (lines - 1) * spacing)
  if (lines > 1 && linesHeight > cross + EPSILON) {
    issues.push({ path: `${path}.maxLines`, rule: 'max_lines', message: `${lines} lines at minFontSize ${t.minFontSize} in need ${round(linesHeight)} in of height; the region has ${round(cross)} in` })
  }
  if (run < t.fontSize * MIN_RUN_EM - EPSILON) {
    issues.push({ path, rule: 'too_narrow', message: `a line is ${round(run)} in long; at fontSize ${t.fontSize} in it must be at least ${round(t.fontSize * MIN_RUN_EM)} in` })
  }
}

interface Ink { rect: RectSpec, path: string, what: string, text: boolean, changed: boolean, onlyWhen?: OnlyWhenSpec }

/** Regions printed only when one field is filled and only when it is empty are never on one label together. */
function exclusive (a: Ink, b: Ink): boolean {
  return a.onlyWhen !== undefined && b.onlyWhen !== undefined && a.onlyWhen.field === b.onlyWhen.field && a.onlyWhen.is !== b.onlyWhen.is
}

function inkAreas (r: ArrangedRegion, changed: boolean): Ink[] {
  const { region, geometryPath: path } = r
  const base = { path, changed, onlyWhen: region.type === 'text' ? region.onlyWhen : undefined }
  if (region.type !== 'box') return [{ ...base, rect: region, what: `${r.path} (${region.type})`, text: region.type === 'text' || region.type === 'column' }]
  // A box's inside is free for text: only its four edges are ink.
  const { x, y, width: w, height: h, thickness: t } = region
  const what = `${r.path} (box edge)`
  return [
    { x, y, width: w, height: t }, { x, y: y + h - t, width: w, height: t },
    { x, y, width: t, height: h }, { x: x + w - t, y, width: t, height: h }
  ].map((rect) => ({ ...base, rect, what, text: false }))
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

function round (inches: number): number {
  return Math.round(inches * 1000) / 1000
}
