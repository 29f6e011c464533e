// The real entry point, started as a user would, on a port another process holds: a one-line reason and exit 1,
// not a stack trace.
import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process'
import { once } from 'node:events'
import { connect, createServer } from 'node:net'
import { describe, expect, it } from 'vitest'
import { listenFailure } from '../src/bootstrap.ts'
import { tempDir } from './printing/helpers.ts'

/** A port bound by a listener of our own, open or closed again. */
async function heldPort (): Promise<{ port: number, holder: ReturnType<typeof createServer> }> {
  const holder = createServer()
  holder.listen(0, '127.0.0.1')
  await once(holder, 'listening')
  return { port: (holder.address() as { port: number }).port, holder }
}

/** `npm start` as a child on `port`, one render worker and a fresh data directory; `env` adds or overrides settings. */
function startServer (port: number, env: Record<string, string>, stdio: StdioOptions): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', new URL('../src/server.ts', import.meta.url).pathname], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'silent', RENDER_WORKERS: '1', DATA_DIR: tempDir(), ...env },
    stdio
  })
}

describe('src/server.ts', () => {
  it('stops with exit code 1 and one line naming the address when the port is taken', async () => {
    const { port, holder } = await heldPort()
    try {
      const child = startServer(port, {}, ['ignore', 'ignore', 'pipe'])
      let stderr = ''
      child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString() })
      const timer = setTimeout(() => child.kill('SIGKILL'), 30_000)
      const [code] = await once(child, 'exit') as [number | null]
      clearTimeout(timer)
      expect(code).toBe(1)
      expect(stderr.trim()).toBe(`labelworks cannot start: cannot listen on 127.0.0.1:${port}: the port is already in use (EADDRINUSE); stop the other process or set PORT`)
    } finally {
      holder.close()
    }
  })
})

describe('shutdown', () => {
  it('closes connections still open after SHUTDOWN_GRACE_MS, so a client that never finishes its body cannot hold it', async () => {
    const { port, holder } = await heldPort()
    await new Promise((resolve) => holder.close(resolve))
    const child = startServer(port, { LOG_LEVEL: 'info', SHUTDOWN_GRACE_MS: '300' }, ['ignore', 'pipe', 'ignore'])
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000)
    try {
      let log = ''
      child.stdout?.on('data', (chunk: Buffer) => { log += chunk.toString() })
      while (!log.includes('Server listening')) await new Promise((resolve) => setTimeout(resolve, 50))
      // Headers and 10 of the 1,000 body bytes announced: the request stays in flight until the server gives up on it.
      const client = connect(port, '127.0.0.1')
      await once(client, 'connect')
      client.write('POST /v1/labels HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"record":')
      client.on('error', () => {})
      await new Promise((resolve) => setTimeout(resolve, 200))
      const started = Date.now()
      child.kill('SIGTERM')
      const [code] = await once(child, 'exit') as [number | null]
      expect(code).toBe(0)
      // Node's own limit for a request's body is 300 s; the grace period is what ended it.
      expect(Date.now() - started).toBeLessThan(20_000)
      expect(log).toContain('closing connections still open after the shutdown grace period')
      client.destroy()
    } finally {
      clearTimeout(timer)
    }
  }, 70_000)
})

describe('listenFailure', () => {
  it('says what to change for the errors an operator meets', () => {
    const failure = (code: string): string => listenFailure(Object.assign(new Error(`listen ${code}`), { code }), '10.0.0.9', 80)
    expect(failure('EACCES')).toBe('cannot listen on 10.0.0.9:80: not permitted (EACCES); ports below 1024 need privileges, set PORT')
    expect(failure('EADDRNOTAVAIL')).toBe('cannot listen on 10.0.0.9:80: HOST is not an address of this machine (EADDRNOTAVAIL)')
    expect(failure('ENOTFOUND')).toBe('cannot listen on 10.0.0.9:80: HOST does not resolve (ENOTFOUND)')
    expect(failure('EOTHER')).toBe('cannot listen on 10.0.0.9:80: listen EOTHER')
  })
})
