// The HTTP benchmarks' server: bench/http-target.ts, serving the compiled build (dist/), in a child process (pinned
// to CPU 0 when it can be, see pinning.ts), the ports of its apps, and its CPU time so far, so each run is charged the server CPU it used.
import { execFileSync, spawn } from 'node:child_process'
import { createInterface } from 'node:readline'
import { runLoad, type LoadOptions } from './http-load.ts'
import { pinServerAndGenerator } from './pinning.ts'

/** The ports of http-target.ts's apps. */
export interface TargetPorts { bare: number, app: number, glue: number, archived: number, archivedTimed: number, noConsole: number }

/** How long the timed archived app's writes held the event loop (see http-target.ts). */
export type ArchiveHeld = Record<'put' | 'handOver' | 'control', {
  n: number
  p99Ms: number
  maxMs: number
  over1Ms: number
  /** Holds over 1 ms once the garbage collector's pauses inside them are taken out, and the longest such rest. */
  over1MsOutsideGc: number
  maxOutsideGcMs: number
  /**
   * Holds over 1 ms in which the thread worked (did not wait for a CPU; garbage collection counts as work) for over
   * 1 ms, and the longest such work: by the kernel's scheduler statistics (NaN where the kernel keeps none).
   */
  over1MsWorking: number
  maxWorkingMs: number
  /** Of all holds over 1 ms together: their time, and the thread's time waiting for a CPU in them. */
  longMs: number
  longWaitedMs: number
}> & { labels: number }

/** One timed load run: requests per second, and CPU per request of the server and of this load generator. */
export interface Sample { requests: number, perSecond: number, serverUs: number, clientUs: number, errors: number, p99Ms: number }

export interface TargetProcess {
  ports: TargetPorts
  /** How the server and the generator are placed on the cores, for the report. */
  pinning: string
  /** Runs `target` for `seconds` with `connections` in flight. */
  measure (target: Omit<LoadOptions, 'seconds' | 'connections'>, seconds: number, connections: number): Promise<Sample>
  /** The archive's event-loop holds since the last report. */
  archiveReport (): Promise<ArchiveHeld>
  stop (): void
}

export async function startTargetProcess (): Promise<TargetProcess> {
  // The target serves the compiled build (see http-target.ts): brought up to date as `npm start` does.
  execFileSync(process.execPath, [new URL('../scripts/build.js', import.meta.url).pathname, '--if-stale'], { stdio: 'inherit' })
  const pinning = pinServerAndGenerator()
  const [command = process.execPath, ...prefixArgs] = [...pinning.serverPrefix, process.execPath]
  const child = spawn(command, [...prefixArgs, '--import', 'tsx', new URL('./http-target.ts', import.meta.url).pathname], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, BENCH_WRITER_CPU: pinning.writerCpu === undefined ? '' : String(pinning.writerCpu) }
  })
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]()
  const nextLine = async (): Promise<string> => String((await lines.next()).value)
  const ports = JSON.parse(await nextLine()) as TargetPorts
  async function serverCpuUs (): Promise<number> {
    child.stdin.write('cpu\n')
    return (JSON.parse(await nextLine()) as { cpuUs: number }).cpuUs
  }
  return {
    ports,
    pinning: pinning.description,
    async measure (target, seconds, connections) {
      const cpu0 = await serverCpuUs()
      const r = await runLoad({ ...target, connections, seconds })
      const serverUs = (await serverCpuUs() - cpu0) / Math.max(1, r.requests)
      return { requests: r.requests, perSecond: r.perSecond, serverUs, clientUs: r.clientCpuUsPerRequest, errors: r.errors, p99Ms: r.p99Ms }
    },
    async archiveReport () {
      child.stdin.write('archive\n')
      return JSON.parse(await nextLine()) as ArchiveHeld
    },
    stop: () => { child.kill('SIGTERM') }
  }
}

export const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  const mid = Math.floor(s.length / 2)
  return s.length % 2 === 1 ? s[mid] as number : ((s[mid - 1] as number) + (s[mid] as number)) / 2
}
