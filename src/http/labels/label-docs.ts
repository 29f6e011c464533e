// What the label routes say about themselves in the OpenAPI document (src/http/openapi.ts).
import { SOURCE_OPTIONS, SOURCES } from '../../records/index.ts'
import { BATCH_FORMAT_NAMES, DEFAULT_FORMAT, FORMAT_NAMES, formatNamed, mediaTypeOf, type OutputFormat } from '../../service/formats/index.ts'
import { ERROR_RESPONSE, type RouteDocs } from '../openapi.ts'

const OPTIONS = {
  source: { type: 'string', enum: SOURCE_OPTIONS, description: 'How to read the record; auto recognises its shape (default)' },
  format: { type: 'string', enum: FORMAT_NAMES, description: `Default ${DEFAULT_FORMAT}` },
  dpi: { type: 'integer', enum: [203, 300], description: 'Print density; default 203, or the DEFAULT_DPI the service was started with' },
  template: { type: 'string', description: 'A template in templates/ (standard, dashlink); default standard, or the DEFAULT_TEMPLATE the service was started with' },
  strict: { type: 'boolean', description: 'Carrier rules as errors instead of warnings (always on for dashlink)' },
  include_font: { type: 'boolean', description: 'ZPL only: put the label font download (~DU, about 300 KB) in front of the label; implies text: font' },
  text: { type: 'string', enum: ['graphic', 'font'], description: 'ZPL only: graphic (default) draws text as ^GFA graphics, one a word, that print on any ZPL printer with nothing installed; font prints text in the label font stored on the printer (E:LWSANS.TTF), other scripts still as graphics' },
  carrier_rules: { type: 'string', enum: ['dashlink'], description: 'The label is meant for DashLink: its carrier rules are checked (warnings unless strict) whatever the record\'s source' },
  generate_tracking_code: { type: 'boolean', description: 'Give a record without a tracking code a generated one (prefix from TRACKING_PREFIX), returned as tracking_code' },
  store: { type: 'boolean', description: 'false: the label is not kept in the archive and has no label_id (default true while LABEL_ARCHIVE is on)' }
}

const QUERY = Object.fromEntries(Object.entries(OPTIONS).map(([name, schema]) => [name, { description: `${schema.description} (the body's option wins)`, schema }]))

const RECORD = {
  anyOf: [{ $ref: '#/components/schemas/GenericRecord' }, { type: 'object', description: `A delivery record of another source (${SOURCES.filter((s) => s !== 'generic').join(', ')}) as its API sends it` }]
}

/** The raw answer's content of each format: text, or binary bytes. */
function rawContent (formats: readonly OutputFormat[]): Record<string, { schema: { type: string, format?: string } }> {
  return Object.fromEntries(formats.map((name) => {
    const format = formatNamed(name)
    return [mediaTypeOf(format.contentType), { schema: format.binary ? { type: 'string', format: 'binary' } : { type: 'string' } }]
  }))
}

const ENVELOPE = {
  type: 'object',
  properties: {
    label_format: { type: 'string', enum: FORMAT_NAMES },
    label_size: { const: '4x6' },
    print_density: { type: 'string', enum: ['203dpi', '300dpi'] },
    label_string: { type: 'string', contentEncoding: 'base64' },
    tracking_code: { type: 'string' },
    source: { type: 'string' },
    template: { type: 'string' },
    warnings: { type: 'array', items: { $ref: '#/components/schemas/Warning' } },
    label_id: { type: 'string', description: 'The label in the archive (GET /v1/labels/{label_id}); absent when it was not kept' }
  }
}

const REFUSALS = {
  400: { description: 'A bad option, body or record field (VALIDATION_FAILED, INVALID_JSON, …), naming it', content: ERROR_RESPONSE },
  406: { description: 'Accept names no representation of the requested format (NOT_ACCEPTABLE)', content: ERROR_RESPONSE },
  413: { description: 'The body is larger than BODY_LIMIT_BYTES (BODY_TOO_LARGE)', content: ERROR_RESPONSE },
  415: { description: 'Not a JSON body, or a charset or Content-Encoding the service does not read', content: ERROR_RESPONSE },
  422: { description: 'A record that cannot make a label: a character the font lacks, a barcode that does not fit, a broken carrier rule…', content: ERROR_RESPONSE }
}

/** POST /v1/labels. */
export const LABEL_DOCS: RouteDocs = {
  tag: 'labels',
  summary: 'One delivery record → one 4x6 label',
  description: 'The body is an envelope { record, …options }, or the record itself with the options in the query string. ' +
    'Without an Accept for raw bytes the answer is a JSON envelope shaped like DashLink\'s shipping_label. ' +
    'With the archive on, the label is kept: label_id in the envelope, X-Label-Id and Location: /v1/labels/{id} headers. ' +
    'An Idempotency-Key header (1–255 characters) makes a repeat of the request answer the first label again (same id and bytes, header Idempotent-Replayed: true) ' +
    'for the retention period; the same key with another request is 409 IDEMPOTENCY_CONFLICT.',
  query: QUERY,
  // A body with `record` is an envelope, and then takes no other field; any other object is the record itself.
  body: { 'application/json': { type: 'object', if: { required: ['record'] }, then: { required: ['record'], properties: { record: RECORD, ...OPTIONS }, additionalProperties: false }, else: RECORD } },
  responses: {
    200: {
      description: 'The label: the envelope, or the raw bytes asked for with Accept. Headers: X-Tracking-Code, X-Label-Source, X-Label-Template, X-Label-Warnings (count), and for an archived label X-Label-Id and Location.',
      content: { 'application/json': { schema: ENVELOPE }, ...rawContent(FORMAT_NAMES) }
    },
    ...REFUSALS,
    409: { description: 'The Idempotency-Key was used before with a different request (IDEMPOTENCY_CONFLICT)', content: ERROR_RESPONSE }
  }
}

