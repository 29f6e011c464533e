// Three real server processes sharing one PostgreSQL queue and ten fake printers: 1,000 jobs submitted round-robin
// to the instances; mid-run the instance holding the most printers is killed with SIGKILL and another is restarted
// with SIGTERM. Nothing accepted is lost, no label arrives twice, each printer gets its labels in submission order,
// and the dead instance's printers are taken over within 15 s.
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { afterAll, describe, expect, it } from 'vitest'
import pg from 'pg'
import { INTERRUPTED_REASON } from '../../src/printing/store.ts'
import { startFakePrinter, type FakePrinter } from '../support/fake-printer.ts'
import { freePort, POSTGRES_MISSING, startPostgres, type PostgresServer } from '../support/postgres.ts'
import { tempDir, waitFor } from './helpers.ts'

const KEY = 'multi-instance-key'
const PRINTERS = 10
const JOBS = 1_000
const label = (p: number, n: number): string => `^XA^FO20,20^FDp${p} n${String(n).padStart(4, '0')}^FS^XZ`

interface Instance { port: number, child: ChildProcess, owner: Promise<string>, exited: Promise<unknown> }

/** Starts src/server.ts as its own process; `owner` resolves to its lease id once its queue has started. */
function startInstance (port: number, databaseUrl: string): Instance {
  const child = spawn(process.execPath, ['--import', 'tsx', new URL('../../src/server.ts', import.meta.url).pathname], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, API_KEY: KEY, DATA_DIR: tempDir(), LOG_LEVEL: 'info', RENDER_WORKERS: '1' },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  const owner = new Promise<string>((resolve) => {
    let text = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      text = (text + chunk.toString('utf8')).slice(-100_000)
      const match = /"instance":"([0-9a-f-]{36})"/.exec(text)
      if (match !== null) resolve(match[1] as string)
    })
  })
  return { port, child, owner, exited: once(child, 'exit') }
}

