// Cheap checks that a positioned label can be drawn exactly: whole dots, inside the label, bars matching their
// box. Layout guarantees all of this; checking here turns a layout bug into a clear error instead of a PDF that
// silently differs from the ZPL.
import type { FieldIssue } from '../../errors.ts'
import type { BarcodeElement, Label, LabelElement } from '../../model/label.ts'
import { InvalidLabelError } from './errors.ts'

const KINDS = new Set<string>(['text', 'box', 'barcode'])

function isWholeDots (n: unknown, min: number): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= min
}

function checkBarcode (el: BarcodeElement, path: string, issues: FieldIssue[]): void {
  const pattern = el.symbol?.pattern
  if (!Array.isArray(pattern) || pattern.length % 2 === 0 || !pattern.every((w) => isWholeDots(w, 1))) {
    issues.push({ path: `${path}.symbol.pattern`, rule: 'bar_pattern', message: 'must be positive module counts, bar first and last' })
    return
  }
  const modules = pattern.reduce((sum, w) => sum + w, 0)
  const [along, across] = el.rotation === 90 ? [el.height, el.width] : [el.width, el.height]
  if (modules * el.moduleWidth !== along || el.barHeight !== across) {
    issues.push({ path, rule: 'barcode_box', message: `bars (${modules} modules × ${el.moduleWidth} dots, ${el.barHeight} high) do not fill the ${el.width}×${el.height} box` })
  }
}

function checkElement (el: LabelElement, path: string, label: Label, issues: FieldIssue[]): void {
  if (!KINDS.has(el.kind)) {
    issues.push({ path: `${path}.kind`, rule: 'enum', message: `unknown element kind "${String(el.kind)}"` })
    return
  }
  const before = issues.length
  for (const key of ['x', 'y', 'width', 'height'] as const) {
    if (!isWholeDots(el[key], 0)) issues.push({ path: `${path}.${key}`, rule: 'whole_dots', message: 'must be a whole number of dots ≥ 0' })
  }
  if (issues.length === before && (el.x + el.width > label.widthDots || el.y + el.height > label.heightDots)) {
    issues.push({ path, rule: 'inside_label', message: `box ${el.x},${el.y} ${el.width}×${el.height} reaches past the ${label.widthDots}×${label.heightDots} label` })
  }
  const sizes = el.kind === 'text' ? ['fontHeight', 'fontWidth'] : el.kind === 'box' ? ['thickness'] : ['moduleWidth', 'barHeight']
  for (const key of sizes) {
    if (!isWholeDots((el as unknown as Record<string, unknown>)[key], 1)) issues.push({ path: `${path}.${key}`, rule: 'whole_dots', message: 'must be a whole number of dots ≥ 1' })
  }
  if (el.kind !== 'box' && el.rotation !== 0 && el.rotation !== 90) {
    issues.push({ path: `${path}.rotation`, rule: 'enum', message: 'must be 0 or 90' })
  }
  if (el.kind === 'barcode' && issues.length === before) checkBarcode(el, path, issues)
}

/** Throws InvalidLabelError listing every element that cannot be drawn on the whole-dot grid of the label. */
export function checkLabel (label: Label): void {
  const issues: FieldIssue[] = []
  if (label.dpi !== 203 && label.dpi !== 300) issues.push({ path: 'dpi', rule: 'enum', message: 'must be 203 or 300' })
  for (const key of ['widthDots', 'heightDots'] as const) {
    if (!isWholeDots(label[key], 1)) issues.push({ path: key, rule: 'whole_dots', message: 'must be a whole number of dots ≥ 1' })
  }
  if (issues.length === 0) label.elements.forEach((el, i) => checkElement(el, `elements[${i}]`, label, issues))
  if (issues.length > 0) throw new InvalidLabelError(issues)
}
