import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig, PROJECT_ROOT } from '../src/config.ts'
import { ConfigError } from '../src/errors.ts'

describe('config', () => {
  it('serves on 127.0.0.1:3000 with embedded defaults and no external service', () => {
    const config = loadConfig({})
    expect(config).toMatchObject({ host: '127.0.0.1', port: 3000, labelaryUrl: 'http://127.0.0.1:3000', renderWorkers: 2, batchMaxRecords: 10_000, printMaxAttempts: 8, heapGrowthPercent: 60 })
    expect(loadConfig({ HEAP_GROWTH_PERCENT: '0' }).heapGrowthPercent).toBe(0)
    expect(config.apiKey).toBeUndefined()
    expect(config.templatesDir).toBe(path.join(PROJECT_ROOT, 'templates'))
    expect(config.dataDir).toBe(path.join(PROJECT_ROOT, 'data'))
    expect(config).toMatchObject({ defaultDpi: 203, defaultTemplate: 'standard', shutdownGraceMs: 10_000 })
    expect(loadConfig({ DEFAULT_DPI: ' 300 ', DEFAULT_TEMPLATE: 'dashlink' })).toMatchObject({ defaultDpi: 300, defaultTemplate: 'dashlink' })
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
    ['PORT', 'abc'], ['PORT', '70000'], ['RENDER_WORKERS', '0'], ['PRINT_MAX_ATTEMPTS', '1.5'], ['LABELARY_URL', 'ftp://x'], ['LABELARY_URL', 'not a url'],
    ['DEFAULT_DPI', '150'], ['SHUTDOWN_GRACE_MS', '-1'], ['HEAP_GROWTH_PERCENT', '-5'], ['HEAP_GROWTH_PERCENT', '1001']
  ])('refuses %s=%s naming the variable', (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError)
    expect(() => loadConfig({ [name]: value })).toThrow(name)
  })

  it('names every bad setting at once, each as an issue, so one restart shows all of them', () => {
    const err = (() => { try { loadConfig({ PORT: 'abc', LOG_LEVEL: 'loud', BODY_LIMIT_BYTES: '-5', HOST: '256.1.1.1' }) } catch (e) { return e } })() as ConfigError
    expect(err).toBeInstanceOf(ConfigError)
    expect(err.message).toBe('4 settings are invalid: PORT must be a whole number from 0 to 65535, got "abc"; HOST must be a host name or an IP address, got "256.1.1.1"; ' +
      'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, got "loud"; BODY_LIMIT_BYTES must be a whole number from 1024 to 1073741824, got "-5"')
    expect(err.issues.map((i) => `${i.path} ${i.rule}`)).toEqual(['PORT range', 'HOST host', 'LOG_LEVEL enum', 'BODY_LIMIT_BYTES range'])
    expect(err.cause).toBeInstanceOf(TypeError)
  })

  it('takes a shipper prefix for generated tracking codes, and refuses one DashLink would not accept', () => {
    expect(loadConfig({}).trackingPrefix).toBeUndefined()
    expect(loadConfig({ TRACKING_PREFIX: 'LWX' }).trackingPrefix).toBe('LWX')
    expect(() => loadConfig({ TRACKING_PREFIX: '0AB' })).toThrow('TRACKING_PREFIX must be 3 to 10 capital letters or digits, starting with a letter (e.g. LWX), got "0AB"')
  })

  it('treats blank values as unset', () => {
    expect(loadConfig({ API_KEY: '  ', PORT: '' })).toMatchObject({ apiKey: undefined, port: 3000 })
  })
})
