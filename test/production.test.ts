// The production run as the README starts it: `npm start` compiles src/ to dist/ when it is missing or stale and
// runs the compiled server with plain Node, and a process manager's SIGTERM to npm stops the server with it.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { tempDir } from './printing/helpers.ts'

const ROOT = new URL('..', import.meta.url).pathname
const RECORD = readFileSync(new URL('../bench/fixtures/generic-record.json', import.meta.url))

function alive (pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe('npm start', () => {
  it('serves from dist/ without tsx, draws PNG labels on its compiled worker, archives them on its compiled writer thread, and stops with npm on SIGTERM', async () => {
    const npm = spawn('npm', ['start'], {
      cwd: ROOT,
      env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', RENDER_WORKERS: '1', DATA_DIR: tempDir() },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    const timer = setTimeout(() => npm.kill('SIGKILL'), 170_000)
    let log = ''
    npm.stdout.on('data', (chunk: Buffer) => { log += chunk.toString() })
    npm.stderr.on('data', (chunk: Buffer) => { log += chunk.toString() })
    let server: number | undefined
    try {
      let listening: RegExpExecArray | null = null
      while ((listening = /"pid":(\d+).*"Server listening at (http:\/\/127\.0\.0\.1:\d+)"/.exec(log)) === null) {
        if (npm.exitCode !== null) throw new Error(`npm start exited with ${npm.exitCode}:\n${log}`)
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
      const [, pid, url] = listening as unknown as [string, string, string]
      server = Number(pid)
      expect(existsSync(`${ROOT}dist/server.js`)).toBe(true)
      if (existsSync(`/proc/${pid}/cmdline`)) {
        expect(readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean)).toEqual(['node', 'dist/server.js'])
      }
      const png = await fetch(`${url}/v1/labels?format=png`, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'image/png' }, body: RECORD })
      expect(png.status).toBe(200)
      const bytes = Buffer.from(await png.arrayBuffer())
      expect(bytes.subarray(1, 4).toString()).toBe('PNG')
      // The label archive's compiled writer thread kept it: the label comes again by its id once the search sees it.
      const id = png.headers.get('x-label-id') as string
      const search = await fetch(`${url}/v1/labels?limit=1`)
      expect((await search.json() as { labels: { label_id: string }[] }).labels.map((l) => l.label_id)).toEqual([id])
      const again = await fetch(`${url}/v1/labels/${id}`, { headers: { accept: 'image/png' } })
      expect(Buffer.from(await again.arrayBuffer()).equals(bytes)).toBe(true)

      npm.kill('SIGTERM')
      await once(npm, 'exit')
      const deadline = Date.now() + 15_000
      while (alive(server) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100))
      expect(alive(server), 'the server outlived npm').toBe(false)
      expect(log).toContain('"signal":"SIGTERM","msg":"shutting down"')
    } finally {
      clearTimeout(timer)
      npm.kill('SIGKILL')
      if (server !== undefined && alive(server)) process.kill(server, 'SIGKILL')
    }
  }, 180_000)
})
