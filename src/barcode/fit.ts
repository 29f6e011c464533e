// Print-quality rules for the Code128 symbol: module width, quiet zones and bar height at each density.
import type { Dpi } from '../units.ts'

/** Narrowest module in whole dots per density: about 10 mil (0.25 mm), what carrier scanners read first time. */
export const MIN_MODULE_DOTS: Readonly<Record<Dpi, number>> = { 203: 2, 300: 3 }
/** Clear space on each side of the symbol, in modules (ISO/IEC 15417 minimum). */
export const QUIET_ZONE_MODULES = 10
/** Shortest bars we print, in inches. */
export const MIN_BAR_HEIGHT_INCHES = 0.75
/** Widest module ZPL `^BY` accepts, in dots. */
export const MAX_MODULE_DOTS = 10

/** Width of the bars alone (no quiet zones) in dots. */
export function symbolWidthDots (totalModules: number, moduleWidth: number): number {
  return totalModules * moduleWidth
}

/** Width of one quiet zone in dots. */
export function quietZoneDots (moduleWidth: number): number {
  return QUIET_ZONE_MODULES * moduleWidth
}

/**
 * The widest whole-dot module (at least the density's minimum) for which the symbol and both quiet zones
 * fit in `availableDots`; undefined when even the minimum does not fit.
 */
export function chooseModuleWidth (
  totalModules: number, availableDots: number, dpi: Dpi, maxModuleDots = MAX_MODULE_DOTS
): number | undefined {
  const perModule = totalModules + 2 * QUIET_ZONE_MODULES
  const widest = Math.min(maxModuleDots, Math.floor(availableDots / perModule))
  return widest >= MIN_MODULE_DOTS[dpi] ? widest : undefined
}
