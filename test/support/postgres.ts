// A real PostgreSQL server for tests: initdb into a temporary folder, started on a free loopback port, stopped and
// removed afterwards. initdb refuses to run as root, so as root it runs as the `postgres` user (Debian's package
// creates it). Each test gets a database of its own with `newDatabase()`.
import { execFileSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import net from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'
import pg from 'pg'

/** A running server; `url` reaches its `postgres` database as a superuser without a password. */
export interface PostgresServer {
  url: string
  /** A fresh, empty database on the server, as a postgres:// URL. */
  newDatabase (): Promise<string>
  /** Stops the server as a crash or an outage would (in-flight connections are cut); `resume` starts it again. */
  pause (): void
  resume (): void
  stop (): Promise<void>
}

/** The folder holding initdb and pg_ctl, or undefined when PostgreSQL is not installed. */
export function postgresBinDir (): string | undefined {
  const root = '/usr/lib/postgresql'
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : []
  const found = versions.map((v) => path.join(root, v, 'bin')).find((dir) => existsSync(path.join(dir, 'initdb')))
  if (found !== undefined) return found
  try {
    const dir = execFileSync('pg_config', ['--bindir'], { encoding: 'utf8' }).trim()
    return existsSync(path.join(dir, 'initdb')) ? dir : undefined
  } catch {
    return undefined
  }
}

/** Why PostgreSQL tests are skipped here, or undefined when they can run. */
export const POSTGRES_MISSING = postgresBinDir() === undefined
  ? 'PostgreSQL binaries not found (no initdb under /usr/lib/postgresql/*/bin or pg_config --bindir): install Debian\'s postgresql package'
  : undefined

/** A loopback TCP port nothing listens on now. */
export async function freePort (): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

let databases = 0

/** Starts a server in a new temporary folder; throws when PostgreSQL is not installed. `durable`: fsync on (benchmarks). */
export async function startPostgres (options: { durable?: boolean } = {}): Promise<PostgresServer> {
  const bin = postgresBinDir()
  if (bin === undefined) throw new Error(POSTGRES_MISSING)
  const root = mkdtempSync(path.join(tmpdir(), 'lw-pg-'))
  const asRoot = process.getuid?.() === 0
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }))
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }))
    chownSync(root, uid, gid)
  }
  const run = (tool: string, args: string[]): void => {
    const command = asRoot ? ['runuser', ['-u', 'postgres', '--', path.join(bin, tool), ...args]] as const : [path.join(bin, tool), args] as const
    execFileSync(command[0], [...command[1]], { stdio: ['ignore', 'ignore', 'pipe'], cwd: root })
  }
  const data = path.join(root, 'data')
  const port = await freePort()
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync'])
  // fsync off unless asked: a test database need not survive a power cut, and the suite shares two cores.
  const start = (): void => run('pg_ctl', ['-D', data, '-l', path.join(root, 'server.log'), '-w', '-o', `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c fsync=${options.durable === true ? 'on' : 'off'} -c max_connections=200`, 'start'])
  start()
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`
  return {
    url,
    async newDatabase () {
      const name = `t${process.pid}_${++databases}`
      const client = new pg.Client(url)
      await client.connect()
      try {
        await client.query(`CREATE DATABASE ${name}`)
      } finally {
        await client.end()
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`
    },
    pause: () => run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']),
    resume: start,
    async stop () {
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop'])
      } finally {
        rmSync(root, { recursive: true, force: true })
      }
    }
  }
}
