// Vitest's global setup: every temporary folder the suite makes goes under one folder of this run, removed when the
// run ends. Tests make their data folders, databases and files with os.tmpdir(); removing each in each test would
// leave one behind whenever a test fails or forgets, and a suite run often enough would fill the machine's /tmp.
// The folder is named in TMPDIR before the test processes start, so they, and the servers and CLIs they start,
// inherit it.
import { chmodSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'

export default function setup (): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'labelworks-test-'))
  // PostgreSQL runs as its own user (see postgres.ts) and must be able to reach its folder inside this one.
  chmodSync(root, 0o755)
  const before = process.env.TMPDIR
  process.env.TMPDIR = root
  return () => {
    if (before === undefined) delete process.env.TMPDIR
    else process.env.TMPDIR = before
    rmSync(root, { recursive: true, force: true })
  }
}
