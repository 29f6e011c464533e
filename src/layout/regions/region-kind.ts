// What a template region kind is to layout: one module per kind (text.ts, column.ts, line.ts, box.ts) holding its
// JSON schema, its load-time rules, how it is compiled, resolved to dots and placed on a label, listed once in
// index.ts. How the elements it places are drawn is the renderers' (src/render/elements/): layout may not import
// them, so a new element kind is a module on each side.
import type { Static, TObject } from '@sinclair/typebox'
import type { FieldIssue } from '../../errors.ts'
import type { LabelFont } from '../../fonts/index.ts'
import type { LabelData, LabelWarning } from '../../model/label-data.ts'
import type { LabelElement } from '../../model/label.ts'
import type { RectSpec } from '../template-parts.ts'
import type { CompiledTextSpec, DotRect, ResolvedTextSpec, TextResolution, TextSource } from '../text-spec.ts'

/** A region as layout keeps it after compiling (inches), for any kind. */
export interface CompiledRegion {
  kind: AnyRegionKind
  /** JSON path of the region in the file, e.g. `regions[3]`. */
  path: string
  rect: RectSpec
  /** The texts it prints (their placeholders are the label-data fields it prints). */
  texts: readonly CompiledTextSpec[]
}

/** A region in dots at one density, for any kind. */
export interface ResolvedRegion {
  kind: AnyRegionKind
  rect: DotRect
  /** The texts it prints, by id (tests and checks find a text's region through them). */
  texts: readonly ResolvedTextSpec[]
}

/** An area of a region that prints, for the overlap rules. */
export interface InkArea {
  rect: RectSpec
  /** What it is, in messages: `text`, `box edge`… */
  what: string
  /** Text may not overlap other ink; rules and frames may touch each other. */
  text: boolean
  /** Printed only when this field is filled (or empty): ink of the other case never shares a label with it. */
  onlyWhen?: OnlyWhenSpec
}

/** A template's condition on a region: print it only when a label-data field is `filled`, or only when `empty`. */
export interface OnlyWhenSpec {
  field: string
  is: 'filled' | 'empty'
}

/** Where a region stands in the file, for the rules' messages. */
export interface RegionPaths {
  /** JSON path of the region, e.g. `regions[3]`. */
  path: string
  /** JSON path of the values in effect (`regions[3].whenBarcodeVertical` when overridden there). */
  geometryPath: string
}

/** One template region kind. `S` is its JSON schema; `C` and `R` what it compiles and resolves to. */
export interface RegionKind<S extends TObject = TObject, C extends CompiledRegion = CompiledRegion, R extends ResolvedRegion = ResolvedRegion> {
  /** The region's `type` in the template file. */
  type: string
  schema: S
  /** The region prints text itself, so whenBarcodeVertical may change its typography (fontSize, rotation…). */
  typography: boolean
  /** The rules beyond the schema and the shared ones (on the label, overlaps); `spacing` is the template's line spacing. */
  check (region: Static<S>, paths: RegionPaths, spacing: number, issues: FieldIssue[]): void
  /** The areas it prints on, for the overlap rules. */
  ink (region: Static<S>): InkArea[]
  compile (region: Static<S>, path: string, compileText: (source: TextSource, path: string) => CompiledTextSpec): C
  /** In dots at one density; `rect` is the region's rectangle already rounded edge by edge. */
  resolve (region: C, rect: DotRect, context: TextResolution): R
  /** Places the region's elements on one label: pushed to `out` in drawing order. */
  place (region: R, data: LabelData, font: LabelFont, out: LabelElement[], warnings: LabelWarning[]): void
}

/** Any registered kind, as the shared layout code calls it (methods take any region: each kind gets only its own). */
export type AnyRegionKind = RegionKind<TObject, CompiledRegion, ResolvedRegion>

/** The region's own rectangle as the only ink, as text or not. */
export function wholeRect (region: RectSpec, what: string, text: boolean): InkArea[] {
  return [{ rect: { x: region.x, y: region.y, width: region.width, height: region.height }, what, text }]
}
