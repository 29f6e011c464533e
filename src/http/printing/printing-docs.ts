// What the printing routes say about themselves in the OpenAPI document (src/http/openapi.ts). Request bodies are
// the TypeBox schemas the routes validate with, so the document cannot describe another shape than the one checked.
import { ERROR_RESPONSE, jsonResponse, type ResponseDocs, type RouteDocs } from '../openapi.ts'
import { JobsQuery, PrintJobBody, PrinterInput, PrinterPatch, ReprintBody } from './schemas.ts'

/** A JSON body `{ [property]: {…} }`, as every printing answer is. */
const json = (description: string, property: string): ResponseDocs =>
  jsonResponse(description, { type: 'object', required: [property], properties: { [property]: { type: 'object' } } })

const REFUSALS: Record<string, ResponseDocs> = {
  400: { description: 'A bad field, naming it (VALIDATION_FAILED)', content: ERROR_RESPONSE },
  401: { description: 'No API key, or the wrong one (UNAUTHORIZED)', content: ERROR_RESPONSE },
  503: { description: 'Printing is off until the service is started with API_KEY (PRINTING_DISABLED)', content: ERROR_RESPONSE }
}
const NOT_FOUND: Record<string, ResponseDocs> = { 404: { description: 'No such printer or job, naming path.id', content: ERROR_RESPONSE } }
const ID = { id: 'The printer or job id' }

const docs = (summary: string, responses: Record<string, ResponseDocs>, more: Partial<RouteDocs> = {}): RouteDocs =>
  ({ tag: 'printing', apiKey: true, summary, ...more, responses: { ...responses, ...REFUSALS } })

/** Docs of each printing route, by method and path as the routes register them. */
export const PRINTING_DOCS = {
  submitJob: docs('Queue a label (a record to render, one ^XA…^XZ format, or an archived label by label_id, drawn at the printer\'s density) on a registered printer', {
    202: json('Queued; Location names the job. A repeated Idempotency-Key answers the first job with Idempotent-Replayed: true.', 'job'),
    409: { description: 'The Idempotency-Key was used for another request (IDEMPOTENCY_CONFLICT), or the printer is disabled (PRINTER_DISABLED)', content: ERROR_RESPONSE },
    422: { description: 'The record cannot make a label', content: ERROR_RESPONSE },
    ...NOT_FOUND,
    404: { description: 'No such printer (PRINTER_NOT_FOUND) or archived label (LABEL_NOT_FOUND)', content: ERROR_RESPONSE }
  }, { body: { 'application/json': PrintJobBody } }),
  getJob: docs('A print job and its state', { 200: json('The job', 'job'), ...NOT_FOUND }, { params: ID }),
  cancelJob: docs('Cancel a job that has not been sent', { 200: json('The cancelled job', 'job'), 409: { description: 'Already sent or finished (JOB_NOT_CANCELABLE)', content: ERROR_RESPONSE }, ...NOT_FOUND }, { params: ID }),
  reprintJob: docs('Print a job\'s label again as a new job (same bytes; copies and printer may change; the body may be {})', {
    202: json('Queued; Location names the new job. A repeated Idempotency-Key answers the first reprint.', 'job'),
    409: { description: 'The Idempotency-Key was used for another request (IDEMPOTENCY_CONFLICT), or the printer is disabled (PRINTER_DISABLED)', content: ERROR_RESPONSE },
    ...NOT_FOUND
  }, { params: ID, body: { 'application/json': ReprintBody } }),
  listPrinters: docs('Every registered printer with its queue depth', { 200: json('The printers', 'printers') }),
  addPrinter: docs('Register a printer (host and port are dialled only for registered printers)', {
    201: json('Registered; Location names it', 'printer'),
    409: { description: 'A printer with this id exists (PRINTER_EXISTS)', content: ERROR_RESPONSE }
  }, { body: { 'application/json': PrinterInput } }),
  getPrinter: docs('One printer with its queue depth', { 200: json('The printer', 'printer'), ...NOT_FOUND }, { params: ID }),
  updatePrinter: docs('Change a printer; dpi: null forgets the configured density', { 200: json('The printer', 'printer'), ...NOT_FOUND }, { params: ID, body: { 'application/json': PrinterPatch } }),
  removePrinter: docs('Remove a printer that has no jobs waiting and is not defined in PRINTERS_FILE', {
    200: json('The removed printer', 'printer'),
    409: { description: 'Jobs are still queued or sending for it (PRINTER_HAS_JOBS), or PRINTERS_FILE defines it (PRINTER_IN_CONFIG_FILE)', content: ERROR_RESPONSE },
    ...NOT_FOUND
  }, { params: ID }),
  printerJobs: docs('A printer\'s latest jobs, newest first', { 200: json('The jobs', 'jobs'), ...NOT_FOUND }, {
    params: ID,
    query: { limit: { description: 'How many (default 50)', schema: JobsQuery.properties.limit } }
  }),
  printerStatus: docs('Ask the printer (~HS, ~HI): reachable, ready, faults, density', { 200: json('The status', 'status'), ...NOT_FOUND }, { params: ID })
} satisfies Record<string, RouteDocs>
