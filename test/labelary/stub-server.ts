// A real HTTP server on 127.0.0.1 (port 0) whose answers a test scripts, recording what the client sent.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

/** One request as the server saw it. */
export interface SeenRequest {
  method: string
  url: string
  headers: IncomingMessage['headers']
  body: string
  /** performance.now() when the request arrived. */
  at: number
}

/** Answers request number `n` (0-based); may leave `res` open to simulate a hung server. */
export type StubHandler = (req: SeenRequest, res: ServerResponse, n: number) => void | Promise<void>

/** A listening stub; `close()` also destroys hung connections. */
export interface StubServer {
  url: string
  requests: SeenRequest[]
  close (): Promise<void>
}

export async function startStub (handler: StubHandler): Promise<StubServer> {
  const requests: SeenRequest[] = []
  const sockets = new Set<Socket>()
  const server = createServer((req, res) => {
    const at = performance.now()
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      const seen = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at }
      requests.push(seen)
      void Promise.resolve(handler(seen, res, requests.length - 1)).catch((err: unknown) => {
        res.statusCode = 500
        res.end(String(err))
      })
    })
  })
  server.on('connection', (s) => {
    sockets.add(s)
    s.on('close', () => sockets.delete(s))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy()
      server.close(() => resolve())
    })
  }
}

/** Labels (^XA…^XZ) in a request body. */
export function labelCount (body: string): number {
  return (body.match(/\^XA/gi) ?? []).length
}

/** A tiny but valid-looking PNG body (signature + marker), enough for the client's checks. */
export function fakePng (marker: string): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from(marker)])
}
