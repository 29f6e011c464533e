// `npm start`'s server in a process of its own, for the long fuzz and the slow-client load (bench/): a crash is seen
// as the process exiting, and its memory is read from /proc as an operator would.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** A free port on 127.0.0.1 (bound, then released). */
export async function freePort (): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

/** A running server process. */
export interface ServerProcess {
  origin: string
  pid: number
  /** Resident set size now, in MB (VmRSS). */
  rssMb (): number
  /** The exit code or signal if it has exited (a crash), else undefined. */
  exited (): string | undefined
  stop (): Promise<void>
}

/** Starts `node --import tsx src/server.ts` with `env` (plus a temp DATA_DIR and a free PORT), ready when /health answers. */
export async function startServerProcess (env: Record<string, string>, printers: { id: string, host: string, port: number }[] = []): Promise<ServerProcess> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'lw-bench-'))
  const port = await freePort()
  const printersFile = path.join(dataDir, 'printers.json')
  writeFileSync(printersFile, JSON.stringify({ printers: printers.map((p) => ({ ...p, dpi: 203 })) }))
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'warn', ...env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, PRINTERS_FILE: printersFile },
    stdio: ['ignore', process.env.FUZZ_SERVER_LOG === undefined ? 'ignore' : 'inherit', 'inherit']
  })
  let exit: string | undefined
  child.on('exit', (code, signal) => { exit = `exit ${code ?? ''} ${signal ?? ''}`.trim() })
  // A benchmark that fails must not leave its server running.
  process.once('exit', () => { if (exit === undefined) child.kill('SIGKILL') })
  const origin = `http://127.0.0.1:${port}`
  const end = Date.now() + 120_000
  for (;;) {
    if (exit !== undefined) throw new Error(`server exited during start-up: ${exit}`)
    if (Date.now() > end) throw new Error('server did not answer /health within 120 s')
    // Refused until it listens.
    const ready = await fetch(`${origin}/health`).then((res) => res.ok, () => false)
    if (ready) break
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  const pid = child.pid as number
  return {
    origin,
    pid,
    rssMb () {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8')
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
    },
    exited: () => exit,
    stop: () => new Promise((resolve) => {
      if (exit !== undefined) { resolve(); return }
      child.once('exit', () => resolve())
      child.kill('SIGTERM')
    })
  }
}
