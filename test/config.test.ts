import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig, PROJECT_ROOT } from '../src/config.ts'
import { ConfigError } from '../src/errors.ts'

describe('config', () => {
  it('serves on 127.0.0.1:3000 with embedded defaults and no external service', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3000, labelaryUrl: 'http://127.0.0.1:3000', renderWorkers: 2, batchMaxRecords: 10_000, printMaxAttempts: 8 })
    expect(config.apiKey).toBeUndefined()
    expect(config.templatesDir).toBe(path.join(PROJECT_ROOT, 'templates'))
    expect(config.dataDir).toBe(path.join(PROJECT_ROOT, 'data'))
  })

  it('points the Labelary client at its own endpoint on the configured port', () => {
    expect(loadConfig({ PORT: '8080', HOST: '::1' }).labelaryUrl).toBe('http://[::1]:8080')
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow('LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"')
    expect(loadConfig({ LOG_LEVEL: 'DEBUG' }).logLevel).toBe('debug')
    // Without LABELARY_URL a bad HOST is what breaks the derived URL, so the error names HOST.
    expect(() => loadConfig({ HOST: '256.1.1.1' })).toThrow('HOST must be a host name or an IP address, got "256.1.1.1"')
    expect(() => loadConfig({ HOST: '256.1.1.1', LABELARY_URL: 'ftp://x' })).toThrow('LABELARY_URL must be an http(s) URL, got "ftp://x"')
    expect(loadConfig({ LABELARY_URL: 'https://api.labelary.com' }).labelaryUrl).toBe('https://api.labelary.com')
  })

  it.each([
    ['PORT', 'abc'], ['PORT', '70000'], ['RENDER_WORKERS', '0'], ['PRINT_MAX_ATTEMPTS', '1.5'], ['LABELARY_URL', 'ftp://x'], ['LABELARY_URL', 'not a url']
  ])('refuses %s=%s naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError)
    expect(() => loadConfig({ [name]: value })).toThrow(name)
  })

  it('treats blank values as unset', () => {
    expect(loadConfig({ API_KEY: '  ', PORT: '' })).toMatchObject({ apiKey: undefined, port: 3000 })
  })
})
