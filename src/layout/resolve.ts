// A template in whole dots at one density, for one font: worked out on first use and cached, so laying out a
// label does no unit conversion. Every rectangle is rounded edge by edge (not by width), so regions that touch
// in inches touch in dots and never overlap.
import { MIN_BAR_HEIGHT_INCHES } from '../barcode/fit.ts'
import { InvalidTemplateError } from '../errors.ts'
import type { LabelFont } from '../fonts/index.ts'
import { inchesToDots, type Dpi } from '../units.ts'
import type { BarcodeDirection } from './arrangement.ts'
import type { ResolvedRegion } from './regions/index.ts'
import type { Template } from './template.ts'
import type { RectSpec } from './template-schema.ts'
import type { DotRect, TextResolution } from './text-spec.ts'

export type { ResolvedRegion } from './regions/index.ts'
export type { DotRect, ResolvedTextSpec, TextPlacement } from './text-spec.ts'

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

function resolveArrangement (template: Template, direction: BarcodeDirection, font: LabelFont, dpi: Dpi): ResolvedArrangement {
  const { barcode, regions } = template.arrangements[direction]
  const box = dotRect(barcode, dpi)
  // Checked in inches at load; rounding the box's edges to dots must not make the bars shorter than the rule.
  const bars = direction === 'horizontal' ? box.height : box.width
  if (bars < Math.ceil(MIN_BAR_HEIGHT_INCHES * dpi)) {
    throw new InvalidTemplateError(template.file, [{ path: `barcode.${direction}`, rule: 'bar_height', message: `bars would be ${bars} dots long at ${dpi} dpi; at least ${MIN_BAR_HEIGHT_INCHES} in (${Math.ceil(MIN_BAR_HEIGHT_INCHES * dpi)} dots) are needed` }])
  }
  const context: TextResolution = { file: template.file, lineSpacing: template.lineSpacing, font, dpi }
  return {
    barcode: box,
    regions: regions.map((r) => r.kind.resolve(r, dotRect(r.rect, dpi), context))
  }
}
