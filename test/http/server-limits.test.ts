// Slow and stalled clients over a real socket: every phase of a request has a time limit, and one address cannot
// hold more than its share of connections.
import net from 'node:net'
import type { FastifyInstance } from 'fastify'
import { afterEach, describe, expect, it } from 'vitest'
import { loadConfig } from '../../src/config.ts'
import { testApp } from '../support/app.ts'

let apps: FastifyInstance[] = []
let sockets: net.Socket[] = []
afterEach(async () => {
  for (const s of sockets) s.destroy()
  for (const a of apps) await a.close()
  apps = []
  sockets = []
})

async function listening (env: Record<string, string>): Promise<number> {
  const config = loadConfig({ LOG_LEVEL: 'silent', ...env })
  const app = await testApp({ config })
  apps.push(app)
  await app.listen({ host: '127.0.0.1', port: 0 })
  return (app.server.address() as net.AddressInfo).port
}

/** Connects, writes `text`, then stays silent; resolves with what came back and how long until the server closed. */
function stall (port: number, text: string, giveUpMs: number): Promise<{ answer: string, closedAfterMs: number | undefined }> {
  return new Promise((resolve) => {
    const started = Date.now()
    const socket = net.connect(port, '127.0.0.1', () => { if (text !== '') socket.write(text) })
    sockets.push(socket)
    let answer = ''
    socket.on('data', (chunk) => { answer += chunk.toString('latin1') })
    socket.on('error', () => {})
    const timer = setTimeout(() => { socket.destroy(); resolve({ answer, closedAfterMs: undefined }) }, giveUpMs)
    socket.on('close', () => { clearTimeout(timer); resolve({ answer, closedAfterMs: Date.now() - started }) })
  })
}

const TIMEOUTS = { HEADERS_TIMEOUT_MS: '400', REQUEST_TIMEOUT_MS: '800', IDLE_TIMEOUT_MS: '3000', KEEP_ALIVE_TIMEOUT_MS: '300' }

describe('request timeouts', () => {
  it('answers 408 and closes a request whose body stops partway, within the request timeout', async () => {
    const port = await listening(TIMEOUTS)
    const head = 'POST /v1/labels HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n'
    const { answer, closedAfterMs } = await stall(port, `${head}{"record":{"tracking_code":"`, 5_000)
    expect(closedAfterMs).toBeDefined()
    expect(closedAfterMs).toBeLessThan(800 + 1_500)
    expect(answer).toMatch(/^HTTP\/1\.1 408/)
  })

  it('closes a connection whose headers never end, within the headers timeout', async () => {
    const port = await listening(TIMEOUTS)
    const { closedAfterMs } = await stall(port, 'POST /v1/labels HTTP/1.1\r\nHost: localhost\r\n', 5_000)
    expect(closedAfterMs).toBeDefined()
    expect(closedAfterMs).toBeLessThan(400 + 1_500)
  })

  it('closes a connection that never sends a byte', async () => {
    const port = await listening(TIMEOUTS)
    const { closedAfterMs } = await stall(port, '', 6_000)
    expect(closedAfterMs).toBeDefined()
    expect(closedAfterMs).toBeLessThan(3_000 + 1_500)
  })

  it('closes an idle kept-alive connection after the keep-alive timeout', async () => {
    const port = await listening(TIMEOUTS)
    const { answer, closedAfterMs } = await stall(port, 'GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n', 5_000)
    expect(answer).toMatch(/^HTTP\/1\.1 200/)
    expect(closedAfterMs).toBeLessThan(300 + 1_500)
  })

  it('has defaults no honest client comes near', () => {
    const config = loadConfig({})
    expect(config.requestTimeoutMs).toBeGreaterThanOrEqual(30_000)
    expect(config.headersTimeoutMs).toBeGreaterThanOrEqual(10_000)
    expect(config.maxConnectionsPerClient).toBeGreaterThanOrEqual(64)
  })
})

describe('connections per client address', () => {
  it('answers 503 with Retry-After to a connection beyond the cap and serves again once one closes', async () => {
    const port = await listening({ MAX_CONNECTIONS_PER_CLIENT: '3' })
    const held = await Promise.all([1, 2, 3].map(() => new Promise<net.Socket>((resolve) => {
      const s = net.connect(port, '127.0.0.1', () => resolve(s))
      sockets.push(s)
    })))
    const refused = await stall(port, 'GET /health HTTP/1.1\r\nHost: localhost\r\n\r\n', 3_000)
    expect(refused.answer).toMatch(/^HTTP\/1\.1 503/)
    expect(refused.answer).toMatch(/Retry-After: 1/i)
    expect(refused.answer).toContain('TOO_MANY_CONNECTIONS')
    held[0]?.destroy()
    await new Promise((resolve) => setTimeout(resolve, 50))
    const served = await stall(port, 'GET /health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n', 3_000)
    expect(served.answer).toMatch(/^HTTP\/1\.1 200/)
  })
})
