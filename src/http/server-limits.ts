// How long a client may take over each phase of a request, and how many connections one address may hold, so that
// slow or stalled clients cannot keep file descriptors (and the requests behind them) forever. The defaults are far
// beyond what an honest client needs: a 10,000-record batch (~10 MB) uploads in well under a second on a LAN and in
// ~10 s over a 10 Mbit/s link, inside the 60 s a whole request may take.
import type { Server } from 'node:http'
import type { Socket } from 'node:net'
import type { FastifyServerOptions } from 'fastify'
import type { Config } from '../config.ts'

/** The settings this module reads; all have defaults, so an app built from a partial config still gets them. */
export type ServerLimits = Pick<Config, 'headersTimeoutMs' | 'requestTimeoutMs' | 'idleTimeoutMs' | 'keepAliveTimeoutMs' | 'maxConnectionsPerClient'>

export const DEFAULT_SERVER_LIMITS: Readonly<ServerLimits> = {
  headersTimeoutMs: 10_000,
  requestTimeoutMs: 60_000,
  idleTimeoutMs: 60_000,
  // Node's default of 72 s would keep idle sockets of finished batch downloads; 5 s matches common proxies.
  keepAliveTimeoutMs: 5_000,
  maxConnectionsPerClient: 256
}

/** How often Node looks for requests past their headers or request timeout (its default, 30 s, adds up to 30 s). */
const CHECK_EVERY_MS = 1_000

/** The limits a config gives, the defaults for the rest. */
export function serverLimitsOf (config: Partial<ServerLimits>): ServerLimits {
  return { ...DEFAULT_SERVER_LIMITS, ...Object.fromEntries(Object.entries(config).filter(([, v]) => v !== undefined)) }
}

/**
 * Fastify's options for the timeouts. headers: the request line and headers must arrive within headersTimeoutMs;
 * request: headers and body within requestTimeoutMs (else 408 and the connection is closed); idle: a connection on
 * which nothing moves either way for idleTimeoutMs is closed (a client that stopped reading a response); keep-alive:
 * an idle connection between requests is closed after keepAliveTimeoutMs.
 */
export function timeoutOptions (limits: ServerLimits): Pick<FastifyServerOptions, 'connectionTimeout' | 'keepAliveTimeout' | 'requestTimeout'> & { http: object } {
  return {
    connectionTimeout: limits.idleTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    // Node requires the headers timeout to be no longer than the request timeout.
    http: { headersTimeout: Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs), connectionsCheckingInterval: CHECK_EVERY_MS }
  }
}

const TOO_MANY = JSON.stringify({
  error: { code: 'TOO_MANY_CONNECTIONS', message: 'this address has too many connections open; reuse connections (keep-alive) or open fewer at once', issues: [] }
})

/**
 * Refuses a connection from an address that already holds `max`: it is answered 503 with Retry-After and closed
 * before its request is read. Counting happens on the raw sockets, so it also bounds connections that never send.
 */
export function limitConnectionsPerClient (server: Server, max: number): void {
  const open = new Map<string, number>()
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown'
    const count = (open.get(address) ?? 0) + 1
    if (count > max) {
      socket.end(`HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json; charset=utf-8\r\nRetry-After: 1\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(TOO_MANY)}\r\n\r\n${TOO_MANY}`)
      socket.destroySoon()
      return
    }
    open.set(address, count)
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1
      if (left === 0) open.delete(address)
      else open.set(address, left)
    })
  })
}
