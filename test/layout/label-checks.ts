// Geometry checks every laid-out label must pass: on the label, each text inside its template region, nothing
// on the barcode or its quiet zones, barcode print-quality rules. Return the problems, so a test shows them all.
import { MIN_BAR_HEIGHT_INCHES, MIN_MODULE_DOTS, QUIET_ZONE_MODULES } from '../../src/barcode/fit.ts'
import { layoutLabel, type Template } from '../../src/layout/index.ts'
import { resolveTemplate, type DotRect } from '../../src/layout/resolve.ts'
import type { LabelData } from '../../src/model/label-data.ts'
import type { BarcodeElement, Label, LabelElement, TextElement } from '../../src/model/label.ts'
import { SUPPORTED_DPI, type Dpi } from '../../src/units.ts'
import { FONT, TEMPLATES, TEMPLATE_NAMES } from './fixtures.ts'

function inside (a: DotRect, b: DotRect): boolean {
  return a.x >= b.x && a.y >= b.y && a.x + a.width <= b.x + b.width && a.y + a.height <= b.y + b.height
}

function overlaps (a: DotRect, b: DotRect): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
}

function show (e: LabelElement): string {
  return `${e.kind}${e.kind === 'text' ? ` "${e.text}"` : ''} at ${e.x},${e.y} ${e.width}x${e.height}`
}

/** The barcode of a label (every label has exactly one). */
export function barcodeOf (label: Label): BarcodeElement {
  const bars = label.elements.filter((e): e is BarcodeElement => e.kind === 'barcode')
  if (bars.length !== 1) throw new Error(`expected one barcode, found ${bars.length}`)
  return bars[0] as BarcodeElement
}

/** The bars and both quiet zones. */
export function quietZoneRect (b: BarcodeElement): DotRect {
  const q = b.quietZoneModules * b.moduleWidth
  return b.rotation === 0
    ? { x: b.x - q, y: b.y, width: b.width + 2 * q, height: b.height }
    : { x: b.x, y: b.y - q, width: b.width, height: b.height + 2 * q }
}

/** Every rule `label` (laid out with `template`) breaks; empty when it is fine. */
export function labelProblems (label: Label, template: Template): string[] {
  const problems: string[] = []
  const page = { x: 0, y: 0, width: label.widthDots, height: label.heightDots }
  const barcode = barcodeOf(label)
  const direction = barcode.rotation === 0 ? 'horizontal' : 'vertical'
  const regions = resolveTemplate(template, FONT, label.dpi)[direction].regions
  const regionsOf = new Map<string, DotRect[]>()
  for (const r of regions) {
    const ids = r.texts.map((t) => t.id)
    for (const id of ids) regionsOf.set(id, [...(regionsOf.get(id) ?? []), r.rect])
  }
  const zone = quietZoneRect(barcode)
  if (!inside(zone, page)) problems.push(`barcode quiet zones leave the label: ${JSON.stringify(zone)}`)
  for (const e of label.elements) {
    for (const k of ['x', 'y', 'width', 'height'] as const) if (!Number.isInteger(e[k])) problems.push(`${show(e)}: ${k} is not whole dots`)
    if (!inside(e, page)) problems.push(`${show(e)} is not on the label`)
    if (e !== barcode && overlaps(e, zone)) problems.push(`${show(e)} is on the barcode or its quiet zones`)
    if (e.kind === 'text') {
      if (e.text.includes('…')) problems.push(`${show(e)} is truncated`)
      const rects = regionsOf.get(e.field) ?? []
      if (!rects.some((r) => inside(e, r))) problems.push(`${show(e)} is outside its region ${e.field}`)
    }
  }
  if (barcode.moduleWidth < MIN_MODULE_DOTS[label.dpi]) problems.push(`module ${barcode.moduleWidth} dots is below the minimum`)
  if (barcode.quietZoneModules < QUIET_ZONE_MODULES) problems.push(`quiet zone ${barcode.quietZoneModules} modules`)
  if (barcode.barHeight / label.dpi < MIN_BAR_HEIGHT_INCHES) problems.push(`bars ${barcode.barHeight} dots are shorter than ${MIN_BAR_HEIGHT_INCHES} in`)
  const along = barcode.rotation === 0 ? barcode.width : barcode.height
  if (along !== barcode.symbol.totalModules * barcode.moduleWidth) problems.push('barcode box does not match its modules')
  return problems
}

/** `data` laid out with an installed template at `dpi`. */
export function layout (data: LabelData, template: string, dpi: Dpi): Label {
  const t = TEMPLATES.get(template)
  if (t === undefined) throw new Error(`no template ${template}`)
  return layoutLabel(data, { template: t, dpi, font: FONT })
}

/** Every template at every density. */
export const ALL = TEMPLATE_NAMES.flatMap((name) => SUPPORTED_DPI.map((dpi) => [name, dpi] as const))

/** The label's text lines, or those of one template field. */
export function texts (label: Label, field?: string): TextElement[] {
  return label.elements.filter((e): e is TextElement => e.kind === 'text' && (field === undefined || e.field === field))
}
