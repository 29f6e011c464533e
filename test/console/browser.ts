/// <reference lib="dom" />
// (The DOM types: the tests hand functions to page.evaluate, which run in the browser.)
// Chromium for the console's tests: the system's browser driven by playwright-core, one launch per test file, and a
// page that records what must not happen (console errors, failed requests, requests to another origin).
import { existsSync, mkdirSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { chromium, type Browser, type Page } from 'playwright-core'

/** Where a Chromium may be: CHROMIUM_PATH first, then Debian's and other distributions' names. */
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']

/** The Chromium executable, or undefined when this machine has none (`.ci/run` installs Debian's `chromium`). */
export const CHROMIUM = CANDIDATES.find((p): p is string => p !== undefined && p !== '' && existsSync(p))

export const NO_CHROMIUM_MESSAGE = 'console browser tests skipped: no Chromium found (apt-get install chromium, or set CHROMIUM_PATH)'

export async function launchBrowser (): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] })
}

/** What a page did that a test asserts did not happen. */
export interface PageRecord {
  consoleErrors: string[]
  failedRequests: string[]
  otherOrigins: string[]
  /** API answers of 400 and above, as `METHOD path status`: tests list the refusals they expect. */
  refusals: string[]
}

/** A page at 1280x720 (or `viewport`) that records errors, failed requests and requests leaving `origin`. */
export async function openPage (browser: Browser, origin: string, viewport = { width: 1280, height: 720 }): Promise<{ page: Page, record: PageRecord }> {
  const context = await browser.newContext({ viewport, acceptDownloads: true })
  const page = await context.newPage()
  const record: PageRecord = { consoleErrors: [], failedRequests: [], otherOrigins: [], refusals: [] }
  page.on('console', (message) => {
    // Chromium reports every 4xx answer to fetch as a console error; those are the refusals the tests list instead.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource: the server responded with a status of 4')) record.consoleErrors.push(message.text())
  })
  page.on('pageerror', (error) => record.consoleErrors.push(`uncaught: ${error.message}`))
  page.on('requestfailed', (request) => record.failedRequests.push(`${request.method()} ${request.url()} ${request.failure()?.errorText ?? ''}`))
  page.on('request', (request) => {
    const url = request.url()
    if (!url.startsWith(`${origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:')) record.otherOrigins.push(url)
  })
  page.on('response', (response) => {
    if (response.status() >= 400) record.refusals.push(`${response.request().method()} ${new URL(response.url()).pathname} ${response.status()}`)
  })
  return { page, record }
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')

/** axe-core's serious and critical violations on the page as it is now, as `rule: target…`. */
export async function seriousViolations (page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol, which the page's CSP (script-src 'self') does not apply to.
  await page.evaluate(AXE_SOURCE)
  const results = await page.evaluate(async () => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: { id: string, impact: string | null,
      nodes: { target: string[] }[] }[] }> } }).axe
    return axe.run((globalThis as unknown as { document: unknown }).document, { resultTypes: ['violations'] })
  })
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)
}

/** The docs screenshots are rewritten only when asked (CONSOLE_SCREENSHOTS=1), so a normal run leaves the tree clean. */
export async function screenshot (page: Page, name: string): Promise<void> {
  if (process.env.CONSOLE_SCREENSHOTS !== '1') return
  const dir = new URL('../../docs/images/', import.meta.url)
  mkdirSync(dir, { recursive: true })
  await page.screenshot({ path: new URL(name, dir).pathname })
}
