// `npm run golden:report`: renders every golden case like the tests do, writes golden / actual / diff images
// for all of them, and golden/report.html to look at. Exits 1 when any check fails. Honours LABELARY_URL.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Dpi } from '../../src/units.ts'
import type { CheckResult } from './checks.ts'
import { compareImages } from './compare.ts'
import { companionFile, GOLDEN_DIR } from './golden-store.ts'
import { reportHtml, type Report, type ReportCase, type ReportFormat } from './report-html.ts'
import { evaluateAgreement, evaluateFormat, goldenCaseOf, imageOf, openRenderers, renderDensity, type DensityRender, type RenderedCase } from './suite.ts'
import { rendererOptionsFromEnv } from './renderers.ts'
import { CROSS_RENDERER, SAME_RENDERER } from './tolerance.ts'

const DENSITIES: readonly Dpi[] = [203, 300]

function message (err: unknown): string {
  return err instanceof Error ? err.message : String(err)
}

async function reportCase (run: DensityRender, c: RenderedCase): Promise<ReportCase> {
  const base = { labelCase: c.labelCase, dpi: run.dpi }
  if (c.error !== undefined) return { ...base, formats: [], agreement: [], error: c.error.message }
  const formats: ReportFormat[] = []
  for (const format of ['zpl', 'pdf'] as const) {
    const golden = goldenCaseOf(c, format, run.dpi)
    let checks: CheckResult[]
    try {
      const evaluation = await evaluateFormat(run, c, format, true)
      checks = [evaluation.golden, ...evaluation.scans]
    } catch (err) {
      checks = [{ name: 'evaluated', ok: false, detail: message(err) }]
    }
    formats.push({
      golden,
      hasGolden: existsSync(path.join(GOLDEN_DIR, golden.file)),
      hasActual: existsSync(path.join(GOLDEN_DIR, companionFile(golden.file, 'actual'))),
      checks
    })
  }
  let agreement: CheckResult[]
  let zplPdfPpm: number | undefined
  try {
    agreement = evaluateAgreement(run, c)
    zplPdfPpm = compareImages(imageOf(c, 'zpl').image, imageOf(c, 'pdf').image).mismatchedPpm
  } catch (err) {
    agreement = [{ name: 'ZPL and PDF agree', ok: false, detail: message(err) }]
  }
  return { ...base, formats, agreement, zplPdfPpm }
}

async function main (): Promise<void> {
  const started = performance.now()
  const renderers = await openRenderers(rendererOptionsFromEnv(process.env, { workers: 2 }))
  const cases: ReportCase[] = []
  try {
    mkdirSync(GOLDEN_DIR, { recursive: true })
    for (const dpi of DENSITIES) {
      const run = await renderDensity(dpi, renderers)
      for (const c of run.cases) cases.push(await reportCase(run, c))
    }
  } finally {
    await renderers.close()
  }
  const report: Report = {
    generatedAt: new Date().toISOString(),
    renderers: { zpl: renderers.zpl.info, pdf: renderers.pdf.info },
    tolerances: [
      ...Object.entries(SAME_RENDERER).map(([name, t]) => `${name} against its own golden ${t.ppm} ppm (${t.why})`),
      `another renderer ${CROSS_RENDERER.ppm} ppm (${CROSS_RENDERER.why})`,
      'bars ±1 dot and text ink ±3 dots between ZPL and PDF'
    ],
    cases
  }
  const file = path.join(GOLDEN_DIR, 'report.html')
  writeFileSync(file, reportHtml(report))
  const failed = cases.filter((c) => c.error !== undefined || [...c.formats.flatMap((f) => f.checks), ...c.agreement].some((r) => !r.ok))
  const ppm = cases.map((c) => c.zplPdfPpm).filter((p): p is number => p !== undefined)
  console.log(`${path.relative(process.cwd(), file)}: ${cases.length - failed.length}/${cases.length} cases pass, ` +
    `${((performance.now() - started) / 1000).toFixed(1)} s`)
  if (ppm.length > 0) console.log(`ZPL vs PDF renders differ by ${Math.round(Math.min(...ppm))}–${Math.round(Math.max(...ppm))} ppm`)
  for (const c of failed) console.log(`  ✗ ${c.labelCase.name} at ${c.dpi} dpi`)
  if (failed.length > 0) process.exitCode = 1
}

await main()
