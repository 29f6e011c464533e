// Errors of the print queue and the printer registry; codes are mapped to statuses in src/http/error-status.ts.
import { LabelworksError } from '../errors.ts'

/** No API key is configured, so printing and the printer admin API are switched off. */
export class PrintingDisabledError extends LabelworksError {
  readonly code = 'PRINTING_DISABLED'

  constructor () {
    super('printing is disabled: the service has no API key configured (set API_KEY)')
  }
}

/** The request carries no API key, or the wrong one. */
export class UnauthorizedError extends LabelworksError {
  readonly code = 'UNAUTHORIZED'

  constructor (reason: string) {
    super(`${reason}; send the key as "Authorization: Bearer <key>" or "X-API-Key: <key>"`, {
      issues: [{ path: 'header.authorization', rule: 'api_key', message: reason }]
    })
  }
}

/** A printer id that is not registered. */
export class PrinterNotFoundError extends LabelworksError {
  readonly code = 'PRINTER_NOT_FOUND'

  constructor (readonly printerId: string, path = 'printer_id') {
    super(`no printer with id "${printerId}"`, { issues: [{ path, rule: 'exists', message: `no printer with id "${printerId}"` }] })
  }
}

/** Adding a printer whose id is taken. */
export class PrinterExistsError extends LabelworksError {
  readonly code = 'PRINTER_EXISTS'

  constructor (readonly printerId: string) {
    super(`a printer with id "${printerId}" already exists; change it with PATCH /v1/printers/${printerId}`, {
      issues: [{ path: 'id', rule: 'unique', message: `"${printerId}" is taken` }]
    })
  }
}

/** Printing to a printer that an operator switched off. */
export class PrinterDisabledError extends LabelworksError {
  readonly code = 'PRINTER_DISABLED'

  constructor (readonly printerId: string) {
    super(`printer "${printerId}" is disabled; enable it with PATCH /v1/printers/${printerId} {"enabled": true}`, {
      issues: [{ path: 'printer_id', rule: 'enabled', message: `printer "${printerId}" is disabled` }]
    })
  }
}

/** A print job id that does not exist. */
export class PrintJobNotFoundError extends LabelworksError {
  readonly code = 'PRINT_JOB_NOT_FOUND'

  constructor (readonly jobId: string) {
    const message = `no print job with id "${jobId}"`
    super(message, { issues: [{ path: 'path.id', rule: 'exists', message }] })
  }
}

/** Canceling a job whose bytes may already be on the printer, or that already ended. */
export class JobNotCancelableError extends LabelworksError {
  readonly code = 'JOB_NOT_CANCELABLE'

  constructor (readonly jobId: string, state: string) {
    const message = `print job "${jobId}" is ${state} and can no longer be canceled`
    super(message, { issues: [{ path: 'path.id', rule: 'cancelable', message: `is ${state}; only a job not yet sent can be canceled` }] })
  }
}

/** The idempotency key was used before for a different request. */
export class IdempotencyConflictError extends LabelworksError {
  readonly code = 'IDEMPOTENCY_CONFLICT'

  constructor (readonly key: string, existingJobId: string) {
    super(`idempotency key "${key}" was already used for job ${existingJobId} with a different request`, {
      issues: [{ path: 'idempotency_key', rule: 'unique', message: 'was used before with a different request; use a new key' }]
    })
  }
}

/** The database that holds the print queue could not be reached (down, restarting, out of connections). */
export class StoreUnavailableError extends LabelworksError {
  readonly code = 'STORE_UNAVAILABLE'

  constructor (cause: unknown) {
    super('the print queue\'s database cannot be reached right now; retry shortly (an Idempotency-Key makes the retry safe)', { cause })
  }
}
