// Start-up loading: the defaults a site sets for requests that name no density or template.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadEnvFile, loadLabelService } from '../src/bootstrap.ts'
import { loadConfig } from '../src/config.ts'
import { ConfigError } from '../src/errors.ts'
import { fullRecord } from './http/labels/fixtures.ts'
import { tempDir } from './printing/helpers.ts'

describe('loadLabelService', () => {
  it('lays out a request that names no density or template with DEFAULT_DPI and DEFAULT_TEMPLATE', () => {
    const service = loadLabelService(loadConfig({ DEFAULT_DPI: '300', DEFAULT_TEMPLATE: 'dashlink' }))
    expect(service.defaults()).toEqual({ dpi: 300, template: 'dashlink' })
    const { label } = service.layout({ record: fullRecord(), source: 'generic' })
    expect([label.dpi, label.widthDots, label.template]).toEqual([300, 1200, 'dashlink'])
    // What the request names still wins.
    const asked = service.layout({ record: fullRecord(), source: 'generic', dpi: 203, template: 'standard' }).label
    expect([asked.dpi, asked.template]).toEqual([203, 'standard'])
  })

  it('refuses a DEFAULT_TEMPLATE that names no installed template, listing the installed ones', () => {
    const load = (): unknown => loadLabelService(loadConfig({ DEFAULT_TEMPLATE: 'fancy' }))
    expect(load).toThrow(ConfigError)
    expect(load).toThrow('DEFAULT_TEMPLATE must name an installed template (dashlink, standard), got "fancy"')
  })
})

describe('loadEnvFile', () => {
  it('adds the settings of a .env file, and a variable already set wins', () => {
    const file = path.join(tempDir(), '.env')
    writeFileSync(file, '# this site\nPORT=4123\nAPI_KEY="s3cret key"\nHOST=0.0.0.0\n')
    const env: Record<string, string | undefined> = { PORT: '3001' }
    expect(loadEnvFile(env, file)).toBe(file)
    expect(env).toEqual({ PORT: '3001', API_KEY: 's3cret key', HOST: '0.0.0.0' })
    expect(loadConfig(env)).toMatchObject({ port: 3001, apiKey: 's3cret key', host: '0.0.0.0' })
  })

  it('reads nothing when there is no file, and stops start-up on one it cannot read', () => {
    const dir = tempDir()
    const env = {}
    expect(loadEnvFile(env, path.join(dir, '.env'))).toBeUndefined()
    expect(env).toEqual({})
    expect(() => loadEnvFile(env, dir)).toThrow(ConfigError)
  })
})
