// The Print, Printers and Jobs pages in Chromium against the real service and fake printers on 127.0.0.1: the API
// key asked once and kept in the tab's sessionStorage only; a label printed and followed to printed; a printer out
// of paper and back, its held job printing when the paper returns; cancel and reprint; add, edit, disable and remove
// a printer (and the refusals for one with a queued job or from the printers file); axe finds nothing serious; no
// console error, failed request or request to another origin.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM, NO_CHROMIUM_MESSAGE, launchBrowser, openPage, screenshot, seriousViolations, type PageRecord } from './browser.ts'
import { API_KEY, startConsoleServer, type ConsoleServer } from './console-server.ts'

const RECORD = readFileSync(new URL('../../bench/fixtures/generic-record.json', import.meta.url), 'utf8')
const TRACKING = 'LWX100200300400500'

let server: ConsoleServer
let browser: Browser
let page: Page
let record: PageRecord
const urls: string[] = []

/** Follows a menu link as a user does (the client switches pages without a reload). */
async function visit (name: 'preview' | 'print' | 'printers' | 'jobs'): Promise<void> {
  await page.click(`nav a[data-page-link="${name}"]`)
  await page.waitForSelector(`#page-${name}:not([hidden])`)
}

/** Waits until `selector`'s text matches `pattern`, and returns the text. */
async function textOf (selector: string, pattern: RegExp, timeout = 15_000): Promise<string> {
  await page.waitForFunction(([s, source]) => new RegExp(source).test(document.querySelector(s)?.textContent ?? ''), [selector, pattern.source] as const, { timeout })
  return (await page.textContent(selector)) ?? ''
}

/** Previews the generic record and sends it to `printer` from the Print page. */
async function print (printer: string, copies = 1): Promise<void> {
  await visit('preview')
  if ((await page.inputValue('#record-text')) === '') await page.fill('#record-text', RECORD)
  await textOf('#preview-summary', new RegExp(TRACKING))
  await page.click('#to-print')
  await page.waitForSelector('#page-print:not([hidden])')
  await page.waitForSelector(`#print-printer option[value="${printer}"]`, { state: 'attached' })
  await page.selectOption('#print-printer', printer)
  await page.fill('#print-copies', String(copies))
  await page.click('#print-submit')
}

