// Cheap checks that a positioned label can be drawn exactly: whole dots, inside the label, bars matching their
// box. Layout guarantees all of this; checking here turns a layout bug into a clear error instead of a PDF that
// silently differs from the ZPL.
import type { FieldIssue } from '../../errors.ts'
import type { Label, LabelElement } from '../../model/label.ts'
import { elementKindOf } from '../elements/index.ts'
import { InvalidLabelError } from './errors.ts'

function isWholeDots (n: unknown, min: number): n is number {
  return typeof n === 'number' && Number.isInteger(n) && n >= min
}

function checkElement (el: LabelElement, path: string, label: Label, issues: FieldIssue[]): void {
  const kind = elementKindOf(el.kind)
  if (kind === undefined) {
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
  for (const key of kind.wholeDotSizes) {
    if (!isWholeDots((el as unknown as Record<string, unknown>)[key], 1)) issues.push({ path: `${path}.${key}`, rule: 'whole_dots', message: 'must be a whole number of dots ≥ 1' })
  }
  const { rotation } = el as { rotation?: unknown }
  if (kind.rotates && rotation !== 0 && rotation !== 90) {
    issues.push({ path: `${path}.rotation`, rule: 'enum', message: 'must be 0 or 90' })
  }
  if (issues.length === before) kind.check?.(el, path, issues)
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
