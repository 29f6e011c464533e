// The report page lists every case with golden, actual and diff images side by side and every check, marks
// failures and missing goldens, and escapes what it prints.
import { describe, expect, it } from 'vitest'
import { goldenCases, LABEL_CASES } from './cases.ts'
import { reportHtml, type Report, type ReportCase } from './report-html.ts'

const ok = { name: 'decodes to the tracking code', ok: true, detail: 'zxing found 1' }

function reportCase (i: number, failing = false): ReportCase {
  const labelCase = LABEL_CASES[i] as (typeof LABEL_CASES)[number]
  const formats = goldenCases(203).filter((g) => g.name === labelCase.name).map((golden) => ({
    golden, hasGolden: !(failing && golden.format === 'pdf'), hasActual: true,
    checks: [failing && golden.format === 'pdf' ? { name: 'matches the golden', ok: false, detail: 'no golden <x> & "y"' } : ok]
  }))
  return { labelCase, dpi: 203, formats, agreement: [ok], zplPdfPpm: 1234.4 }
}

const report = (cases: ReportCase[]): Report => ({
  generatedAt: '2026-11-25T09:00:00Z',
  renderers: { zpl: { name: 'zebrash', version: 'zpl-renderer-js 3.4.0', via: 'Labelary client → http://127.0.0.1:1' }, pdf: { name: 'pdfjs', version: '5' } },
  tolerances: ['zebrash 0 ppm'],
  cases
})

describe('reportHtml', () => {
  it('shows every case with golden, actual and diff images and its checks', () => {
    const html = reportHtml(report(LABEL_CASES.map((_c, i) => reportCase(i))))
    expect(html).toContain(`<h1>Golden labels: ${LABEL_CASES.length} of ${LABEL_CASES.length} cases pass</h1>`)
    expect(html.match(/<section /g)).toHaveLength(LABEL_CASES.length)
    for (const c of LABEL_CASES) {
      for (const suffix of ['.zpl-203.png', '.zpl-203.actual.png', '.zpl-203.diff.png', '.pdf-203.png', '.pdf-203.diff.png']) {
        expect(html).toContain(`<img src="${c.name}${suffix}"`)
      }
    }
    expect(html).toContain('renders differ in 1234 ppm')
    expect(html).toContain('Labelary client → http://127.0.0.1:1')
  })

  it('marks a failing case and a missing golden, escaping the detail', () => {
    const html = reportHtml(report([reportCase(0), reportCase(1, true)]))
    expect(html).toContain('<h1>Golden labels: 1 of 2 cases pass</h1>')
    expect(html).toContain(`<h2>✗ ${LABEL_CASES[1]?.name} at 203 dpi</h2>`)
    expect(html).toContain('class="missing"><div>golden: none</div>')
    expect(html).toContain('no golden &#60;x&#62; &#38; &#34;y&#34;')
    expect(html).not.toContain('<x>')
  })
})