const api = (port: number, path: string, body?: unknown): Promise<Response> => fetch(`http://127.0.0.1:${port}${path}`, {
  method: body === undefined ? 'GET' : 'POST',
  headers: { authorization: `Bearer ${KEY}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
  body: body === undefined ? undefined : JSON.stringify(body),
  signal: AbortSignal.timeout(10_000)
})

let db: PostgresServer | undefined
const printers: FakePrinter[] = []
const instances: Instance[] = []
afterAll(async () => {
  for (const i of instances) i.child.kill('SIGKILL')
  await Promise.all(instances.map((i) => i.exited))
  for (const p of printers) await p.close()
  await db?.stop()
})

describe.skipIf(POSTGRES_MISSING !== undefined)('three instances, one PostgreSQL queue', () => {
  it('loses nothing, prints nothing twice, keeps each printer\'s order, and takes a dead instance\'s printers over within 15 s', async () => {
    db = await startPostgres()
    const url = await db.newDatabase()
    const started = Date.now()
    for (let p = 0; p < PRINTERS; p++) printers.push(await startFakePrinter({ mode: 'slow', slowDelayMs: 5 }))
    for (let i = 0; i < 3; i++) instances.push(startInstance(await freePort(), url))
    const ports = instances.map((i) => i.port)
    for (const port of ports) await waitFor(async () => (await api(port, '/health/ready').catch(() => undefined))?.status === 200, 90_000, `instance on ${port} ready`)
    const readyMs = Date.now() - started
    for (const [p, printer] of printers.entries()) {
      expect((await api(ports[p % 3] as number, '/v1/printers', { id: `p${p}`, host: printer.host, port: printer.port, dpi: 203 })).status).toBe(201)
    }

    // Each printer's jobs are submitted in order, round-robin over the instances, the printers side by side. A
    // refused or cut-off request goes to the next instance with the same idempotency key, so it is accepted once.
    const dead = new Set<number>()
    const accepted = new Map<string, { p: number, n: number }>()
    const submitter = async (p: number): Promise<void> => {
      for (let n = p; n < JOBS; n += PRINTERS) {
        for (let tries = 0; ; tries++) {
          const port = ports[(n + tries) % 3] as number
          if (dead.has(port)) continue
          const res = await api(port, '/v1/print-jobs', { printer_id: `p${p}`, label: label(p, n), idempotency_key: `job-${n}` }).catch(() => undefined)
          if (res?.status === 202) { accepted.set(((await res.json()) as { job: { id: string } }).job.id, { p, n }); break }
          if (tries > 30) throw new Error(`job ${n} not accepted: ${res?.status ?? 'no answer'}`)
          if (res === undefined) await new Promise((resolve) => setTimeout(resolve, 50))
        }
      }
    }
    const submitted = Promise.all(printers.map((_, p) => submitter(p)))
    const received = (): number => printers.reduce((sum, printer) => sum + printer.labels().length, 0)

    // Mid-run: kill the instance holding the most printers, outright.
    await waitFor(() => received() >= JOBS * 0.25, 60_000, 'a quarter of the labels')
    const client = new pg.Client(url)
    await client.connect()
    const owners = await Promise.all(instances.map((i) => i.owner))
    const leases = (await client.query<{ printer_id: string, owner: string }>('SELECT printer_id, owner FROM printer_leases')).rows
    const victim = owners.map((o, i) => ({ i, held: leases.filter((l) => l.owner === o).map((l) => l.printer_id) })).sort((a,
      b) => b.held.length - a.held.length)[0] as { i: number, held: string[] }
    expect(victim.held.length).toBeGreaterThan(0)
    const killed = instances[victim.i] as Instance
    const before = new Map(victim.held.map((id) => [id, printers[Number(id.slice(1))]?.labels().length ?? 0]))
    dead.add(killed.port)
    const killedAt = Date.now()
    killed.child.kill('SIGKILL')
    await killed.exited

    // Takeover: each printer the dead instance held prints again (its queue still had work), timed from the kill.
    const takeover = new Map<string, number>()
    const takenOver = waitFor(() => {
      for (const [id, count] of before) if (!takeover.has(id) && (printers[Number(id.slice(1))]?.labels().length ?? 0) > count) takeover.set(id,
        Date.now() - killedAt)
      return takeover.size === before.size
    }, 30_000, 'the dead instance\'s printers to print again')

    // Meanwhile another instance is restarted the orderly way: drained by SIGTERM, then started again.
    const restartedIndex = (victim.i + 1) % 3
    const restarted = instances[restartedIndex] as Instance
    dead.add(restarted.port)
    restarted.child.kill('SIGTERM')
    await restarted.exited
    instances[restartedIndex] = startInstance(restarted.port, url)
    await waitFor(async () => (await api(restarted.port, '/health/ready').catch(() => undefined))?.status === 200, 90_000, 'the restarted instance ready')
    dead.delete(restarted.port)
    const restartMs = Date.now() - killedAt
    await takenOver
    await submitted
    const live = instances.filter((i) => i !== killed)
    await waitFor(async () => {
      const open = await client.query("SELECT COUNT(*)::int AS n FROM jobs WHERE state IN ('queued', 'sending')")
      return open.rows[0].n === 0
    }, 60_000, 'every job finished')
    const jobs = (await client.query<{ id: string, state: string, last_error: string | null }>('SELECT id, state, last_error FROM jobs')).rows
    await client.end()

    const slowest = Math.max(...takeover.values())
    console.log(`multi-instance: ${JOBS} jobs, ${jobs.filter((j) => j.state !== 'printed').length} failed "may have printed", instance ${victim.i} killed holding ${victim.held.length} printers, ` +
      `takeover ${[...takeover.values()].sort((a, b) => a - b).join('/')} ms (slowest ${slowest} ms), restart of another ${restartMs} ms, ` +
      `${live.length} instances left; start-up ${readyMs} ms, whole run ${Date.now() - started} ms`)
    // Nothing lost: every accepted job is stored and finished, printed unless it was being written when its instance died.
    expect(accepted.size).toBe(JOBS)
    expect(jobs.length).toBe(JOBS)
    const failed = jobs.filter((j) => j.state !== 'printed')
    for (const j of failed) expect(j).toMatchObject({ state: 'failed', last_error: INTERRUPTED_REASON })
    // At most the label each of its printers was being written when the instance died.
    expect(failed.length).toBeLessThanOrEqual(victim.held.length)
    const mayHavePrinted = new Set(failed.map((j) => accepted.get(j.id)?.n))
    for (const [p, printer] of printers.entries()) {
      const got = printer.labels()
      // Never twice, and in submission order.
      expect(new Set(got).size).toBe(got.length)
      const numbers = got.map((l) => Number(/ n(\d{4})\^FS/.exec(l)?.[1]))
      expect(numbers).toEqual([...numbers].sort((a, b) => a - b))
      const expected = Array.from({ length: JOBS / PRINTERS }, (_, k) => p + k * PRINTERS).filter((n) => !mayHavePrinted.has(n))
      expect(numbers.filter((n) => !mayHavePrinted.has(n))).toEqual(expected)
    }
    expect(slowest).toBeLessThan(15_000)
  }, 180_000)
})
