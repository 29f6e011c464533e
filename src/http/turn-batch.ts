// Requests that arrive in one turn of the event loop are worked on together once that turn's input has been read:
// the HTTP code parses every request the poll phase delivered, then their labels are made one after another, then
// the answers are sent one after another. Made back to back, a label finds its code and data still in the CPU's
// caches; made between two requests' HTTP parsing, the same label costs up to twice its in-process time (see
// docs/benchmarks.md). The work per request is the same; only its order changes.

/** What is done with each job of a turn. */
export interface TurnWork<Job, Result> {
  /** Makes a job's result; runs for a slice of jobs before any of them is delivered. */
  prepare: (job: Job) => Result
  /** Sends a job's result. */
  deliver: (job: Job, result: Result) => void
  /** Called instead of `deliver` when `prepare` or `deliver` threw; must answer the job and must not throw. */
  fail: (job: Job, error: unknown) => void
}

/**
 * The default slice: long enough that the label code stays warm, short enough that the first request of a full
 * poll phase is not kept waiting for every label of it (32 labels ≈ 1 ms on a slow machine).
 */
export const TURN_SLICE = 32

/**
 * Returns `add(job)`: jobs added during one turn are prepared and delivered after its poll phase (setImmediate), in
 * the order they came, `slice` at a time. Every job is answered exactly once through `deliver` or `fail`, whatever
 * another job threw.
 */
export function batchPerTurn<Job, Result> (work: TurnWork<Job, Result>, slice = TURN_SLICE): (job: Job) => void {
  let queue: Job[] = []

  function runSlice (jobs: readonly Job[]): void {
    const results: Result[] = []
    const errors = new Map<number, unknown>()
    jobs.forEach((job, i) => {
      try {
        results[i] = work.prepare(job)
      } catch (err) {
        errors.set(i, err)
      }
    })
    jobs.forEach((job, i) => {
      if (errors.has(i)) {
        work.fail(job, errors.get(i))
        return
      }
      try {
        work.deliver(job, results[i] as Result)
      } catch (err) {
        work.fail(job, err)
      }
    })
  }

  function runTurn (): void {
    // Jobs added while this turn's jobs run (a deliver that queues more) wait for the next turn.
    const jobs = queue
    queue = []
    for (let start = 0; start < jobs.length; start += slice) runSlice(jobs.slice(start, start + slice))
  }

  return (job) => {
    queue.push(job)
    if (queue.length === 1) setImmediate(runTurn)
  }
}
