// Renders every golden of one density (layout once per label case, ZPL through the Labelary client, PDF
// through pdfjs) and evaluates it; shared by the golden tests and the report.
import type { Label } from '../../src/model/label.ts'
import type { LabelService } from '../../src/service/types.ts'
import type { Dpi } from '../../src/units.ts'
import { testLabelService } from '../support/app.ts'
import type { LabelBitmap } from './bitmap.ts'
import { goldenCases, LABEL_CASES, loadRecord, type GoldenCase, type GoldenFormat, type LabelCase } from './cases.ts'
import { agreementChecks, scanChecks, type CheckResult } from './checks.ts'
import { compareWithGolden, writeGolden, type GoldenComparison } from './golden-store.ts'
import type { ManifestEntry, RendererInfo } from './manifest.ts'
import { parityProblems } from './parity.ts'
import { openRenderers, type GoldenRenderers } from './renderers.ts'
import { pngToGray, type GrayImage } from '../support/zpl-render.ts'

/** One label case laid out and rendered in both formats at one density (or why it could not be). */
export interface RenderedCase {
  labelCase: LabelCase
  label?: Label
  images: Partial<Record<GoldenFormat, LabelBitmap>>
  /** The service's own PNG of the label (not a golden: held to the ZPL and PDF by the parity check). */
  png?: GrayImage
  /** Layout or rendering failure, reported by every test of the case. */
  error?: Error
}

/** All label cases of one density, and the renderers that drew them. */
export interface DensityRender {
  dpi: Dpi
  cases: RenderedCase[]
  renderers: Record<GoldenFormat, RendererInfo>
}

function asError (err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err))
}

/** Lays out and renders every label case at `dpi`: ZPL in one batch through the client, PDFs concurrently. */
export async function renderDensity (dpi: Dpi, renderers: GoldenRenderers, service: LabelService = testLabelService()): Promise<DensityRender> {
  const cases: RenderedCase[] = LABEL_CASES.map((labelCase) => {
    try {
      const request = { record: loadRecord(labelCase), source: 'generic' as const, template: labelCase.template, dpi }
      return { labelCase, label: service.layout(request).label, images: {} }
    } catch (err) {
      return { labelCase, images: {}, error: asError(err) }
    }
  })
  const laidOut = cases.filter((c): c is RenderedCase & { label: Label } => c.label !== undefined)
  const zpl = renderers.zpl.render(laidOut.map((c) => c.label), dpi).then((images) => {
    images.forEach((image, i) => { (laidOut[i] as RenderedCase).images.zpl = image })
  })
  const pdf = Promise.all(laidOut.map(async (c) => { c.images.pdf = await renderers.pdf.render(c.label, dpi) }))
  const png = Promise.all(laidOut.map(async (c) => {
    const request = { record: loadRecord(c.labelCase), source: 'generic' as const, template: c.labelCase.template, dpi, format: 'png' as const }
    c.png = await pngToGray((await service.render(request)).body)
  }))
  const settled = await Promise.allSettled([zpl, pdf, png])
  settled.forEach((s, i) => {
    if (s.status === 'rejected') {
      const format = ['ZPL', 'PDF', 'PNG'][i] as string
      for (const c of laidOut) c.error ??= new Error(`${format} rendering failed: ${asError(s.reason).message}`, { cause: s.reason })
    }
  })
  return { dpi, cases, renderers: { zpl: renderers.zpl.info, pdf: renderers.pdf.info } }
}

/** The golden case of a rendered case in a format. */
export function goldenCaseOf (c: RenderedCase, format: GoldenFormat, dpi: Dpi): GoldenCase {
  const found = goldenCases(dpi).find((g) => g.name === c.labelCase.name && g.format === format)
  if (found === undefined) throw new Error(`no golden case ${c.labelCase.name} ${format} ${dpi}`)
  return found
}

/** What the suite found about one rendered case in one format. */
export interface FormatEvaluation {
  golden: GoldenComparison
  scans: CheckResult[]
}

/** The image and label of a case in a format, or the error that prevented them. */
export function imageOf (c: RenderedCase, format: GoldenFormat): { label: Label, image: LabelBitmap } {
  if (c.error !== undefined) throw c.error
  const image = c.images[format]
  if (c.label === undefined || image === undefined) throw new Error(`${c.labelCase.name}: no ${format} image`)
  return { label: c.label, image }
}

/** Compares with the golden and runs the scan checks for one format. */
export async function evaluateFormat (run: DensityRender, c: RenderedCase, format: GoldenFormat, keepImages = false): Promise<FormatEvaluation> {
  const { label, image } = imageOf(c, format)
  const golden = await compareWithGolden(goldenCaseOf(c, format, run.dpi), image, label, run.renderers[format], keepImages)
  return { golden, scans: await scanChecks(image, label) }
}

/** ZPL/PDF agreement for one case of a run. */
export function evaluateAgreement (run: DensityRender, c: RenderedCase): CheckResult[] {
  const zpl = imageOf(c, 'zpl')
  return agreementChecks(zpl.label, zpl.image, imageOf(c, 'pdf').image, { compareInkAmount: run.renderers.zpl.name === 'zebrash' })
}

/** ZPL/PNG/PDF parity of one case: problems as messages. */
export function evaluateParity (c: RenderedCase): string[] {
  const zpl = imageOf(c, 'zpl')
  if (c.png === undefined) throw new Error(`${c.labelCase.name}: no PNG image`)
  return parityProblems(zpl.label, { zpl: zpl.image, png: c.png, pdf: imageOf(c, 'pdf').image })
}

/** Writes the goldens of one case and format, returning manifest entries keyed by file name. */
export async function approve (run: DensityRender, c: RenderedCase, format: GoldenFormat): Promise<[string, ManifestEntry]> {
  const { image } = imageOf(c, format)
  const golden = goldenCaseOf(c, format, run.dpi)
  return [golden.file, await writeGolden(golden, image, run.renderers[format])]
}

export { openRenderers }
