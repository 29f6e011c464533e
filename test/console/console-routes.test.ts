// The console's routes without a browser: pages with their CSP, the client files, the browser redirect at GET /,
// and the API's JSON index kept for every other client; CONSOLE_ENABLED=false takes all of it away.
import type { FastifyInstance } from 'fastify'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CONSOLE_CSP } from '../../src/http/console/index.ts'
import { loadConfig } from '../../src/config.ts'
import { testApp } from '../support/app.ts'

let app: FastifyInstance
beforeAll(async () => { app = await testApp() })
afterAll(async () => { await app.close() })

describe('console routes', () => {
  it('sends a browser asking GET / for HTML to /console, and keeps the JSON index for API clients', async () => {
    const browser = await app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' } })
    expect(browser.statusCode).toBe(302)
    expect(browser.headers.location).toBe('/console')
    for (const accept of [undefined, '*/*', 'application/json', 'application/json, text/html;q=0']) {
      const client = await app.inject({ method: 'GET', url: '/', headers: accept === undefined ? {} : { accept } })
      expect(client.statusCode, String(accept)).toBe(200)
      expect(client.json()).toMatchObject({ service: 'labelworks' })
      expect(client.headers.vary).toBe('accept')
    }
  })

  it('serves every page as one document showing the page asked for, with a CSP of this origin only', async () => {
    for (const [url, shown] of [['/console', 'preview'], ['/console/print', 'print'], ['/console/printers', 'printers'], ['/console/jobs', 'jobs']]) {
      const res = await app.inject({ method: 'GET', url })
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
      expect(res.headers['content-security-policy']).toBe(CONSOLE_CSP)
      const visible = [...res.body.matchAll(/<section (hidden )?id="page-(\w+)"/g)].filter((m) => m[1] === undefined).map((m) => m[2])
      expect(visible).toEqual([shown])
      // The templates and defaults come from the service, so the preview offers exactly what is installed.
      expect(res.body).toContain('<option value="standard" selected>standard</option>')
      expect(res.body).not.toMatch(/<script(?![^>]*\bsrc="\/console\/assets\/)/)
      expect(res.body).not.toMatch(/\sstyle=|https?:\/\//)
    }
    expect(CONSOLE_CSP).toContain("default-src 'none'")
    expect(CONSOLE_CSP).not.toMatch(/unsafe|\*|https?:/)
  })

  it('serves the client files with their types and revalidation, and nothing else', async () => {
    const js = await app.inject({ method: 'GET', url: '/console/assets/main.js' })
    expect(js.statusCode).toBe(200)
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8')
    const again = await app.inject({ method: 'GET', url: '/console/assets/main.js', headers: { 'if-none-match': String(js.headers.etag) } })
    expect(again.statusCode).toBe(304)
    expect((await app.inject({ method: 'GET', url: '/console/assets/console.css' })).headers['content-type']).toBe('text/css; charset=utf-8')
    for (const url of ['/console/assets/..%2Fassets.ts', '/console/assets/assets.ts', '/console/assets/nope.js', '/console/settings']) {
      const res = await app.inject({ method: 'GET', url })
      expect(res.statusCode, url).toBe(404)
      expect(res.json().error.code).toBe('NOT_FOUND')
    }
  })

  it('has no console with CONSOLE_ENABLED=false: 404 for its pages and files, the JSON index for a browser too', async () => {
    const config = loadConfig({ LOG_LEVEL: 'silent', CONSOLE_ENABLED: 'false' })
    expect(config.consoleEnabled).toBe(false)
    const off = await testApp({ config })
    try {
      for (const url of ['/console', '/console/printers', '/console/assets/main.js']) expect((await off.inject({ method: 'GET', url })).statusCode, url).toBe(404)
      const browser = await off.inject({ method: 'GET', url: '/', headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } })
      expect(browser.statusCode).toBe(200)
      expect((browser.json() as { endpoints: { path: string }[] }).endpoints.map((e) => e.path).filter((p) => p.startsWith('/console'))).toEqual([])
      expect((await off.inject({ method: 'POST', url: '/v1/labels', payload: { record: { tracking_code: 'LWX100200300400500', shipper: { name: 'A' }, recipient: { name: 'B', address: '1 Elm St, Reno, NV 89501' } } } })).statusCode).toBe(200)
    } finally {
      await off.close()
    }
    expect(() => loadConfig({ CONSOLE_ENABLED: 'no' })).toThrow(/CONSOLE_ENABLED/)
  })
})
