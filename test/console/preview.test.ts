// The Preview page in Chromium against the real service: a record of every source pasted, picked or dropped shows
// the service's own PNG with the detected source and tracking code; warnings and errors sit beside the fields they
// name; downloads and the ZPL text work; no console error, failed request or request to another origin; axe finds
// nothing serious; the page fits 1280x720 and a tablet.
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM, NO_CHROMIUM_MESSAGE, launchBrowser, openPage, screenshot, seriousViolations, type PageRecord } from './browser.ts'
import { startConsoleServer, type ConsoleServer } from './console-server.ts'

const fixture = (path: string): string => fileURLToPath(new URL(`../../${path}`, import.meta.url))
const text = (path: string): string => readFileSync(fixture(path), 'utf8')

/** One record of each source, and how it is put into the page. */
const SOURCES = [
  { name: 'generic', file: 'bench/fixtures/generic-record.json', by: 'paste', tracking: 'LWX100200300400500' },
  { name: 'dashlink', file: 'test/records/fixtures/dashlink-create-request-with-tracking.json', by: 'pick', tracking: 'DLK-1000200030004000' },
  { name: 'drive', file: 'test/records/fixtures/drive-create-request.json', by: 'drop', tracking: 'D-1763' },
  { name: 'uber_direct', file: 'test/records/fixtures/uber-create-request.json', by: 'paste', tracking: 'UBR-7731-0042-5589' },
  { name: 'postmates', file: 'test/records/fixtures/postmates-create-request.json', by: 'pick', tracking: 'PMX-SO-55310-0001' }
] as const

let server: ConsoleServer
let browser: Browser
let page: Page
let record: PageRecord

/** Puts a record file into the page the way an operator would: pasting its text, choosing it, or dropping it. */
async function putRecord (file: string, by: 'paste' | 'pick' | 'drop'): Promise<void> {
  if (by === 'paste') await page.fill('#record-text', text(file))
  else if (by === 'pick') await page.setInputFiles('#record-file', fixture(file))
  else {
    const transfer = await page.evaluateHandle((content) => {
      const data = new DataTransfer()
      data.items.add(new File([content], 'record.json', { type: 'application/json' }))
      return data
    }, text(file))
    await page.dispatchEvent('#drop-zone', 'drop', { dataTransfer: transfer })
  }
}

/** Waits until the summary names `tracking` (a label drawn) or says there is no label. */
async function summaryShows (wanted: string): Promise<string> {
  await page.waitForFunction((w) => document.querySelector('#preview-summary')?.textContent?.includes(w) === true, wanted, { timeout: 20_000 })
  return (await page.textContent('#preview-summary')) ?? ''
}

