/** Something worth logging happened to a job (the queue and its workers report these). */
export interface QueueEvent {
  /**
   * `stalled`: the printer's loop stopped on a storage error (no job); it looks again after a poll interval.
   * `held` comes once when a job becomes held (or the fault changes), `released` once when it stops being held.
   */
  type: 'printed' | 'failed' | 'retry' | 'held' | 'released' | 'canceled' | 'recovered' | 'stalled'
  jobId?: string
  printerId: string
  detail?: string
}
