// The Labelary-compatible endpoint: POST/GET /v1/printers/{dpmm}/labels/{w}x{h}/{index}/ rendered locally.
export { labelaryRoutes, LabelIndexError, TooManyLabelsError, withStoredFonts, type LabelaryEndpointOptions, type StoredFont } from './labelary-routes.ts'
export { LabelaryNotAcceptableError } from './request.ts'
