// On a small box the server and the load generator share the cores: left to the scheduler they trade places and
// every round measures a different mix. With util-linux's taskset each gets a core of its own (server CPU 0,
// generator CPU 1), which narrows the spread between rounds. BENCH_PIN=0, one core or no taskset: not pinned.
import { spawnSync } from 'node:child_process'
import { availableParallelism } from 'node:os'

/** How the HTTP benchmark's two processes are placed. */
export interface Pinning {
  /** Prefix for spawning the server: `['taskset', '-c', '0']`, or empty when not pinned. */
  serverPrefix: string[]
  /** What the report says about it. */
  description: string
  /**
   * The CPU for the server's label-archive writer thread, or undefined to leave it with the server. On CPU 1 by default:
   * the writer exists so that commits run beside the event loop, which on a server of two cores or more they do; on the
   * server's one pinned core the scheduler would slice the event loop to run them. BENCH_ARCHIVE_WRITER=server keeps it there.
   */
  writerCpu?: number
}

/** Pins this process (every thread) to CPU 1 and returns how to start the server on CPU 0. */
export function pinServerAndGenerator (): Pinning {
  const unpinned = (why: string): Pinning => ({ serverPrefix: [], description: `not pinned (${why})` })
  if (process.env.BENCH_PIN === '0') return unpinned('BENCH_PIN=0')
  if (availableParallelism() < 2) return unpinned('one core')
  const self = spawnSync('taskset', ['-a', '-p', '-c', '1', String(process.pid)], { stdio: 'ignore' })
  if (self.error !== undefined || self.status !== 0) return unpinned('taskset is not available')
  if (process.env.BENCH_ARCHIVE_WRITER === 'server') {
    return { serverPrefix: ['taskset', '-c', '0'], description: 'server pinned to CPU 0 with its archive writer thread, load generator to CPU 1' }
  }
  return { serverPrefix: ['taskset', '-c', '0'], description: 'server pinned to CPU 0, its archive writer thread and the load generator to CPU 1', writerCpu: 1 }
}
