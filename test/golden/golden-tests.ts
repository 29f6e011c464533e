// The golden tests of one density, as vitest suites: every label case in ZPL and PDF matches its approved
// image (or, with GOLDEN_UPDATE=1, becomes it), scans, and prints the same in both formats. One file per
// density so the two run in parallel; each renders its labels once and every check reuses the images.
import { mkdirSync, rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Dpi } from '../../src/units.ts'
import { allGoldenFiles, LABEL_CASES, type GoldenFormat } from './cases.ts'
import { failures, scanChecks } from './checks.ts'
import { compareWithGolden, GOLDEN_DIR, MANIFEST_FILE } from './golden-store.ts'
import { updateManifest, type ManifestEntry } from './manifest.ts'
import { approve, evaluateAgreement, evaluateParity, goldenCaseOf, imageOf, openRenderers, renderDensity, type DensityRender } from './suite.ts'
import { rendererOptionsFromEnv, zplRendererAt } from './renderers.ts'

const FORMATS: readonly GoldenFormat[] = ['zpl', 'pdf']

/** Whether this run rewrites goldens (`npm run golden:update`) instead of comparing. */
export const UPDATING = process.env.GOLDEN_UPDATE === '1'

/**
 * Where ZPL goes: our in-process endpoint, or LABELARY_URL (`golden:check` against the real Labelary), each of
 * the two density files at half the rate since they run at the same time.
 */
const OPTIONS = rendererOptionsFromEnv(process.env, { clients: 2 })

/** Registers the golden suite of one density. */
export function defineGoldenTests (dpi: Dpi): void {
  describe(`golden labels at ${dpi} dpi`, () => {
    let run: DensityRender
    let close = async (): Promise<void> => {}
    const approved: Record<string, ManifestEntry> = {}

    beforeAll(async () => {
      if (UPDATING && OPTIONS.labelaryUrl !== undefined && zplRendererAt(OPTIONS.labelaryUrl).name !== 'zebrash') {
        throw new Error('goldens are drawn by our own renderer: unset LABELARY_URL for golden:update')
      }
      const renderers = await openRenderers(OPTIONS)
      close = renderers.close
      run = await renderDensity(dpi, renderers)
    }, 180_000)

    afterAll(async () => {
      await close()
      if (UPDATING && Object.keys(approved).length > 0) {
        const dropped = await updateManifest(MANIFEST_FILE, approved, allGoldenFiles())
        for (const file of dropped) rmSync(file, { force: true })
      }
    })

    describe.each(LABEL_CASES.map((c) => ({ ...c })))('$name', (labelCase) => {
      const rendered = () => {
        const found = run.cases.find((c) => c.labelCase.name === labelCase.name)
        if (found === undefined) throw new Error(`${labelCase.name} was not rendered`)
        return found
      }

      it.each(FORMATS)(UPDATING ? '%s: writes the golden' : '%s: matches the golden', async (format) => {
        const c = rendered()
        if (UPDATING) {
          mkdirSync(GOLDEN_DIR, { recursive: true })
          const [file, entry] = await approve(run, c, format)
          approved[file] = entry
          return
        }
        const { label, image } = imageOf(c, format)
        const result = await compareWithGolden(goldenCaseOf(c, format, dpi), image, label, run.renderers[format])
        expect(result.ok, result.detail).toBe(true)
      })

      it.each(FORMATS)('%s: scans (one Code128 = tracking code, module, quiet zones)', async (format) => {
        const { label, image } = imageOf(rendered(), format)
        const results = await scanChecks(image, label)
        expect(failures(results)).toBe('')
      })

      it('ZPL and PDF agree (bars ±1 dot, text ink ±3 dots and, drawn by zebrash, ±6 % of it)', () => {
        expect(failures(evaluateAgreement(run, rendered()))).toBe('')
      })

      it('ZPL, PNG and PDF print the same label (≤ 2 % of inked pixels apart, the barcode dot for dot)', () => {
        expect(evaluateParity(rendered())).toEqual([])
      })
    })
  })
}
