// Approved images in golden/: write them on `golden:update`, otherwise compare, and on a mismatch leave
// <case>.actual.png and <case>.diff.png next to the golden and say where the first difference is.
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Label } from '../../src/model/label.ts'
import { encodeBitmapPng, encodeRgbaPng, formatRect, sha256, toLabelBitmap, type LabelBitmap } from './bitmap.ts'
import type { GoldenCase } from './cases.ts'
import type { CheckResult } from './checks.ts'
import { compareImages, type ImageComparison } from './compare.ts'
import { describeRegion } from './elements.ts'
import { readManifest, type ManifestEntry, type RendererInfo } from './manifest.ts'
import { pixelBudget, toleranceFor } from './tolerance.ts'

/** The golden/ folder at the repository root. */
export const GOLDEN_DIR = fileURLToPath(new URL('../../golden/', import.meta.url))
/** The manifest of approved goldens. */
export const MANIFEST_FILE = path.join(GOLDEN_DIR, 'manifest.json')

/** `golden/x.zpl-203.png` → `golden/x.zpl-203.actual.png` / `.diff.png`. */
export function companionFile (file: string, kind: 'actual' | 'diff'): string {
  return file.replace(/\.png$/, `.${kind}.png`)
}

/** Writes the image as the approved golden and returns its manifest entry. */
export async function writeGolden (c: GoldenCase, image: LabelBitmap, renderer: RendererInfo, dir = GOLDEN_DIR): Promise<ManifestEntry> {
  const png = await encodeBitmapPng(image)
  writeFileSync(path.join(dir, c.file), png)
  removeCompanions(c.file, dir)
  return {
    case: c.name, template: c.template, fixture: c.fixture, format: c.format, dpi: c.dpi,
    renderer, width: image.width, height: image.height, sha256: sha256(png)
  }
}

/** Deletes a case's actual/diff images (after an update or a passing comparison). */
export function removeCompanions (file: string, dir = GOLDEN_DIR): void {
  for (const kind of ['actual', 'diff'] as const) rmSync(path.join(dir, companionFile(file, kind)), { force: true })
}

/** Result of comparing one render against its golden. */
export interface GoldenComparison extends CheckResult {
  comparison?: ImageComparison
  budget?: number
}

/**
 * Compares `image` with the approved golden of `c`. A missing golden fails and says to run golden:update.
 * A mismatch over the renderer's budget writes the actual and diff images (always, with `keepImages`, for the
 * report) and names the first differing region and the label elements there. `dir` is golden/ except in
 * the store's own tests.
 */
export async function compareWithGolden (
  c: GoldenCase, image: LabelBitmap, label: Label, renderer: RendererInfo, keepImages = false, dir = GOLDEN_DIR
): Promise<GoldenComparison> {
  const name = 'matches the golden'
  const goldenPath = path.join(dir, c.file)
  if (!existsSync(goldenPath)) {
    return { name, ok: false, detail: `no golden golden/${c.file}: run \`npm run golden:update\` to create it, then review it with \`npm run golden:report\`` }
  }
  const bytes = readFileSync(goldenPath)
  const entry = readManifest(path.join(dir, 'manifest.json')).goldens[c.file]
  // The manifest says who drew the golden, which sets the budget: a golden it does not vouch for is not one.
  if (entry === undefined || entry.sha256 !== sha256(bytes)) {
    const why = entry === undefined ? 'is not in golden/manifest.json' : 'differs from the image golden/manifest.json records (changed outside golden:update)'
    return { name, ok: false, detail: `golden/${c.file} ${why}: run \`npm run golden:update\` and review with \`npm run golden:report\`` }
  }
  const golden = await toLabelBitmap(bytes, image.width, image.height)
  const goldenRenderer = entry.renderer
  const tolerance = toleranceFor(goldenRenderer, renderer)
  const budget = pixelBudget(tolerance, image.width, image.height)
  const comparison = compareImages(golden, image)
  const ok = comparison.mismatched <= budget
  const versions = `golden by ${goldenRenderer.name} ${goldenRenderer.version}, now ${renderer.name} ${renderer.version}`
  const sizeNote = image.sourceWidth !== image.width || image.sourceHeight !== image.height
    ? `; renderer returned ${image.sourceWidth}×${image.sourceHeight}, compared at ${image.width}×${image.height}`
    : ''
  if (ok && !keepImages) removeCompanions(c.file, dir)
  if (!ok || keepImages) {
    writeFileSync(path.join(dir, companionFile(c.file, 'actual')), await encodeBitmapPng(image))
    writeFileSync(path.join(dir, companionFile(c.file, 'diff')), await encodeRgbaPng(comparison.diff, image.width, image.height))
  }
  const first = comparison.regions[0]
  const where = first === undefined
    ? ''
    : `; first differing region ${formatRect(first)}: ${describeRegion(label, first)}${comparison.regions.length > 1 ? ` (${comparison.regions.length} regions in all)` : ''}`
  const detail = `${comparison.mismatched} px differ (budget ${budget} px = ${tolerance.ppm} ppm: ${tolerance.why}; ${versions})${where}${sizeNote}` +
    (ok ? '' : `. See golden/${companionFile(c.file, 'diff')} (red: ink missing, green: ink added) and golden/${companionFile(c.file, 'actual')}; if the change is intended, run \`npm run golden:update\``)
  return { name, ok, detail, comparison, budget }
}
