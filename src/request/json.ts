// JSON text as clients and files really have it: a UTF-8 byte-order mark from Windows tools is stripped, and a
// parse failure says where the JSON broke.
import { LabelworksError } from '../errors.ts'

/** The body is not valid JSON. */
export class InvalidJsonError extends LabelworksError {
  readonly code = 'INVALID_JSON'
}

const BOM = 0xfeff

/** Parses a JSON body, stripping a leading BOM; throws InvalidJsonError naming the position. */
export function parseJsonBody (text: string): unknown {
  const source = text.charCodeAt(0) === BOM ? text.slice(1) : text
  if (source.trim() === '') {
    throw new InvalidJsonError('the request body is empty; send a JSON object', { issues: [{ path: 'body', rule: 'json', message: 'is empty' }] })
  }
  try {
    return JSON.parse(source)
  } catch (err) {
    const detail = err instanceof Error ? err.message : String(err)
    throw new InvalidJsonError(`the request body is not valid JSON: ${detail}`, {
      cause: err, issues: [{ path: 'body', rule: 'json', message: detail }]
    })
  }
}
