// What keeping a label in the SQLite archive costs: N distinct labels (font-mode ZPL of bench/varied-records.ts, made
// before the clock starts) put into a fresh archive in groups of BATCH, one group per turn of the event loop, as the
// label routes put a turn's labels without waiting for the writes; the run ends when every put has been committed.
// Prints wall time and process CPU per label (both threads: the event loop's put and hand-over, the writer thread's
// insert and commit), the main thread's CPU alone (puts, hand-overs and the writer's answers; read from
// /proc/thread-self/stat in 10 ms ticks, so runs of a few hundred ms are good to a few per cent), and how long the
// puts held the caller.
// ARCHIVE_LABELS (default 20000), ARCHIVE_BATCHES (comma-separated group sizes, default 5,20,200).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { newLabelId, type ArchivedLabel } from '../src/archive/label-archive.ts'
import { openSqliteArchive } from '../src/archive/sqlite-archive.ts'
import { loadLabelService } from '../src/bootstrap.ts'
import { loadConfig } from '../src/config.ts'
import { variedRecord } from './varied-records.ts'

const count = Number(process.env.ARCHIVE_LABELS ?? 20_000)
const batches = (process.env.ARCHIVE_BATCHES ?? '5,20,200').split(',').map(Number)
const service = loadLabelService(loadConfig({ LOG_LEVEL: 'silent' }))
const labels: ArchivedLabel[] = Array.from({ length: count }, (_, i) => {
  const { zpl: _zpl, ...facts } = service.renderZpl({ record: variedRecord(i), source: 'generic', dpi: 203, text: 'font' })
  return { id: newLabelId(), createdAt: Date.now(), trackingCode: facts.trackingCode, source: facts.source, data: facts.data, options: { template: 'standard', format: 'zpl', dpi: 203 }, warnings: facts.warnings }
})

/** The main thread's CPU time so far in ms (user and system clock ticks of 10 ms), NaN where /proc has none. */
function mainThreadMs (): number {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    return (Number(fields[11]) + Number(fields[12])) * 10
  } catch {
    return Number.NaN
  }
}

for (const batch of batches) {
  const dir = mkdtempSync(path.join(tmpdir(), 'lw-archive-bench-'))
  const archive = openSqliteArchive(dir)
  const cpu0 = process.cpuUsage()
  const main0 = mainThreadMs()
  const start = performance.now()
  let held = 0
  const puts: Promise<unknown>[] = []
  for (let i = 0; i < count; i += batch) {
    const putStart = performance.now()
    for (const label of labels.slice(i, i + batch)) puts.push(archive.put(label))
    held += performance.now() - putStart
    await new Promise<void>((resolve) => { setImmediate(resolve) })
  }
  await Promise.all(puts)
  const wall = performance.now() - start
  const cpu = process.cpuUsage(cpu0)
  const mainMs = mainThreadMs() - main0
  await archive.close()
  rmSync(dir, { recursive: true, force: true })
  console.log(`${count} labels in groups of ${String(batch).padStart(3)}: ${(wall * 1000 / count).toFixed(1)} µs/label wall, ` +
    `${((cpu.user + cpu.system) / count).toFixed(1)} µs/label process CPU (system ${(cpu.system / count).toFixed(1)}), ` +
    `main thread ${(mainMs * 1000 / count).toFixed(1)} µs/label, puts held the caller ${(held * 1000 / count).toFixed(1)} µs/label`)
}
