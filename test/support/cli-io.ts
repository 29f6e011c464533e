// Test support: a CLI io whose output is kept for the test to read.
import type { CliIo } from '../../src/cli/io.ts'

/** An io over `env` with empty stdin; `out()` and `err()` are what the command wrote so far. */
export function capture (env: Record<string, string | undefined>): { io: CliIo, out: () => string, err: () => string } {
  let out = ''
  let err = ''
  const io: CliIo = {
    stdin: (async function* () {})(),
    stdout: { write: (chunk: string | Uint8Array) => { out += chunk.toString() } },
    stderr: { write: (chunk: string) => { err += chunk } },
    env
  }
  return { io, out: () => out, err: () => err }
}