describe.skipIf(CHROMIUM === undefined)('console Preview page in Chromium', () => {
  beforeAll(async () => {
    server = await startConsoleServer()
    browser = await launchBrowser()
    ;({ page, record } = await openPage(browser, server.origin))
    // GET / in a browser lands on the console.
    await page.goto(`${server.origin}/`)
    expect(new URL(page.url()).pathname).toBe('/console')
  }, 60_000)

  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  for (const source of SOURCES) {
    it(`draws a ${source.name} record (${source.by}) as the service's PNG with its source and tracking code`, async () => {
      await putRecord(source.file, source.by)
      const summary = await summaryShows(source.tracking)
      expect(summary).toContain(`Source ${source.name} (detected)`)
      const image = await page.evaluate(() => {
        const img = document.querySelector<HTMLImageElement>('#label-image')
        return img === null ? null : { hidden: img.hidden, src: img.src, width: img.naturalWidth, height: img.naturalHeight, complete: img.complete }
      })
      // 4x6 in at 203 dpi, as the service draws it.
      expect(image).toMatchObject({ hidden: false, width: 812, height: 1218, complete: true })
      expect(image?.src).toMatch(/^blob:/)
    })
  }

  it('shows a warning beside the field it names, and one about a whole object on that object\'s row', async () => {
    const generic = JSON.parse(text('bench/fixtures/generic-record.json')) as Record<string, unknown>
    // A tracking code a keyboard-wedge scanner mangles ('+') is warned about; one reference sent as an object, not a
    // list, is read as a list of one with a warning on the object.
    generic.tracking_code = 'LWX+100200300400'
    generic.references = { label: 'Ref#', value: 'SO-48213' }
    await page.fill('#record-text', JSON.stringify(generic, null, 2))
    await summaryShows('LWX+100200300400')
    const row = page.locator('#record-fields tr[data-path="record.tracking_code"]')
    await expect.poll(() => row.getAttribute('class')).toBe('has-warning')
    expect(await row.textContent()).toMatch(/Warning: .*TRACKING_CODE_SCANNER_UNSAFE/)
    const object = page.locator('#record-fields tr[data-path="record.references"]')
    expect(await object.textContent()).toMatch(/\(an object of 2 fields\)Warning: .*FIELD_SHAPE_COERCED/)
  })

  it('shows an invalid record\'s errors beside its fields, missing fields marked, and no label', async () => {
    const generic = JSON.parse(text('bench/fixtures/generic-record.json')) as { recipient: { name: string } }
    generic.recipient.name = ''
    await page.fill('#record-text', JSON.stringify(generic, null, 2))
    expect(await summaryShows('No label')).toContain('VALIDATION_FAILED')
    const named = page.locator('#record-fields tr[data-path="record.recipient.name"]')
    expect(await named.getAttribute('class')).toBe('has-error')
    expect(await named.textContent()).toContain('Error: recipient name is required (required)')
    expect(await page.isHidden('#label-image')).toBe(true)
    expect(await page.isDisabled('[data-download="pdf"]')).toBe(true)

    await page.selectOption('#opt-template', 'dashlink')
    await page.setInputFiles('#record-file', fixture('test/records/fixtures/dashlink-create-request.json'))
    expect(await summaryShows('MISSING_TRACKING_CODE')).toContain('No label')
    const missing = page.locator('#record-fields tr[data-path="record.pickup_reference_tag"]')
    expect(await missing.textContent()).toMatch(/not in the record.*Error: missing/)
    expect(await page.locator('#record-fields tr.has-error').count()).toBe(3)

    await page.fill('#record-text', '{ "recipient": ')
    await page.waitForSelector('#record-json-error:not([hidden])')
    expect(await page.textContent('#record-json-error')).toMatch(/^Not valid JSON/)
    await page.selectOption('#opt-template', 'standard')
    expect([...new Set(record.refusals)].sort()).toEqual(['POST /v1/labels 400', 'POST /v1/labels 422'])
    record.refusals.length = 0
  })

  it('downloads ZPL, PDF and PNG, shows the ZPL text on request, and redraws at 300 dpi', async () => {
    await putRecord('bench/fixtures/generic-record.json', 'paste')
    await summaryShows('LWX100200300400500')
    for (const [format, magic] of [['zpl', '^XA'], ['pdf', '%PDF'], ['png', '\x89PNG']] as const) {
      const [download] = await Promise.all([page.waitForEvent('download'), page.click(`[data-download="${format}"]`)])
      expect(download.suggestedFilename()).toBe(`LWX100200300400500-203dpi.${format}`)
      const bytes = readFileSync(await download.path())
      expect(bytes.subarray(0, magic.length).toString('latin1'), format).toBe(magic)
    }
    await page.check('#show-zpl')
    await page.waitForFunction(() => document.querySelector('#zpl-text')?.textContent?.startsWith('^XA') === true)
    expect(await page.textContent('#zpl-text')).toContain('LWX100200300400500')
    await page.selectOption('#opt-dpi', '300')
    await page.waitForFunction(() => document.querySelector<HTMLImageElement>('#label-image')?.naturalWidth === 1200, undefined, { timeout: 20_000 })
    await page.uncheck('#show-zpl')
    await page.selectOption('#opt-dpi', '203')
    await page.waitForFunction(() => document.querySelector<HTMLImageElement>('#label-image')?.naturalWidth === 812, undefined, { timeout: 20_000 })
  })

  it('has no serious accessibility violations, fits 1280x720 and a tablet, and is saved as the docs screenshot', async () => {
    const drive = JSON.parse(text('test/records/fixtures/drive-create-request.json')) as object
    await page.fill('#record-text', JSON.stringify(drive, null, 2))
    await summaryShows('D-1763')
    expect(await seriousViolations(page)).toEqual([])
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    await screenshot(page, 'console-preview.png')
    await page.setViewportSize({ width: 820, height: 1180 })
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true)
    expect(await seriousViolations(page)).toEqual([])
    await page.setViewportSize({ width: 1280, height: 720 })
  })

  it('is usable from the keyboard: the menu switches pages and moves the focus to the page heading', async () => {
    await page.focus('nav a[data-page-link="printers"]')
    await page.keyboard.press('Enter')
    await page.waitForSelector('#page-printers:not([hidden])')
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('printers-title')
    expect(new URL(page.url()).pathname).toBe('/console/printers')
    await page.goBack()
    await page.waitForSelector('#page-preview:not([hidden])')
    // The record is still there when the operator comes back.
    expect(await page.inputValue('#record-text')).toContain('D-1763')
  })

  it('made no console error, failed request, unexpected refusal or request to another origin', () => {
    expect(record.consoleErrors).toEqual([])
    expect(record.failedRequests).toEqual([])
    expect(record.otherOrigins).toEqual([])
    expect(record.refusals).toEqual([])
  })
})

// Only without a browser: the run's report then says why the console was not tested.
if (CHROMIUM === undefined) {
  console.warn(NO_CHROMIUM_MESSAGE)
  it.skip(NO_CHROMIUM_MESSAGE, () => {})
}
