// A template in whole dots at one density, for one font: worked out on first use and cached, so laying out a
// label does no unit conversion. Every rectangle is rounded edge by edge (not by width), so regions that touch
// in inches touch in dots and never overlap.
import { MIN_BAR_HEIGHT_INCHES } from '../barcode/fit.ts'
import { InvalidTemplateError } from '../errors.ts'
import type { LabelFont } from '../fonts/index.ts'
import type { BoxElement, Rotation } from '../model/label.ts'
import { inchesToDots, type Dpi } from '../units.ts'
import type { BarcodeDirection } from './arrangement.ts'
import { baselineOffset, blockHeight, largestSizeForLines, lineAbove } from './line-metrics.ts'
import { literalUnits, type LiteralUnits } from './placeholders.ts'
import type { CompiledRegion, CompiledTextSpec, RegionCondition, Template } from './template.ts'
import type { TextBox } from './text-fit.ts'
import type { RectSpec } from './template-schema.ts'

/** A rectangle in dots. */
export interface DotRect { x: number, y: number, width: number, height: number }

/** Where a text goes: the left, top and width of its region in dots, and its direction. */
export interface TextPlacement {
  x: number
  y: number
  width: number
  rotation: Rotation
}

/** A text ready to fit: its compiled text and its box in dots. */
export interface ResolvedTextSpec extends CompiledTextSpec {
  box: TextBox
  /** By font size up to box.maxSize: offset of the first line's box below the region's top, so its ink starts there. */
  firstLineOffset: Int16Array
  /** By font size up to box.maxSize: dots one line's ink takes across the run (blockHeight of one line). */
  oneLineHeight: Int16Array
  /** Advances of the text's literals (separators, captions) in the font. */
  literals: LiteralUnits
}

/** A region in dots. */
export type ResolvedRegion =
  | { kind: 'text', rect: DotRect, place: TextPlacement, spec: ResolvedTextSpec, onlyWhen?: RegionCondition }
  | { kind: 'column', rect: DotRect, gap: number, items: ResolvedTextSpec[] }
  /** A rule or box is the same on every label: its element is made once, frozen, and shared by all of them. */
  | { kind: 'line' | 'box', rect: DotRect, element: Readonly<BoxElement> }

/** One arrangement in dots. */
export interface ResolvedArrangement {
  barcode: DotRect
  regions: ResolvedRegion[]
}

/** A template in dots at one density. */
export type ResolvedTemplate = Readonly<Record<BarcodeDirection, ResolvedArrangement>>

const cache = new WeakMap<Template, WeakMap<LabelFont, Map<Dpi, ResolvedTemplate>>>()

/** The template in dots at `dpi` for `font` (cached). Throws InvalidTemplateError when the font cannot serve it. */
export function resolveTemplate (template: Template, font: LabelFont, dpi: Dpi): ResolvedTemplate {
  let byFont = cache.get(template)
  if (byFont === undefined) cache.set(template, byFont = new WeakMap())
  let byDpi = byFont.get(font)
  if (byDpi === undefined) byFont.set(font, byDpi = new Map())
  let resolved = byDpi.get(dpi)
  if (resolved === undefined) {
    resolved = {
      horizontal: resolveArrangement(template, 'horizontal', font, dpi),
      vertical: resolveArrangement(template, 'vertical', font, dpi)
    }
    byDpi.set(dpi, resolved)
  }
  return resolved
}

function dotRect (r: RectSpec, dpi: Dpi): DotRect {
  const x = inchesToDots(r.x, dpi)
  const y = inchesToDots(r.y, dpi)
  return { x, y, width: inchesToDots(r.x + r.width, dpi) - x, height: inchesToDots(r.y + r.height, dpi) - y }
}

function boxElement ({ x, y, width, height }: DotRect, thickness: number): Readonly<BoxElement> {
  return Object.freeze({ kind: 'box', x, y, width, height, thickness })
}

