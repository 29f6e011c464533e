// Label options arrive in the JSON envelope or, for raw record uploads, in the query string. Both are read here
// so the rules and their error messages are the same wherever the option came from.
import { ValidationError, type FieldIssue } from '../errors.ts'
import { SOURCE_OPTIONS } from '../records/index.ts'
import { ZPL_TEXT_MODES, type ZplTextMode } from '../render/zpl/index.ts'
import { FORMAT_NAMES } from '../service/formats/index.ts'
import type { OutputFormat, SourceOption } from '../service/types.ts'
import type { Dpi } from '../units.ts'

/** Options of one label request, all optional (the service has defaults). */
export interface LabelOptions {
  source?: SourceOption
  format?: OutputFormat
  dpi?: Dpi
  template?: string
  strict?: boolean
  /** Prepend the `~DU` label-font download to ZPL so a printer that lacks the font prints correctly. */
  includeFont?: boolean
  /** ZPL text as graphics (default) or in the label font on the printer. */
  text?: ZplTextMode
  /** The label is meant for DashLink: check its carrier rules whatever the record's source. */
  carrierRules?: 'dashlink'
  /** Give a record without a tracking code a generated one (TRACKING_PREFIX must be set). */
  generateTrackingCode?: boolean
  /** False: the label is not kept in the archive (no label_id); the service's LABEL_ARCHIVE decides otherwise. */
  store?: boolean
}

const OPTION_KEYS = ['source', 'format', 'dpi', 'template', 'strict', 'include_font', 'text', 'carrier_rules', 'generate_tracking_code', 'store']
const CARRIER_RULES: readonly 'dashlink'[] = ['dashlink']
const QUERY_KEYS = new Set(OPTION_KEYS)
const ENVELOPE_KEYS = new Set(['record', ...OPTION_KEYS])
const BATCH_KEYS = new Set(['records', ...OPTION_KEYS])

/** How option `key` is named in an issue: `dpi` in the envelope, `query.dpi`, `--include-font` on the command line. */
function fieldName (prefix: string, key: string): string {
  return prefix === '' ? key : prefix === '--' ? `--${key.replace(/_/g, '-')}` : `${prefix}.${key}`
}

function oneOf<T extends string> (value: unknown, allowed: readonly T[], key: string, prefix: string, issues: FieldIssue[]): T | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T
  issues.push({ path: fieldName(prefix, key), rule: 'enum', message: `must be one of ${allowed.join(', ')}` })
  return undefined
}

function dpiOf (value: unknown, prefix: string, issues: FieldIssue[]): Dpi | undefined {
  if (value === undefined) return undefined
  if (value === 203 || value === 300) return value
  // Only text and numbers are read: String() of a nested array recurses through every level (a stack overflow).
  const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim().toLowerCase().replace(/dpi$/, '') : ''
  if (text === '203' || text === '300') return Number(text) as Dpi
  issues.push({ path: fieldName(prefix, 'dpi'), rule: 'enum', message: 'must be 203 or 300 (dots per inch)' })
  return undefined
}

function flag (value: unknown, key: string, prefix: string, issues: FieldIssue[]): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value
  if (value === 'true' || value === '1') return true
  if (value === 'false' || value === '0') return false
  issues.push({ path: fieldName(prefix, key), rule: 'type', message: 'must be true or false' })
  return undefined
}

function templateName (value: unknown, prefix: string, issues: FieldIssue[]): string | undefined {
  if (value === undefined) return undefined
  if (typeof value === 'string' && /^[a-z0-9][a-z0-9_-]{0,63}$/i.test(value)) return value
  issues.push({ path: fieldName(prefix, 'template'), rule: 'pattern', message: 'must be a template name such as standard or dashlink' })
  return undefined
}

/** No options at all: what a request without a query string has. */
const NO_OPTIONS: Readonly<LabelOptions> = Object.freeze({})

function isEmpty (input: Record<string, unknown>): boolean {
  for (const key in input) if (Object.hasOwn(input, key)) return false
  return true
}

/** Reads options from an object (envelope, query, or CLI flags with prefix `--`), naming fields with `prefix`; throws on any bad value. */
export function readLabelOptions (input: Record<string, unknown>, prefix: string): LabelOptions {
  const issues: FieldIssue[] = []
  const options: LabelOptions = {
    source: oneOf(input.source, SOURCE_OPTIONS, 'source', prefix, issues),
    format: oneOf(input.format, FORMAT_NAMES, 'format', prefix, issues),
    dpi: dpiOf(input.dpi, prefix, issues),
    template: templateName(input.template, prefix, issues),
    strict: flag(input.strict, 'strict', prefix, issues),
    includeFont: flag(input.include_font, 'include_font', prefix, issues),
    text: oneOf(input.text, ZPL_TEXT_MODES, 'text', prefix, issues),
    carrierRules: oneOf(input.carrier_rules, CARRIER_RULES, 'carrier_rules', prefix, issues),
    generateTrackingCode: flag(input.generate_tracking_code, 'generate_tracking_code', prefix, issues),
    store: flag(input.store, 'store', prefix, issues)
  }
  if (issues.length > 0) throw new ValidationError(issues)
  return options
}

/** Every field of `input` that `allowed` lacks is an issue: a misspelt option must not be dropped silently. */
function rejectUnknownKeys (input: Record<string, unknown>, allowed: ReadonlySet<string>, prefix: string, message: string): void {
  let issues: FieldIssue[] | undefined
  for (const key in input) {
    if (Object.hasOwn(input, key) && !allowed.has(key)) (issues ??= []).push({ path: fieldName(prefix, key), rule: 'additional_property', message })
  }
  if (issues !== undefined) throw new ValidationError(issues)
}

