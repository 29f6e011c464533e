// Start-up loading: the defaults a site sets for requests that name no density or template.
import { describe, expect, it } from 'vitest'
import { loadLabelService } from '../src/bootstrap.ts'
import { loadConfig } from '../src/config.ts'
import { ConfigError } from '../src/errors.ts'
import { fullRecord } from './http/labels/fixtures.ts'

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
