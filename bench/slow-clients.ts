// Slow clients alongside real load: 64 connections making labels for 60 s alone, then 60 s again with 200 slow
// clients connected from their own loopback addresses (127.0.0.2…) to `npm start`'s server in its own process.
// The slow clients trickle headers a byte at a time, stall partway through a body, or never read their answer;
// each reconnects when the server closes it, so 200 stay connected. Reports errors and latency of the load in
// both runs, and how many slow connections the server's timeouts closed.
// SLOW_SECONDS (default 60), SLOW_CLIENTS (default 200), SLOW_CONNECTIONS (default 64).
import net from 'node:net'
import { readFileSync } from 'node:fs'
import { startServerProcess } from '../test/fuzz/server-process.ts'
import { runLoad } from './http-load.ts'

const SECONDS = Number(process.env.SLOW_SECONDS ?? 60)
const SLOW = Number(process.env.SLOW_CLIENTS ?? 200)
const CONNECTIONS = Number(process.env.SLOW_CONNECTIONS ?? 64)
const record = readFileSync(new URL('./fixtures/generic-record.json', import.meta.url), 'utf8')

const server = await startServerProcess({})
const port = Number(new URL(server.origin).port)
const load = { origin: server.origin, path: '/v1/labels', method: 'POST' as const, body: record, headers: { 'content-type': 'application/json' }, connections: CONNECTIONS }

type Style = 'trickle-headers' | 'stall-body' | 'never-read'
const stats = { opened: 0, closedByServer: 0, answered408: 0 }
let stopping = false
const sockets = new Set<net.Socket>()

/** One slow client from its own address; opens again after the server closes it. */
function slowClient (index: number, style: Style): void {
  if (stopping) return
  const socket = net.connect({ port, host: '127.0.0.1', localAddress: `127.0.${1 + Math.floor((index + 1) / 250)}.${2 + ((index + 1) % 250)}` })
  sockets.add(socket)
  stats.opened++
  const timers: NodeJS.Timeout[] = []
  socket.on('connect', () => {
    if (style === 'trickle-headers') {
      const head = `POST /v1/labels HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${record.length}\r\n${'X-Slow: y\r\n'.repeat(50)}\r\n`
      let at = 0
      timers.push(setInterval(() => { if (at < head.length) socket.write(head[at++] as string) }, 1_000))
    } else if (style === 'stall-body') {
      socket.write(`POST /v1/labels HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${record.length}\r\n\r\n${record.slice(0, 100)}`)
    } else {
      // Asks for labels back to back on one connection and never reads an answer.
      socket.pause()
      const one = `POST /v1/labels?format=pdf HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${record.length}\r\n\r\n${record}`
      socket.write(one.repeat(20))
    }
  })
  socket.on('data', (chunk: Buffer) => { if (chunk.toString('latin1', 0, 12) === 'HTTP/1.1 408') stats.answered408++ })
  socket.on('error', () => {})
  socket.on('close', () => {
    for (const t of timers) clearInterval(t)
    sockets.delete(socket)
    if (!stopping) {
      stats.closedByServer++
      setTimeout(() => slowClient(index, style), 100)
    }
  })
}

console.log(`server ${server.origin} (pid ${server.pid}), RSS ${server.rssMb().toFixed(0)} MB; warming up`)
await runLoad({ ...load, seconds: 5 })
const alone = await runLoad({ ...load, seconds: SECONDS })
console.log(`load alone:            ${alone.requests} requests, ${alone.errors} errors, ${alone.perSecond.toFixed(0)} req/s, p50 ${alone.p50Ms.toFixed(1)} ms, p99 ${alone.p99Ms.toFixed(1)} ms, RSS ${server.rssMb().toFixed(0)} MB`)

const styles: Style[] = ['trickle-headers', 'stall-body', 'never-read']
for (let i = 0; i < SLOW; i++) slowClient(i, styles[i % styles.length] as Style)
await new Promise((resolve) => setTimeout(resolve, 2_000))
let withSlow
try {
  withSlow = await runLoad({ ...load, seconds: SECONDS })
} finally {
  stopping = true
  for (const s of sockets) s.destroy()
}
console.log(`with ${SLOW} slow clients: ${withSlow.requests} requests, ${withSlow.errors} errors, ${withSlow.perSecond.toFixed(0)} req/s, p50 ${withSlow.p50Ms.toFixed(1)} ms, p99 ${withSlow.p99Ms.toFixed(1)} ms, RSS ${server.rssMb().toFixed(0)} MB`)
console.log(`slow connections opened ${stats.opened}, closed by the server ${stats.closedByServer} (${stats.answered408} with 408); p99 ratio ${(withSlow.p99Ms / alone.p99Ms).toFixed(2)}x; server ${server.exited() ?? 'still running'}`)
await server.stop()
process.exit(withSlow.errors === 0 && alone.errors === 0 && withSlow.p99Ms <= 2 * alone.p99Ms ? 0 : 1)
