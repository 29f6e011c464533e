import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createPrinterRegistry } from '../../src/printing/printer-registry.ts'
import { openStore } from '../../src/printing/store.ts'
import { tempDir } from './helpers.ts'

async function registryWithFile (content: unknown) {
  const dir = tempDir()
  const file = path.join(dir, 'printers.json')
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content))
  const store = await openStore({ dataDir: path.join(dir, 'data') })
  return { store, registry: createPrinterRegistry(store), file }
}

describe('printer registry', () => {
  it('loads PRINTERS_FILE with defaults (port 9100, name = id, enabled) and keeps them across reopen', async () => {
    const { store, registry, file } = await registryWithFile({ printers: [{ id: 'dock-1', host: '10.0.0.21' }, { id: 'dock-2', name: 'Dock 2', host: 'zebra-2.local', port: 6101, dpi: 300, enabled: false }] })
    await registry.loadFile(file)
    expect((await registry.list()).map(({ id, name, host, port, dpi, enabled, origin }) => ({ id, name, host, port, dpi, enabled, origin }))).toEqual([
      { id: 'dock-1', name: 'dock-1', host: '10.0.0.21', port: 9100, dpi: null, enabled: true, origin: 'file' },
      { id: 'dock-2', name: 'Dock 2', host: 'zebra-2.local', port: 6101, dpi: 300, enabled: false, origin: 'file' }
    ])
    await expect(registry.usable('dock-2')).rejects.toThrow(expect.objectContaining({ code: 'PRINTER_DISABLED' }))
    await store.close()
  })

  it('rejects a bad file with INVALID_CONFIG naming the entry and field', async () => {
    const bad = await registryWithFile({ printers: [{ id: 'dock-1', host: '10.0.0.21', port: 'x' }] })
    await expect(bad.registry.loadFile(bad.file)).rejects.toThrow(expect.objectContaining({ code: 'INVALID_CONFIG', message: expect.stringContaining('printers.0.port') }))
    const broken = await registryWithFile('{"printers": [')
    await expect(broken.registry.loadFile(broken.file)).rejects.toThrow(expect.objectContaining({ code: 'INVALID_CONFIG' }))
  })

  it('names the file’s top level when it is not { printers: [...] }, a bare list included', async () => {
    const cases: [unknown, string][] = [[[{ id: 'dock-1', host: '10.0.0.21' }], '(root)'], ['null', '(root)'], [{}, 'printers']]
    for (const [content, path] of cases) {
      const { registry, file, store } = await registryWithFile(content)
      const err = await registry.loadFile(file).catch((e: unknown) => e) as { code: string, issues: { path: string, message: string }[] }
      expect(err.code).toBe('INVALID_CONFIG')
      expect(err.issues[0]?.path, JSON.stringify(content)).toBe(path)
      await store.close()
    }
  })

  it('refuses two printers with one id in the file instead of letting the second replace the first unseen', async () => {
    const { registry, file, store } = await registryWithFile({ printers: [{ id: 'dock-1', host: '10.0.0.21' }, { id: 'dock-2', host: '10.0.0.22' }, { id: 'dock-1', host: '10.0.0.23' }] })
    await expect(registry.loadFile(file)).rejects.toThrow(expect.objectContaining({
      code: 'INVALID_CONFIG',
      issues: [{ path: 'printers.2.id', rule: 'unique', message: '"dock-1" is already the id of printers.0; each printer needs its own' }]
    }))
    expect(await registry.list()).toEqual([])
    await store.close()
  })

  it('forgets the stored font when a printer moves to another address', async () => {
    const { store, registry } = await registryWithFile({ printers: [] })
    await registry.add({ id: 'p', host: '127.0.0.1', port: 9100 })
    await store.setFontHash('p', 'abc')
    await registry.update('p', { name: 'renamed' })
    expect(await store.fontHash('p')).toBe('abc')
    await registry.update('p', { port: 9101 })
    expect(await store.fontHash('p')).toBeUndefined()
    await expect(registry.add({ id: 'p', host: '127.0.0.1' })).rejects.toThrow(expect.objectContaining({ code: 'PRINTER_EXISTS' }))
    await expect(registry.update('p', {})).rejects.toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }))
    await store.close()
  })

  it('forgets the stored font and detected density when PRINTERS_FILE moves a printer, not when it keeps its address', async () => {
    const { store, registry, file } = await registryWithFile({ printers: [{ id: 'p', host: '10.0.0.21' }] })
    await registry.loadFile(file)
    await registry.setDetectedDpi('p', 300)
    await store.setFontHash('p', 'abc')
    await registry.loadFile(file)
    expect(await store.fontHash('p')).toBe('abc')
    expect((await registry.get('p')).detectedDpi).toBe(300)
    writeFileSync(file, JSON.stringify({ printers: [{ id: 'p', host: '10.0.0.22' }] }))
    await registry.loadFile(file)
    expect(await store.fontHash('p')).toBeUndefined()
    expect((await registry.get('p')).detectedDpi).toBeNull()
    await store.close()
  })
})
