// The one place that maps error codes to HTTP statuses. Codes not listed are internal failures (500).
export const STATUS_BY_CODE: Readonly<Record<string, number>> = {
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
  NOT_FOUND: 404
}

/** Status for an error code; 500 for anything unknown. */
export function statusForCode (code: string | undefined): number {
  return (code !== undefined && STATUS_BY_CODE[code]) || 500
}