/** Options from a query string (`?format=pdf&dpi=300`); an unknown parameter is an error naming it. */
export function readQueryOptions (query: Record<string, unknown>): LabelOptions {
  // Most requests have no query string: nothing to read, nothing to merge.
  if (isEmpty(query)) return NO_OPTIONS
  rejectUnknownKeys(query, QUERY_KEYS, 'query', `is not a label option; the query string takes ${OPTION_KEYS.join(', ')}`)
  return readLabelOptions(query, 'query')
}

/** What drawing an archived label again may change: its format, density and ZPL text (GET /v1/labels/{id}). */
const REDRAW_KEYS = new Set(['format', 'dpi', 'text', 'include_font'])

/** Options of GET /v1/labels/{id} from its query string; any other parameter is an error naming it. */
export function readRedrawOptions (query: Record<string, unknown>): LabelOptions {
  if (isEmpty(query)) return NO_OPTIONS
  rejectUnknownKeys(query, REDRAW_KEYS, 'query', `is not an option of an archived label; the query string takes ${[...REDRAW_KEYS].join(', ')}`)
  return readLabelOptions(query, 'query')
}

/** The body's record and options: `{ record, …options }` is an envelope; any other JSON object is the record itself. */
export function splitBody (body: unknown): { record: unknown, options: LabelOptions } {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new ValidationError([{ path: 'body', rule: 'type', message: 'must be a JSON object: a record, or { "record": {…}, "format": … }' }])
  }
  const object = body as Record<string, unknown>
  if (!('record' in object)) return { record: object, options: NO_OPTIONS }
  rejectUnknownKeys(object, ENVELOPE_KEYS, '', `is not an envelope field; put record fields inside "record" (envelope fields: ${[...ENVELOPE_KEYS].join(', ')})`)
  return { record: object.record, options: readLabelOptions(object, '') }
}

/** The options of a batch body `{ records, …options }`; any other field is an error naming it. */
export function readBatchOptions (body: Record<string, unknown>): LabelOptions {
  rejectUnknownKeys(body, BATCH_KEYS, '', `is not a batch field; records go in "records" (batch fields: ${[...BATCH_KEYS].join(', ')})`)
  return readLabelOptions(body, '')
}

/** Envelope options win over query options; the query fills what the envelope leaves out. */
export function mergeOptions (fromBody: LabelOptions, fromQuery: LabelOptions): LabelOptions {
  if (fromQuery === NO_OPTIONS) return fromBody
  if (fromBody === NO_OPTIONS) return fromQuery
  return {
    source: fromBody.source ?? fromQuery.source,
    format: fromBody.format ?? fromQuery.format,
    dpi: fromBody.dpi ?? fromQuery.dpi,
    template: fromBody.template ?? fromQuery.template,
    strict: fromBody.strict ?? fromQuery.strict,
    includeFont: fromBody.includeFont ?? fromQuery.includeFont,
    text: fromBody.text ?? fromQuery.text,
    carrierRules: fromBody.carrierRules ?? fromQuery.carrierRules,
    generateTrackingCode: fromBody.generateTrackingCode ?? fromQuery.generateTrackingCode,
    store: fromBody.store ?? fromQuery.store
  }
}

/**
 * `include_font` puts the font's ZPL download in front of a ZPL label; a PDF or PNG label always carries its font, so
 * asking for it there is refused rather than ignored. `given` are the options in the order they win, each with the
 * prefix that names its fields (see readLabelOptions): the first that sets include_font is the one named.
 */
export function refuseFontDownloadOutsideZpl (format: OutputFormat, given: readonly [LabelOptions, string][]): void {
  if (format === 'zpl') return
  const asked = given.find(([options]) => options.includeFont === true)
  if (asked === undefined) return
  const path = fieldName(asked[1], 'include_font')
  throw new ValidationError([{ path, rule: 'zpl_only', message: `applies to ZPL labels only; a ${format} label always carries its font` }])
}

/**
 * The ZPL text mode the options ask for. `text` applies to ZPL only; `include_font` sends the label font, so on its
 * own it asks for font text (as it always has), and beside `text: "graphic"`, which uses no font, it is refused.
 * `given` are the options in the order they win, with the prefix that names their fields.
 */
export function zplTextMode (format: OutputFormat, given: readonly [LabelOptions, string][]): ZplTextMode | undefined {
  const named = (key: string, pick: (o: LabelOptions) => unknown): string | undefined => {
    const found = given.find(([options]) => pick(options) !== undefined)
    return found === undefined ? undefined : fieldName(found[1], key)
  }
  const text = given.find(([o]) => o.text !== undefined)?.[0].text
  if (text !== undefined && format !== 'zpl') {
    throw new ValidationError([{ path: named('text', (o) => o.text) as string, rule: 'zpl_only', message: `applies to ZPL labels only; a ${format} label always draws its text itself` }])
  }
  const includeFont = given.find(([o]) => o.includeFont !== undefined)?.[0].includeFont === true
  if (includeFont && text === 'graphic') {
    throw new ValidationError([{ path: named('include_font', (o) => o.includeFont) as string, rule: 'conflict', message: 'sends the label font, which text: graphic does not use; leave it out, or ask for text: font' }])
  }
  return text ?? (includeFont ? 'font' : undefined)
}