/** GET /v1/labels/{id}. */
export const ARCHIVED_LABEL_DOCS: RouteDocs = {
  tag: 'labels',
  summary: 'An archived label again: the same bytes, or the same data as another format or density',
  description: 'Without options the label comes as it was made (same format, density and bytes). format, dpi and Accept draw the same label data ' +
    '(same ship date and content) as another format or density; text and include_font apply to ZPL. Warnings are those the label was made with.',
  params: { id: 'The label_id a label was answered with' },
  query: {
    format: { description: 'Output format; default the one the label was made as', schema: OPTIONS.format },
    dpi: { description: 'Print density; default the one the label was made at', schema: OPTIONS.dpi },
    text: { description: OPTIONS.text.description, schema: OPTIONS.text },
    include_font: { description: OPTIONS.include_font.description, schema: OPTIONS.include_font }
  },
  responses: {
    200: { description: 'The label, as POST /v1/labels answers it (envelope with label_id, or raw bytes asked for with Accept)', content: { 'application/json': { schema: ENVELOPE }, ...rawContent(FORMAT_NAMES) } },
    400: { description: 'A bad option (VALIDATION_FAILED), naming it', content: ERROR_RESPONSE },
    404: { description: 'No archived label has this id: never made here, made with store: false, or pruned after LABEL_RETENTION_DAYS (LABEL_NOT_FOUND)', content: ERROR_RESPONSE },
    406: REFUSALS[406]
  }
}

/** GET /v1/labels. */
export const LABEL_SEARCH_DOCS: RouteDocs = {
  tag: 'labels',
  summary: 'Archived labels by tracking code and time, newest first',
  query: {
    tracking_code: { description: 'Only labels with this tracking code', schema: { type: 'string' } },
    from: { description: 'Made at or after this ISO 8601 date or date and time (a date alone is its midnight UTC)', schema: { type: 'string' } },
    to: { description: 'Made before this ISO 8601 date or date and time', schema: { type: 'string' } },
    limit: { description: 'Labels per page, 1 to 100 (default 20)', schema: { type: 'integer', minimum: 1, maximum: 100 } },
    after: { description: 'The next_cursor of the page before', schema: { type: 'string' } }
  },
  responses: {
    200: {
      description: 'A page of labels; next_cursor is null on the last page',
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: {
              labels: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    label_id: { type: 'string' },
                    created_at: { type: 'string', format: 'date-time' },
                    tracking_code: { type: 'string' },
                    source: { type: 'string' },
                    template: { type: 'string' },
                    label_format: { type: 'string', enum: FORMAT_NAMES },
                    print_density: { type: 'string', enum: ['203dpi', '300dpi'] },
                    ship_date: { type: 'string' },
                    location: { type: 'string' }
                  }
                }
              },
              next_cursor: { type: ['string', 'null'] }
            }
          }
        }
      }
    },
    400: { description: 'A bad search parameter (VALIDATION_FAILED), naming it', content: ERROR_RESPONSE }
  }
}

/** POST /v1/labels/batch. */
export const BATCH_DOCS: RouteDocs = {
  tag: 'labels',
  summary: `Many records → one body, streamed: ${BATCH_FORMAT_NAMES.join(' or ')} (a ZPL stream holds one ^XA…^XZ a label, a PDF one page a label)`,
  description: 'Records that cannot make a label are reported by index, in the envelope or the X-Failed-Records header, and the others are printed. ' +
    'A tracking code the batch already had is a carrier rule on the later record: a warning, or a failure where carrier rules are enforced.',
  query: QUERY,
  body: { 'application/json': { type: 'object', required: ['records'], properties: { records: { type: 'array', minItems: 1, items: RECORD }, ...OPTIONS }, additionalProperties: false } },
  responses: {
    200: {
      description: 'The labels. Headers: X-Label-Count, X-Failed-Count and, for raw bytes, X-Failed-Records and X-Label-Ids (the first 100 archived labels\' ids, comma-separated; X-Label-Ids-Truncated: true when there are more).',
      content: {
        'application/json': {
          schema: {
            type: 'object',
            properties: {
              label_format: { type: 'string', enum: BATCH_FORMAT_NAMES },
              label_size: { const: '4x6' },
              print_density: { type: 'string' },
              label_count: { type: 'integer' },
              failed: { type: 'array', items: { type: 'object', properties: { index: { type: 'integer' }, code: { type: 'string' }, message: { type: 'string' }, issues: { type: 'array', items: { $ref: '#/components/schemas/Issue' } } } } },
              warnings: { type: 'array', items: { type: 'object', properties: { index: { type: 'integer' }, warnings: { type: 'array', items: { $ref: '#/components/schemas/Warning' } } } } },
              labels: { type: 'array', description: 'Each archived label\'s id by record index; absent when labels are not kept', items: { type: 'object', properties: { index: { type: 'integer' }, label_id: { type: 'string' } } } },
              label_string: { type: 'string', contentEncoding: 'base64' }
            }
          }
        },
        ...rawContent(BATCH_FORMAT_NAMES)
      }
    },
    ...REFUSALS,
    422: { description: 'Not one record made a label (BATCH_NO_LABELS), each record\'s issues at records.N…', content: ERROR_RESPONSE }
  }
}

/** GET /v1/fonts/label-font.zpl. */
export const FONT_DOCS: RouteDocs = {
  tag: 'labels',
  summary: 'The ~DU command that stores the label font on a printer',
  description: 'Send it to a printer once (curl … | nc printer 9100); ZPL labels use the font as E:LWSANS.TTF.',
  responses: { 200: { description: 'The font download', content: rawContent(['zpl']) } }
}
