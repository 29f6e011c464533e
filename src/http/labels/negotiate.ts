// Which representation a client gets: the JSON envelope (default) or the raw label bytes it asked for via Accept.
import { LabelworksError } from '../../errors.ts'
import { DEFAULT_FORMAT, formatNamed, mediaTypeOf, RAW_ACCEPT_TYPES, FORMAT_NAMES, type OutputFormat } from '../../service/formats/index.ts'

/** The Accept header names no representation we can send for this request. */
export class NotAcceptableError extends LabelworksError {
  readonly code = 'NOT_ACCEPTABLE'
}

/** What to send back. */
export interface Representation {
  format: OutputFormat
  /** Raw label bytes with the format's content type; otherwise the JSON envelope. */
  raw: boolean
}

/** Own keys only: `Accept: constructor` must not find Object.prototype's function. */
function rawFormatOf (type: string): OutputFormat | undefined {
  return Object.hasOwn(RAW_ACCEPT_TYPES, type) ? RAW_ACCEPT_TYPES[type] : undefined
}

interface MediaRange { type: string, q: number, order: number }

function parseAccept (header: string): MediaRange[] {
  return header.split(',').map((part, order) => {
    const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase())
    const qParam = params.find((p) => p.startsWith('q='))
    const q = qParam === undefined ? 1 : Number(qParam.slice(2))
    return { type, q: Number.isFinite(q) ? q : 0, order }
  }).filter((r) => r.type !== '' && r.q > 0).sort((a, b) => b.q - a.q || a.order - b.order)
}

/**
 * Chooses the representation: an explicit `format` wins for the envelope; a raw type in Accept must agree with
 * it (asking for a PDF body of a ZPL label is a client error, not a guess).
 */
export function negotiate (accept: string | undefined, requested: OutputFormat | undefined): Representation {
  // Most clients send no Accept or `*/*`: the envelope, without parsing anything.
  if (accept === undefined || accept === '*/*') return { format: requested ?? DEFAULT_FORMAT, raw: false }
  // One bare raw type (`Accept: x-application/zpl`), as label clients send it: no list to parse or sort.
  const single = rawFormatOf(accept)
  if (single !== undefined && (requested === undefined || requested === single)) return { format: single, raw: true }
  const ranges = parseAccept(accept)
  if (ranges.length === 0) return { format: requested ?? DEFAULT_FORMAT, raw: false }
  for (const range of ranges) {
    if (range.type === 'application/json' || range.type === 'application/*' || range.type === '*/*') {
      return { format: requested ?? DEFAULT_FORMAT, raw: false }
    }
    const format = rawFormatOf(range.type)
    if (format !== undefined && (requested === undefined || requested === format)) return { format, raw: true }
  }
  throw notAcceptable(accept, requested)
}

/** The raw type each format is sent as (besides the envelope, application/json). */
function rawTypeOf (format: OutputFormat): string {
  return mediaTypeOf(formatNamed(format).contentType)
}

/** Every format's raw type, sorted so the message reads the same whatever the registry's order. */
const RAW_TYPES_LISTED = FORMAT_NAMES.map(rawTypeOf).sort()
const ANY_RAW_TYPE = `${RAW_TYPES_LISTED.slice(0, -1).join(', ')} or ${RAW_TYPES_LISTED.at(-1) ?? ''}`

function notAcceptable (accept: string, requested: OutputFormat | undefined): NotAcceptableError {
  // With a format asked for, only that format's types would do: listing the others would offer what was just refused.
  const message = requested === undefined
    ? `cannot send ${accept}; accept application/json (the envelope), ${ANY_RAW_TYPE}`
    : `cannot send ${accept} for format "${requested}", which comes as application/json (the envelope) or ${rawTypeOf(requested)}; accept one of those, or ask for another format`
  return new NotAcceptableError(message, {
    issues: [{ path: 'header.accept', rule: 'acceptable', message: requested === undefined ? 'names no representation of a label' : `names no representation of a ${requested} label` }]
  })
}
