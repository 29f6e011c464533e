// The golden report as one static HTML page: per case and density, golden / actual / diff side by side for
// ZPL and PDF with every check, so a reviewer approves an update by eye. Images are linked by relative path
// (the page lives in golden/ beside them).
import type { GoldenCase, LabelCase } from './cases.ts'
import type { CheckResult } from './checks.ts'
import type { RendererInfo } from './manifest.ts'

/** One format of one case in the report. */
export interface ReportFormat {
  golden: GoldenCase
  /** Whether golden/<file> exists (a missing golden shows as such, never as a blank). */
  hasGolden: boolean
  /** Whether the actual and diff images were written. */
  hasActual: boolean
  checks: CheckResult[]
}

/** One label case at one density. */
export interface ReportCase {
  labelCase: LabelCase
  dpi: 203 | 300
  formats: ReportFormat[]
  agreement: CheckResult[]
  /** Pixels where the ZPL and PDF renders differ, per million (the cross-renderer tolerance is set from this). */
  zplPdfPpm?: number
  /** Layout or rendering failure: nothing else could be checked. */
  error?: string
}

/** Everything the page shows. */
export interface Report {
  generatedAt: string
  renderers: Record<'zpl' | 'pdf', RendererInfo>
  tolerances: string[]
  cases: ReportCase[]
}

function esc (text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)
}

function checkRow (r: CheckResult): string {
  return `<li class="${r.ok ? 'ok' : 'fail'}"><b>${r.ok ? '✓' : '✗'} ${esc(r.name)}</b> <span>${esc(r.detail)}</span></li>`
}

function figure (file: string | undefined, caption: string): string {
  if (file === undefined) return `<figure class="missing"><div>${esc(caption)}: none</div><figcaption>${esc(caption)}</figcaption></figure>`
  const href = encodeURI(file)
  return `<figure><a href="${href}"><img src="${href}" alt="${esc(caption)}" loading="lazy"></a><figcaption>${esc(caption)}</figcaption></figure>`
}

function formatBlock (f: ReportFormat): string {
  const stem = f.golden.file.replace(/\.png$/, '')
  const ok = f.checks.every((c) => c.ok)
  return `<div class="format ${ok ? 'ok' : 'fail'}">
<h3>${f.golden.format.toUpperCase()} ${f.golden.dpi} dpi <small>${esc(f.golden.file)}</small></h3>
<div class="images">${figure(f.hasGolden ? f.golden.file : undefined, 'golden')}${figure(f.hasActual ? `${stem}.actual.png` : undefined, 'actual')}${figure(f.hasActual ? `${stem}.diff.png` : undefined, 'diff (red: ink missing, green: ink added)')}</div>
<ul>${f.checks.map(checkRow).join('')}</ul>
</div>`
}

function caseBlock (c: ReportCase): string {
  const all = [...c.formats.flatMap((f) => f.checks), ...c.agreement]
  const ok = c.error === undefined && all.every((r) => r.ok)
  const id = `${c.labelCase.name}-${c.dpi}`
  const body = c.error !== undefined
    ? `<p class="fail">✗ ${esc(c.error)}</p>`
    : `${c.formats.map(formatBlock).join('')}
<div class="agreement"><h3>ZPL and PDF agree${c.zplPdfPpm === undefined ? '' : ` <small>(renders differ in ${Math.round(c.zplPdfPpm)} ppm of pixels)</small>`}</h3><ul>${c.agreement.map(checkRow).join('')}</ul></div>`
  return `<section id="${esc(id)}" class="${ok ? 'ok' : 'fail'}">
<h2>${ok ? '✓' : '✗'} ${esc(c.labelCase.name)} at ${c.dpi} dpi</h2>
<p class="shows">template <b>${esc(c.labelCase.template)}</b>, fixture <code>test/golden/fixtures/${esc(c.labelCase.fixture)}.json</code>: ${esc(c.labelCase.shows)}</p>
${body}
</section>`
}

const STYLE = `body{font:14px system-ui,sans-serif;margin:1.5em;color:#222}section{border-top:2px solid #ccc;padding:.5em 0}
section.fail>h2,li.fail,p.fail{color:#b00}li.ok b{color:#070}ul{padding-left:1.2em;margin:.3em 0}li span{color:#555}
.images{display:flex;gap:12px;flex-wrap:wrap}figure{margin:0}figure img{width:270px;border:1px solid #999;image-rendering:pixelated;background:#fff}
figure.missing div{width:270px;height:120px;border:1px dashed #b00;color:#b00;display:flex;align-items:center;justify-content:center}
figcaption{font-size:12px;color:#555}.format{margin:.6em 0 1em}h3{margin:.4em 0;font-size:15px}small{color:#777;font-weight:normal}
nav a{margin-right:.8em;white-space:nowrap}nav a.fail{color:#b00}code{font-size:12px}`

/** The whole page. */
export function reportHtml (report: Report): string {
  const failed = report.cases.filter((c) => c.error !== undefined || [...c.formats.flatMap((f) => f.checks), ...c.agreement].some((r) => !r.ok))
  const checks = report.cases.reduce((n, c) => n + c.agreement.length + c.formats.reduce((m, f) => m + f.checks.length, 0), 0)
  const nav = report.cases.map((c) => {
    const id = `${c.labelCase.name}-${c.dpi}`
    return `<a href="#${esc(id)}" class="${failed.includes(c) ? 'fail' : 'ok'}">${esc(id)}</a>`
  }).join(' ')
  const renderer = (r: RendererInfo): string => `${esc(r.name)} ${esc(r.version)}${r.via === undefined ? '' : ` <small>(${esc(r.via)})</small>`}`
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>labelworks golden report</title><style>${STYLE}</style></head><body>
<h1>Golden labels: ${report.cases.length - failed.length} of ${report.cases.length} cases pass</h1>
<p>${report.cases.length * 2} golden images, ${checks} checks. Generated ${esc(report.generatedAt)}.</p>
<p>ZPL drawn by ${renderer(report.renderers.zpl)}<br>PDF drawn by ${renderer(report.renderers.pdf)}</p>
<p>Tolerances: ${report.tolerances.map(esc).join('; ')}.</p>
<p>Approve changes with <code>npm run golden:update</code> only after looking at every red case below.</p>
<nav>${nav}</nav>
${report.cases.map(caseBlock).join('\n')}
</body></html>
`
}
