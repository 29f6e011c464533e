// A token bucket shared by every request of a client (retries included). Labelary allows a few requests per
// second per client; a burst of 1 spaces requests evenly, so no one-second window ever holds more than the rate.

/** Waits until a request may start. */
export interface RateLimiter {
  take (): Promise<void>
}

/** `ratePerSecond` tokens per second, at most `burst` saved up. */
export function createRateLimiter (ratePerSecond: number, burst = 1): RateLimiter {
  const intervalMs = 1000 / ratePerSecond
  let tokens = burst
  let refilledAt = performance.now()
  // Callers are served in order: each waits for the one before it.
  let queue: Promise<void> = Promise.resolve()

  function refill (): void {
    const now = performance.now()
    tokens = Math.min(burst, tokens + (now - refilledAt) / intervalMs)
    refilledAt = now
  }

  async function takeInOrder (): Promise<void> {
    refill()
    if (tokens < 1) {
      await new Promise((resolve) => setTimeout(resolve, Math.ceil((1 - tokens) * intervalMs)))
      refill()
    }
    tokens = Math.max(0, tokens - 1)
  }

  return {
    take () {
      const turn = queue.then(takeInOrder)
      queue = turn.catch(() => undefined)
      return turn
    }
  }
}
