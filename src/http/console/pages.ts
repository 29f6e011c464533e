// The console's pages as server-rendered HTML: one document holds the four pages, the one asked for shown, so the
// client switches between them without a reload and keeps the previewed record while the operator goes to print it.
import { SOURCE_OPTIONS } from '../../records/index.ts'
import { jobsSection, printSection, printersSection, previewSection } from './sections.ts'

/** The pages of the console, in menu order; `preview` is /console itself. */
export const CONSOLE_PAGES = ['preview', 'print', 'printers', 'jobs'] as const
export type ConsolePage = typeof CONSOLE_PAGES[number]

const TITLES: Readonly<Record<ConsolePage, string>> = { preview: 'Preview', print: 'Print', printers: 'Printers', jobs: 'Jobs' }

/** What the pages show of the service: template names and the defaults a request without options gets. */
export interface PageFacts {
  templates: readonly string[]
  defaults: { dpi: number, template: string }
}

const pathOf = (page: ConsolePage): string => page === 'preview' ? '/console' : `/console/${page}`

function nav (current: ConsolePage): string {
  const links = CONSOLE_PAGES.map((page) =>
    `<li><a href="${pathOf(page)}" data-page-link="${page}"${page === current ? ' aria-current="page"' : ''}>${TITLES[page]}</a></li>`)
  return `<nav aria-label="Console pages"><ul>${links.join('')}</ul></nav>`
}

// Posted without the client (which never lets it submit), the key goes in a body to a route that refuses it, never
// into a URL or a log line.
const KEY_BAR = `<div class="key" id="key-bar">
  <form id="key-form" method="post" action="/console/key">
    <label for="api-key">API key</label>
    <input id="api-key" name="api-key" type="password" autocomplete="off" spellcheck="false" aria-describedby="key-help">
    <button type="submit">Use key</button>
  </form>
  <p id="key-help" class="key-help">Needed to print and to see printers and jobs; kept in this browser tab only.</p>
  <p id="key-state" class="key-state" hidden><span>API key set for this tab</span> <button type="button" id="key-forget">Forget key</button></p>
</div>`

/** The whole document with `page` shown. */
export function renderPage (page: ConsolePage, facts: PageFacts): string {
  const sections: Record<ConsolePage, string> = {
    preview: previewSection({ sources: SOURCE_OPTIONS, ...facts }),
    print: printSection(),
    printers: printersSection(),
    jobs: jobsSection()
  }
  const body = CONSOLE_PAGES.map((p) => sections[p].replace('<section ', `<section${p === page ? '' : ' hidden'} `)).join('\n')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${TITLES[page]} · labelworks console</title>
<link rel="stylesheet" href="/console/assets/console.css">
<link rel="icon" href="/console/assets/icon.svg" type="image/svg+xml">
<script type="module" src="/console/assets/main.js"></script>
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="top">
  <p class="brand">labelworks <span>console</span></p>
  ${nav(page)}
  ${KEY_BAR}
</header>
<main id="main" tabindex="-1">
${body}
</main>
<div id="announce" class="visually-hidden" role="status" aria-live="polite"></div>
</body>
</html>
`
}
