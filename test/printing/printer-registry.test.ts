import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createPrinterRegistry } from '../../src/printing/printer-registry.ts'
import { openStore } from '../../src/printing/store.ts'
import { tempDir } from './helpers.ts'

function registryWithFile (content: unknown) {
  const dir = tempDir()
  const file = path.join(dir, 'printers.json')
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content))
  const store = openStore(path.join(dir, 'data'))
  return { store, registry: createPrinterRegistry(store), file }
}

describe('printer registry', () => {
  it('loads PRINTERS_FILE with defaults (port 9100, name = id, enabled) and keeps them across reopen', () => {
    const { store, registry, file } = registryWithFile({ printers: [{ id: 'dock-1', host: '10.0.0.21' }, { id: 'dock-2', name: 'Dock 2', host: 'zebra-2.local', port: 6101, dpi: 300, enabled: false }] })
    registry.loadFile(file)
    expect(registry.list().map(({ id, name, host, port, dpi, enabled, origin }) => ({ id, name, host, port, dpi, enabled, origin }))).toEqual([
      { id: 'dock-1', name: 'dock-1', host: '10.0.0.21', port: 9100, dpi: null, enabled: true, origin: 'file' },
      { id: 'dock-2', name: 'Dock 2', host: 'zebra-2.local', port: 6101, dpi: 300, enabled: false, origin: 'file' }
    ])
    expect(() => registry.usable('dock-2')).toThrow(expect.objectContaining({ code: 'PRINTER_DISABLED' }))
    store.close()
  })

  it('rejects a bad file with INVALID_CONFIG naming the entry and field', () => {
    const bad = registryWithFile({ printers: [{ id: 'dock-1', host: '10.0.0.21', port: 'x' }] })
    expect(() => bad.registry.loadFile(bad.file)).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG', message: expect.stringContaining('printers.0.port') }))
    const broken = registryWithFile('{"printers": [')
    expect(() => broken.registry.loadFile(broken.file)).toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }))
  })

  it('names the file’s top level when it is not { printers: [...] }, a bare list included', () => {
    const cases: [unknown, string][] = [[[{ id: 'dock-1', host: '10.0.0.21' }], '(root)'], ['null', '(root)'], [{}, 'printers']]
    for (const [content, path] of cases) {
      const { registry, file, store } = registryWithFile(content)
      const err = (() => { try { registry.loadFile(file) } catch (e) { return e } })() as { code: string, issues: { path: string, message: string }[] }
      expect(err.code).toBe('INVALID_CONFIG')
      expect(err.issues[0]?.path, JSON.stringify(content)).toBe(path)
      store.close()
    }
  })

  it('refuses two printers with one id in the file instead of letting the second replace the first unseen', () => {
    const { registry, file, store } = registryWithFile({ printers: [{ id: 'dock-1', host: '10.0.0.21' }, { id: 'dock-2', host: '10.0.0.22' }, { id: 'dock-1', host: '10.0.0.23' }] })
    expect(() => registry.loadFile(file)).toThrow(expect.objectContaining({
      code: 'INVALID_CONFIG',
      issues: [{ path: 'printers.2.id', rule: 'unique', message: '"dock-1" is already the id of printers.0; each printer needs its own' }]
    }))
    expect(registry.list()).toEqual([])
    store.close()
  })

  it('forgets the stored font when a printer moves to another address', () => {
    const { store, registry } = registryWithFile({ printers: [] })
    registry.add({ id: 'p', host: '127.0.0.1', port: 9100 })
    store.setFontHash('p', 'abc')
    registry.update('p', { name: 'renamed' })
    expect(store.fontHash('p')).toBe('abc')
    registry.update('p', { port: 9101 })
    expect(store.fontHash('p')).toBeUndefined()
    expect(() => registry.add({ id: 'p', host: '127.0.0.1' })).toThrow(expect.objectContaining({ code: 'PRINTER_EXISTS' }))
    expect(() => registry.update('p', {})).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }))
    store.close()
  })

  it('forgets the stored font and detected density when PRINTERS_FILE moves a printer, not when it keeps its address', () => {
    const { store, registry, file } = registryWithFile({ printers: [{ id: 'p', host: '10.0.0.21' }] })
    registry.loadFile(file)
    registry.setDetectedDpi('p', 300)
    store.setFontHash('p', 'abc')
    registry.loadFile(file)
    expect(store.fontHash('p')).toBe('abc')
    expect(registry.get('p').detectedDpi).toBe(300)
    writeFileSync(file, JSON.stringify({ printers: [{ id: 'p', host: '10.0.0.22' }] }))
    registry.loadFile(file)
    expect(store.fontHash('p')).toBeUndefined()
    expect(registry.get('p').detectedDpi).toBeNull()
    store.close()
  })
})
