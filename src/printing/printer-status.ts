// The last status each printer reported: kept in memory for this instance's status answers, and in the store so
// that every instance (its status endpoint and its metrics) sees what the instance that talks to a printer saw.
import type { StatusProbe } from './sender.ts'
import type { PrintStore, StoredStatus } from './store.ts'

/** What a probe says in one word or the fault list: `ready`, `unreachable`, `silent`, or e.g. `paper out`. */
export function statusSummary (probe: StatusProbe): string {
  if (!probe.reachable) return 'unreachable'
  if (probe.status === null) return 'silent'
  return probe.status.faults.length === 0 ? 'ready' : probe.status.faults.join(', ')
}

/** A stored status is written again, unchanged, at most this often (it is written at once when it changes). */
const REFRESH_MS = 15_000

export function createStatusBook (store: PrintStore, onError: (printerId: string, err: unknown) => void) {
  const last = new Map<string, StatusProbe>()
  const written = new Map<string, { summary: string, at: number }>()

  return {
    /** The probe this instance saw last, if any. */
    seen: (printerId: string): StatusProbe | undefined => last.get(printerId),
    forget (printerId: string): void {
      last.delete(printerId)
      written.delete(printerId)
    },
    /** Keeps `probe`, and stores it when its summary changed or the stored one is getting old. */
    record (printerId: string, probe: StatusProbe): void {
      last.set(printerId, probe)
      const summary = statusSummary(probe)
      const before = written.get(printerId)
      if (before !== undefined && before.summary === summary && probe.checkedAt - before.at < REFRESH_MS) return
      written.set(printerId, { summary, at: probe.checkedAt })
      const stored: StoredStatus = { printerId, summary, probe: JSON.stringify(probe), checkedAt: probe.checkedAt }
      store.setStatus(stored).catch((err: unknown) => { written.delete(printerId); onError(printerId, err) })
    },
    /** The probe any instance stored last for the printer. */
    async stored (printerId: string): Promise<StatusProbe | undefined> {
      const found = (await store.statuses()).find((s) => s.printerId === printerId)
      return found === undefined ? undefined : JSON.parse(found.probe) as StatusProbe
    }
  }
}
