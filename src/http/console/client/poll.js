// Live updates by polling: soon again after a change, less and less often while nothing changes or the service does
// not answer, and not at all while the tab is hidden (a station's screen left on another tab costs nothing).
/* global document, setTimeout, clearTimeout */

/**
 * Runs `task` until stopped. `task` says whether what it fetched `changed`; a thrown error backs off twice as fast.
 * @param {() => Promise<'changed' | 'same'>} task
 * @param {{ minMs: number, maxMs: number }} timing
 */
export function poll (task, timing) {
  let delay = timing.minMs
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer
  let running = false
  let again = false
  let stopped = false

  async function run () {
    timer = undefined
    if (stopped || document.hidden) return
    running = true
    let outcome
    try {
      outcome = await task()
    } catch {
      outcome = 'error'
    }
    running = false
    delay = outcome === 'changed' ? timing.minMs : Math.min(timing.maxMs, Math.round(delay * (outcome === 'error' ? 2 : 1.5)))
    schedule(again ? 0 : delay)
    again = false
  }

  /** @param {number} ms */
  function schedule (ms) {
    if (stopped || running || timer !== undefined) return
    timer = setTimeout(() => { void run() }, ms)
  }

  function now () {
    delay = timing.minMs
    if (running) { again = true; return }
    clearTimeout(timer)
    timer = undefined
    schedule(0)
  }

  const onVisibility = () => { if (!document.hidden) now() }
  document.addEventListener('visibilitychange', onVisibility)
  schedule(0)
  return {
    /** Runs the task at once (or right after the run in progress), and polls at the fastest pace again. */
    now,
    stop () {
      stopped = true
      clearTimeout(timer)
      document.removeEventListener('visibilitychange', onVisibility)
    }
  }
}
