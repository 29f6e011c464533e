// The one place that maps error codes to HTTP statuses. Codes not listed are internal failures (500).
export const STATUS_BY_CODE: Readonly<Record<string, number>> = {
  // Requests and labels
  VALIDATION_FAILED: 400,
  UNSUPPORTED_CHARACTER: 422,
  UNKNOWN_TEMPLATE: 400,
  BARCODE_TOO_LONG: 422,
  LAYOUT_OVERFLOW: 422,
  INVALID_BARCODE_DATA: 422,
  UNSUPPORTED_MEDIA_TYPE: 415,
  NOT_ACCEPTABLE: 406,
  BODY_TOO_LARGE: 413,
  INVALID_JSON: 400,
  NOT_FOUND: 404,
  // Records
  MISSING_TRACKING_CODE: 422,
  INVALID_TRACKING_CODE: 422,
  CARRIER_RULE_VIOLATION: 422,
  RECORD_SHAPE_UNKNOWN: 422,
  RECORD_SHAPE_AMBIGUOUS: 422,
  // Local rendering and the Labelary client
  RENDER_FAILED: 502,
  RENDER_TIMEOUT: 504,
  RENDERER_UNAVAILABLE: 503,
  LABELARY_REJECTED: 502,
  LABELARY_UNAVAILABLE: 502,
  LABELARY_TIMEOUT: 504,
  LABELARY_RATE_LIMITED: 503,
  // Printing
  UNAUTHORIZED: 401,
  PRINTING_DISABLED: 503,
  PRINTER_NOT_FOUND: 404,
  PRINTER_EXISTS: 409,
  PRINTER_DISABLED: 409,
  PRINT_JOB_NOT_FOUND: 404,
  JOB_NOT_CANCELABLE: 409,
  IDEMPOTENCY_CONFLICT: 409
}

/** Status for an error code; 500 for anything unknown. */
export function statusForCode (code: string | undefined): number {
  return (code !== undefined && STATUS_BY_CODE[code]) || 500
}
