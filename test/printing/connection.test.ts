// The connect step's own timeout: a printer that never completes the TCP handshake (a dead host, a full backlog)
// must fail the attempt after connectTimeoutMs, not hang on the OS's minutes-long SYN retries. On 127.0.0.1 a
// connect is answered at once, so the socket that never connects is stood in for.
import net from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { openConnection, PrinterConnectionError } from '../../src/printing/connection.ts'

afterEach(() => { vi.restoreAllMocks() })

describe('openConnection', () => {
  it('gives up on a connect that never completes after the connect timeout, and destroys the socket', async () => {
    const silent = new net.Socket()
    const connect = vi.spyOn(net, 'connect').mockReturnValue(silent)
    const started = Date.now()
    const error = await openConnection('192.0.2.1', 9100, 60).catch((err: unknown) => err)
    expect(connect).toHaveBeenCalledWith({ host: '192.0.2.1', port: 9100 })
    expect(error).toBeInstanceOf(PrinterConnectionError)
    expect(error).toMatchObject({ step: 'connect', timedOut: true, message: 'connect to 192.0.2.1:9100 timed out after 60 ms' })
    expect(Date.now() - started).toBeGreaterThanOrEqual(55)
    expect(silent.destroyed).toBe(true)
  })

  it('reports a refused connect at once, as not timed out', async () => {
    const server = net.createServer()
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as net.AddressInfo
    await new Promise<void>((resolve) => server.close(() => resolve()))
    const error = await openConnection('127.0.0.1', port, 5_000).catch((err: unknown) => err)
    expect(error).toMatchObject({ step: 'connect', timedOut: false })
    expect((error as Error).message).toMatch(/ECONNREFUSED/)
  })
})
