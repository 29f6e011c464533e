// Labelary client: render ZPL to PNG/PDF through api.labelary.com or any Labelary-compatible endpoint.
export { createLabelaryClient, type LabelaryClient, type LabelaryClientOptions, type LabelaryPdfResult, type LabelaryPngResult, type LabelaryRenderRequest } from './client.ts'
export { LabelaryRateLimitedError, LabelaryRejectedError, LabelaryTimeoutError, LabelaryUnavailableError } from './errors.ts'
export { parseWarnings, type LabelaryWarning } from './warnings.ts'
export { retryAfterMs } from './send.ts'
