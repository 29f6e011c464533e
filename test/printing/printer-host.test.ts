// Printer hosts: a host name or a canonical IP address; pasted URLs, ports and addresses no printer has are refused
// with VALIDATION_FAILED naming `host` and the rule, and PRINTER_NETWORKS limits where printers may be.
import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import { ValidationError } from '../../src/errors.ts'
import { openConnection } from '../../src/printing/connection.ts'
import { createHostRules } from '../../src/printing/printer-host.ts'
import type { PrintQueue } from '../../src/printing/print-queue.ts'
import { startFakePrinter, type FakePrinter } from '../support/fake-printer.ts'
import { openQueue } from './helpers.ts'

const REFUSED: [string, string][] = [
  ['169.254.169.254', 'link_local'],
  ['169.254.1.20', 'link_local'],
  ['fe80::1', 'link_local'],
  ['febf::1', 'link_local'],
  ['::ffff:169.254.169.254', 'link_local'],
  ['::ffff:a9fe:a9fe', 'link_local'],
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'unspecified'],
  ['::', 'unspecified'],
  ['255.255.255.255', 'broadcast'],
  ['224.0.0.1', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['ff02::1', 'multicast'],
  ['2130706433', 'ipv4_canonical'],
  ['0x7f000001', 'ipv4_canonical'],
  ['127.1', 'ipv4_canonical'],
  ['127.0.0.01', 'ipv4_canonical'],
  ['010.0.0.1', 'ipv4_canonical'],
  ['printer.0x10', 'ipv4_canonical'],
  ['127.0.0.1:22', 'port_in_host'],
  ['printer-1:9100', 'port_in_host'],
  ['[::1]', 'port_in_host'],
  ['http://10.0.0.5', 'scheme_in_host'],
  ['tcp://printer-1:9100', 'scheme_in_host'],
  ['printer-1/labels', 'scheme_in_host'],
  ['fe80::1%eth0', 'zone_in_host'],
  ['-printer', 'hostname'],
  ['printer_1', 'hostname'],
  ['printer..local', 'hostname'],
  ['prin ter', 'hostname'],
  [`${'a'.repeat(64)}.local`, 'hostname']
]

const ALLOWED = ['127.0.0.1', '::1', '10.0.0.5', '192.168.1.20', 'zebra-dock-1', 'zebra-dock-1.warehouse.example.com', 'localhost', 'fd00::20', '2001:db8::5']

let queues: PrintQueue[] = []
let printers: FakePrinter[] = []
afterEach(async () => {
  for (const q of queues) await q.close()
  for (const p of printers) await p.close()
  queues = []
  printers = []
})

async function refusal (fn: () => Promise<unknown>): Promise<ValidationError> {
  try { await fn() } catch (err) { if (err instanceof ValidationError) return err; throw err }
  throw new Error('not refused')
}

describe('printer host rules', () => {
  it.each(REFUSED)('refuses %s (%s), naming host', async (host, rule) => {
    const queue = await openQueue()
    queues.push(queue)
    const err = await refusal(() => queue.registry.add({ id: 'p1', host }))
    expect(err.code).toBe('VALIDATION_FAILED')
    expect(err.issues[0]).toMatchObject({ path: 'host', rule })
    expect(await queue.registry.list()).toEqual([])
  })

  it('accepts host names and canonical addresses, and refuses a bad host in a change', async () => {
    const queue = await openQueue()
    queues.push(queue)
    for (const [i, host] of ALLOWED.entries()) expect((await queue.registry.add({ id: `p${i}`, host })).host).toBe(host)
    expect((await refusal(() => queue.registry.update('p0', { host: '169.254.169.254' }))).issues[0]).toMatchObject({ path: 'host', rule: 'link_local' })
    expect((await queue.registry.get('p0')).host).toBe('127.0.0.1')
  })

  it('keeps printers inside PRINTER_NETWORKS, loopback always allowed', async () => {
    const queue = await openQueue({ printerNetworks: ['10.20.0.0/16', 'fd00:20::/32'] })
    queues.push(queue)
    for (const host of ['10.20.3.4', 'fd00:20::9', '127.0.0.1', '::1', 'zebra-1']) await expect(queue.registry.add({ id: `p-${host.replace(/[.:]/g, '-')}`, host })).resolves.toBeDefined()
    for (const host of ['10.21.0.1', '192.168.1.20', 'fd00:21::1']) {
      expect((await refusal(() => queue.registry.add({ id: 'px', host }))).issues[0]).toMatchObject({ path: 'host', rule: 'printer_networks' })
    }
  })

  it('refuses at connection time a host name that resolves to a refused address', async () => {
    const printer = await startFakePrinter()
    printers.push(printer)
    const rules = createHostRules(['10.0.0.0/8'])
    const refuseLoopback = (address: string): string | undefined => /^127\.|^::1$/.test(address) ? `${address} is not allowed here` : rules.checkAddress(address, 'host')?.message
    await expect(openConnection('localhost', printer.port, 1_000, refuseLoopback)).rejects.toThrow(/localhost resolves to a refused address: 127\.0\.0\.1 is not allowed/)
    await expect(openConnection('169.254.169.254', printer.port, 1_000, refuseLoopback)).rejects.toThrow(/link-local/)
    const conn = await openConnection('localhost', printer.port, 1_000, (a) => rules.checkAddress(a, 'host')?.message)
    conn.destroy()
    expect(printer.stats.connections).toBe(1)
  })

  it('reads PRINTER_NETWORKS and names a malformed block', async () => {
    expect(loadConfig({ PRINTER_NETWORKS: '10.20.0.0/16, fd00::/8' }).printerNetworks).toEqual(['10.20.0.0/16', 'fd00::/8'])
    expect(loadConfig({}).printerNetworks).toEqual([])
    expect(() => loadConfig({ PRINTER_NETWORKS: '10.20.0.0/33,printers' })).toThrow(/PRINTER_NETWORKS must be CIDR blocks.*"10.20.0.0\/33", "printers"/)
  })
})