function resolveArrangement (template: Template, direction: BarcodeDirection, font: LabelFont, dpi: Dpi): ResolvedArrangement {
  const { barcode, regions } = template.arrangements[direction]
  const box = dotRect(barcode, dpi)
  // Checked in inches at load; rounding the box's edges to dots must not make the bars shorter than the rule.
  const bars = direction === 'horizontal' ? box.height : box.width
  if (bars < Math.ceil(MIN_BAR_HEIGHT_INCHES * dpi)) {
    throw new InvalidTemplateError(template.file, [{ path: `barcode.${direction}`, rule: 'bar_height', message: `bars would be ${bars} dots long at ${dpi} dpi; at least ${MIN_BAR_HEIGHT_INCHES} in (${Math.ceil(MIN_BAR_HEIGHT_INCHES * dpi)} dots) are needed` }])
  }
  return {
    barcode: box,
    regions: regions.map((r) => resolveRegion(template, r, font, dpi))
  }
}

function resolveRegion (template: Template, region: CompiledRegion, font: LabelFont, dpi: Dpi): ResolvedRegion {
  const rect = dotRect(region.rect, dpi)
  switch (region.kind) {
    case 'text': {
      const [run, cross] = region.rotation === 90 ? [rect.height, rect.width] : [rect.width, rect.height]
      const place = { x: rect.x, y: rect.y, width: rect.width, rotation: region.rotation }
      const spec = resolveText(template, region.spec, run, cross, font, dpi)
      return region.onlyWhen === undefined ? { kind: 'text', rect, place, spec } : { kind: 'text', rect, place, spec, onlyWhen: region.onlyWhen }
    }
    case 'column': return {
      kind: 'column',
      rect,
      gap: inchesToDots(region.gap, dpi),
      items: region.items.map((item) => resolveText(template, item, rect.width, inchesToDots(item.height, dpi), font, dpi))
    }
    case 'line': return { kind: 'line', rect, element: boxElement(rect, Math.max(1, Math.min(rect.width, rect.height))) }
    case 'box': return { kind: 'box', rect, element: boxElement(rect, Math.max(1, inchesToDots(region.thickness, dpi))) }
  }
}

function resolveText (template: Template, spec: CompiledTextSpec, run: number, cross: number, font: LabelFont, dpi: Dpi): ResolvedTextSpec {
  const t = spec.text
  for (const literal of [t.leading, t.fallback ?? '', ...t.placeholders.map((p) => p.after)]) {
    const bad = font.firstUnsupported(literal)
    if (bad !== undefined) {
      throw new InvalidTemplateError(template.file, [{ path: `${spec.path}.text`, rule: 'unsupported_character', message: `"${bad}" is not in the label font ${font.name}` }])
    }
  }
  const minSize = inchesToDots(spec.minFontSize, dpi)
  // Checked in inches with nominal metrics at load; in dots with the real font one line may need a dot less.
  const maxSize = largestSizeForLines(font, cross, 1, template.lineSpacing, inchesToDots(spec.fontSize, dpi))
  if (maxSize < minSize) {
    throw new InvalidTemplateError(template.file, [{ path: spec.path, rule: 'too_short', message: `one line at minFontSize ${spec.minFontSize} in does not fit the region's ${cross} dots at ${dpi} dpi with font ${font.name}` }])
  }
  // One literal, not a spread of the compiled spec: every resolved spec then shares one hidden class, and layout's
  // reads of spec fields stay monomorphic (spreads of text and column specs gave seven shapes).
  return {
    id: spec.id,
    path: spec.path,
    text: spec.text,
    fontSize: spec.fontSize,
    minFontSize: spec.minFontSize,
    maxLines: spec.maxLines,
    align: spec.align,
    truncate: spec.truncate,
    box: { run, cross, maxSize, minSize, maxLines: spec.maxLines, lineSpacing: template.lineSpacing },
    // Per-size line geometry, worked out here once instead of for every text of every label.
    firstLineOffset: Int16Array.from({ length: maxSize + 1 }, (_, size) => lineAbove(font, size) - baselineOffset(size)),
    oneLineHeight: Int16Array.from({ length: maxSize + 1 }, (_, size) => blockHeight(font, size, 1, template.lineSpacing)),
    literals: literalUnits(t, font)
  }
}