describe.skipIf(CHROMIUM === undefined)('console Print, Printers and Jobs pages in Chromium', () => {
  beforeAll(async () => {
    server = await startConsoleServer()
    browser = await launchBrowser()
    ;({ page, record } = await openPage(browser, server.origin))
    page.on('request', (request) => urls.push(request.url()))
    await page.goto(`${server.origin}/console/printers`)
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('asks for the API key once and keeps it in this tab\'s sessionStorage only, never in a URL', async () => {
    expect(await page.isVisible('#page-printers [data-key-notice]')).toBe(true)
    await page.fill('#api-key', API_KEY)
    await page.press('#api-key', 'Enter')
    await textOf('#printers-table tr[data-printer="dock-1"]', /Ready/)
    await textOf('#printers-table tr[data-printer="dock-2"]', /Ready.*300 dpi \(reported\)/)
    expect(await page.isVisible('#page-printers [data-key-notice]')).toBe(false)
    expect(await page.evaluate(() => [sessionStorage.getItem('labelworks.apiKey'), localStorage.length, document.cookie])).toEqual([API_KEY, 0, ''])
    expect(await seriousViolations(page)).toEqual([])
  })

  it('prints the previewed label with copies and follows the job to printed', async () => {
    await print('dock-1', 2)
    expect(await textOf('#print-job-state', /Printed/)).toMatch(/Printed at .* on dock-1, 2 copies/)
    expect(await page.getAttribute('#print-steps li[data-step="end"]', 'aria-current')).toBe('step')
    const printed = server.printers.dock1.labels().filter((l) => l.includes(TRACKING))
    expect(printed).toHaveLength(1)
    expect(printed[0]).toContain('^PQ2^XZ')
    expect(await seriousViolations(page)).toEqual([])
  })

  it('shows a printer going out of paper and back, and its held job printing when the paper returns', async () => {
    await server.printers.dock1.setMode('paper-out')
    await visit('printers')
    const row = '#printers-table tr[data-printer="dock-1"]'
    expect(await textOf(row, /Paper out/)).toMatch(/! Paper out/)
    await screenshot(page, 'console-printers.png')
    // On a tablet held upright the table still fits the screen.
    await page.setViewportSize({ width: 820, height: 1180 })
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    await page.setViewportSize({ width: 1280, height: 720 })
    const before = server.printers.dock1.labels().length
    await print('dock-1')
    expect(await textOf('#print-job-state', /Held/)).toContain('Held: printer reports paper out')
    expect(await page.getAttribute('#print-steps li[data-step="queued"]', 'class')).toBe('current warn')
    expect(await page.textContent('#print-steps li[data-step="queued"]')).toBe('Held')
    await server.printers.dock1.setMode('normal')
    await textOf('#print-job-state', /Printed/)
    expect(server.printers.dock1.labels()).toHaveLength(before + 1)
    await visit('printers')
    await textOf(row, /Ready/)
  })

  it('cancels a job not yet sent and reprints it, and a printed one, as new jobs', async () => {
    await server.printers.dock2.setMode('paper-out')
    await print('dock-2')
    await textOf('#print-job-state', /Held/)
    await visit('jobs')
    const held = page.locator('#jobs-table tbody tr', { hasText: 'dock-2' }).first()
    await expect.poll(() => held.textContent(), { timeout: 10_000 }).toMatch(/Held/)
    await held.locator('[data-action=cancel]').click()
    await expect.poll(() => held.textContent()).toMatch(/Canceled/)
    // The keyboard stays on the row, at the Reprint button the canceled job now offers.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-action'))).toBe('reprint')
    await server.printers.dock2.setMode('normal')
    const rowsBefore = await page.locator('#jobs-table tbody tr').count()
    await page.keyboard.press('Enter')
    await expect.poll(() => page.locator('#jobs-table tbody tr').count()).toBe(rowsBefore + 1)
    const reprint = page.locator('#jobs-table tbody tr').first()
    await expect.poll(() => reprint.textContent(), { timeout: 10_000 }).toMatch(/dock-2.*reprint.*Printed/)
    expect(server.printers.dock2.labels().filter((l) => l.includes(TRACKING))).toHaveLength(1)

    const dock1Printed = server.printers.dock1.labels().length
    const printed = page.locator('#jobs-table tbody tr', { hasText: TRACKING }).filter({ hasText: 'dock-1' }).first()
    await printed.locator('[data-action=reprint]').click()
    await expect.poll(() => server.printers.dock1.labels().length, { timeout: 10_000 }).toBe(dock1Printed + 1)
    expect(await seriousViolations(page)).toEqual([])
  })

  it('adds a printer (its field errors shown beside the field), edits it and disables it', async () => {
    await visit('printers')
    await page.click('#printer-add')
    await page.fill('#pf-id', 'dock-3')
    await page.fill('#pf-host', 'http://printer')
    await page.fill('#pf-port', String(server.printers.dock2.port))
    await page.click('#printer-form button[type=submit]')
    expect(await textOf('#printer-form [data-issues-for="host"]', /Error/)).toContain('scheme_in_host')
    await page.fill('#pf-host', '127.0.0.1')
    await page.fill('#pf-name', 'Dock 3')
    await page.click('#printer-form button[type=submit]')
    const row = '#printers-table tr[data-printer="dock-3"]'
    await textOf(row, /Dock 3.*Ready/)
    await page.click(`${row} [data-action=edit]`)
    await page.fill('#pf-name', 'Dock Three')
    await page.selectOption('#pf-dpi', '300')
    await page.click('#printer-form button[type=submit]')
    await textOf(row, /Dock Three.*300 dpi/)
    await page.click(`${row} [data-action=toggle]`)
    expect(await textOf(row, /Disabled/)).toContain('Enable')
    expect(await server.printing.queue.registry.get('dock-3', 'id')).toMatchObject({ name: 'Dock Three', dpi: 300, enabled: false })
    await visit('print')
    expect(await page.isDisabled('#print-printer option[value="dock-3"]')).toBe(true)
    expect([...new Set(record.refusals)]).toEqual(['POST /v1/printers 400'])
    record.refusals.length = 0
  })

  it('removes a printer after asking, and shows why one with a queued job or from the printers file stays', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'lw-console-')), 'printers.json')
    writeFileSync(file, JSON.stringify({ printers: [{ id: 'dock-file', name: 'Dock File', host: '127.0.0.1', port: server.printers.dock2.port, dpi: 203 }] }))
    await server.printing.queue.registry.loadFile(file)
    await server.printers.dock2.setMode('paper-out')
    await print('dock-2')
    await textOf('#print-job-state', /Held/)
    await visit('printers')
    const dialog = page.locator('#printer-remove')

    // Asked first, the keyboard on the safe answer; Escape keeps the printer and gives the focus back.
    const dock3 = '#printers-table tr[data-printer="dock-3"]'
    await page.click(`${dock3} [data-action=remove]`)
    await expect.poll(() => dialog.isVisible()).toBe(true)
    expect(await page.textContent('#printer-remove-title')).toBe('Remove Dock Three?')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('printer-remove-cancel')
    expect(await seriousViolations(page)).toEqual([])
    await page.keyboard.press('Escape')
    await expect.poll(() => dialog.isVisible()).toBe(false)
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Remove Dock Three…')
    expect((await server.printing.queue.registry.list()).map((p) => p.id)).toContain('dock-3')

    await page.click(`${dock3} [data-action=remove]`)
    await page.click('#printer-remove-confirm')
    await page.waitForSelector(dock3, { state: 'detached' })
    expect((await server.printing.queue.registry.list()).map((p) => p.id)).not.toContain('dock-3')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('printer-add')

    const refusals: [string, RegExp][] = [['dock-2', /Not removed: printer "dock-2" has 1 job queued or sending/], ['dock-file', /Not removed: .*defined in the printers file/]]
    for (const [id, reason] of refusals) {
      await page.click(`#printers-table tr[data-printer="${id}"] [data-action=remove]`)
      await page.click('#printer-remove-confirm')
      expect(await textOf('#printer-remove-issues', /Not removed/)).toMatch(reason)
      expect(await page.isVisible('#printer-remove-confirm')).toBe(false)
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Close')
      expect(await seriousViolations(page)).toEqual([])
      await page.keyboard.press('Enter')
      await expect.poll(() => dialog.isVisible()).toBe(false)
      expect(await page.isVisible(`#printers-table tr[data-printer="${id}"]`)).toBe(true)
    }
    await server.printers.dock2.setMode('normal')
    expect([...new Set(record.refusals)]).toEqual(['DELETE /v1/printers/dock-2 409', 'DELETE /v1/printers/dock-file 409'])
    record.refusals.length = 0
  })

  it('made no console error, failed request, unexpected refusal or request to another origin, and put the key in no URL', () => {
    expect(record.consoleErrors).toEqual([])
    expect(record.failedRequests).toEqual([])
    expect(record.otherOrigins).toEqual([])
    expect(record.refusals).toEqual([])
    expect(urls.filter((url) => url.includes(API_KEY))).toEqual([])
  })
})

// Only without a browser: the run's report then says why the console was not tested.
if (CHROMIUM === undefined) {
  console.warn(NO_CHROMIUM_MESSAGE)
  it.skip(NO_CHROMIUM_MESSAGE, () => {})
}
