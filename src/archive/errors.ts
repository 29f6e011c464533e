// Errors of the label archive; codes are mapped to statuses in src/http/error-status.ts.
import { LabelworksError } from '../errors.ts'

/** No archived label has this id: never made, made with storing off, or pruned after the retention period. */
export class LabelNotFoundError extends LabelworksError {
  readonly code = 'LABEL_NOT_FOUND'

  constructor (readonly labelId: string, path = 'path.id') {
    const message = `no archived label with id "${labelId}" (never made here, made with store: false, or older than the retention period)`
    super(message, { issues: [{ path, rule: 'exists', message: 'names no archived label' }] })
  }
}

/** An Idempotency-Key used before for a different label request. */
export class LabelIdempotencyConflictError extends LabelworksError {
  readonly code = 'IDEMPOTENCY_CONFLICT'

  constructor (readonly key: string, existingLabelId: string) {
    super(`idempotency key "${key}" was already used for label ${existingLabelId} with a different request`, {
      issues: [{ path: 'header.idempotency-key', rule: 'unique', message: 'was used before with a different request; use a new key' }]
    })
  }
}

/**
 * No tracking code could be made now: the next block of counter values, reserved ahead in the shared database, has not
 * arrived (the database is unreachable, or codes were asked for faster than a block a round trip).
 */
export class TrackingCodesUnavailableError extends LabelworksError {
  readonly code = 'TRACKING_CODES_UNAVAILABLE'

  constructor (cause?: unknown) {
    super('no tracking code can be generated right now: the database that hands out their counter values did not answer; retry shortly',
      { cause, issues: [{ path: 'record.generate_tracking_code', rule: 'available', message: 'cannot be generated right now' }] })
  }
}

/** The database that holds the archive could not be reached (down, restarting, out of connections). */
export class ArchiveUnavailableError extends LabelworksError {
  readonly code = 'ARCHIVE_UNAVAILABLE'

  constructor (cause: unknown) {
    super('the label archive cannot be reached right now; retry shortly (an Idempotency-Key makes the retry safe)', { cause })
  }
}
