// Record adapters → canonical LabelData. One adapter per source, registered in a table; this file runs the shared
// pipeline around them: choose the source (or recognise it), read, settle the tracking code and references, apply
// DashLink carrier rules when the label is meant for DashLink (errors when strict, warnings otherwise).
import { LabelworksError, ValidationError, type FieldIssue } from '../errors.ts'
import type { LabelData, LabelWarning, Reference } from '../model/label-data.ts'
import { carrierRuleWarning, checkCarrierRules } from './carrier-rules.ts'
import type { FieldPaths } from './field-paths.ts'
import { CarrierRuleError, MissingTrackingCodeError, RecordShapeAmbiguousError, RecordShapeUnknownError } from './errors.ts'
import { checkRecordLimits } from './limits.ts'
import { isRec, kindOf, RecordReader, type Rec } from './reader.ts'
import { dashlinkTrackingRules, pickTrackingCode, scannerUnsafe } from './tracking.ts'
import { envelopeOf, knownEnvelope, MAX_ENVELOPE_DEPTH, rerooted, wrappedDelivery, type Envelope, type EnvelopeStep } from './envelopes.ts'
import { ADAPTERS, SOURCES, type SourceName, type SourceOption } from './sources.ts'
import type { Detection, ReferenceChoice } from './types.ts'

export { SOURCE_OPTIONS, SOURCES, type SourceName, type SourceOption } from './sources.ts'
export { carrierRuleWarning } from './carrier-rules.ts'
export { CarrierRuleError } from './errors.ts'
export { RecordNotADeliveryError, type Envelope } from './envelopes.ts'
export { GENERIC_RECORD_SCHEMA, type GenericRecord } from './generic-schema.ts'
export { checkRecordLimits, RECORD_LIMITS, type RecordLimits } from './limits.ts'

/** What `adaptRecord` returns. */
export interface AdaptedRecord {
  data: LabelData
  source: SourceName
  warnings: LabelWarning[]
  /** The record field the tracking code came from (`record.tracking_code`, `record.external_delivery_id`…). */
  trackingCodePath: string
  /** Label-data path (`recipient.name`) → record path it came from (`record.dropoff_contact_given_name`). */
  fieldPaths: Record<string, string>
  /** The webhook envelope or API answer the delivery was taken out of, when it came wrapped. */
  envelope?: Envelope
}

/** Record fields each source may hold the tracking code in, in the order they are tried. */
export function trackingFieldsOf (source: SourceName): readonly string[] {
  return ADAPTERS[source].trackingFields
}

/**
 * The adapted record. Field paths are needed only when something is reported (layout warnings, errors), so the
 * object is built on first use: an object with ~25 dotted keys is a slow dictionary. A class, because an object
 * literal with its own getter gets a hidden class of its own every time and fills the old generation.
 */
class Adapted implements AdaptedRecord {
  #fieldPaths: Record<string, string> | undefined
  envelope: Envelope | undefined

  constructor (
    readonly data: LabelData, readonly source: SourceName, readonly warnings: LabelWarning[], public trackingCodePath: string,
    private readonly paths: FieldPaths
  ) {}

  get fieldPaths (): Record<string, string> {
    if (this.#fieldPaths !== undefined) return this.#fieldPaths
    const paths = this.paths.toObject()
    const root = this.envelope?.path
    if (root !== undefined) for (const key in paths) paths[key] = rerooted(paths[key] as string, root)
    return (this.#fieldPaths = paths)
  }

  /** The same record, read from inside `envelope`: paths re-rooted there, and the answer told which envelope it was. */
  unwrappedFrom (envelope: Envelope): this {
    this.envelope = envelope
    this.trackingCodePath = rerooted(this.trackingCodePath, envelope.path)
    for (const w of this.warnings) { w.path = rerooted(w.path, envelope.path); w.message = rerooted(w.message, envelope.path) }
    this.warnings.unshift({ code: 'RECORD_UNWRAPPED', path: envelope.path, message: `the delivery was read from ${envelope.path}, inside the ${envelope.description}` })
    return this
  }
}

/** How a record is read. */
export interface AdaptOptions {
  source: SourceOption
  /** Carrier rules broken → CarrierRuleError instead of warnings. */
  strict: boolean
  /**
   * The label is meant for DashLink: its carrier rules are checked (as warnings unless strict) whatever the record's
   * source. A DashLink record, and strict (the dashlink template), are checked anyway; other labels are not.
   */
  carrierRules?: 'dashlink'
}

/** What one adapter said of a record's shape. */
interface Found extends Detection {
  source: SourceName
}

function lacked (f: Found): FieldIssue {
  return { path: 'record', rule: `source_${f.source}`, message: `not ${f.source}: missing ${f.missing}` }
}

/** The adapter whose shape the record has; 422 naming the candidates and what each lacked when none or several fit. */
export function detectSource (record: Rec): SourceName {
  const found: Found[] = []
  let distinctCount = 0
  let only: SourceName | undefined
  for (const source of SOURCES) {
    const { match, missing } = ADAPTERS[source].detect(record)
    found.push({ source, match, missing })
    if (match === 'distinct') { distinctCount++; only = source }
  }
  if (only !== undefined && distinctCount === 1) return only
  const distinct = found.filter((f) => f.match === 'distinct')
  const shaped = found.filter((f) => f.match === 'shape')
  if (distinct.length > 1) {
    throw new RecordShapeAmbiguousError(distinct.map((f) => f.source),
      distinct.map((f) => ({ path: 'record', rule: `source_${f.source}`, message: `fits ${f.source}` })))
  }
  const [shape] = shaped
  if (shape !== undefined && shaped.length === 1) return shape.source
  if (shaped.length > 1) throw new RecordShapeAmbiguousError(shaped.map((f) => f.source), shaped.map(lacked))
  const misspelt = SOURCES.flatMap((source) => ADAPTERS[source].misspelt?.(record) ?? [])
  throw new RecordShapeUnknownError([...found.map(lacked), ...misspelt], SOURCES)
}

/** Label paths of the first references, so noting where one came from builds no string. */
const REFERENCE_LABELS = ['references.0', 'references.1', 'references.2', 'references.3']

/** The option of `choice` to print: the first, or with duplicates dropped the first not printed already. */
function printable (choice: ReferenceChoice, references: Reference[], trackingCode: string): ReferenceChoice['options'][number] | undefined {
  if (choice.keepDuplicate === true) return choice.options[0]
  for (const option of choice.options) {
    if (option.value === trackingCode) continue
    let printed = false
    for (const p of references) if (p.value === option.value) printed = true
    if (!printed) return option
  }
  return undefined
}

function chooseReferences (r: RecordReader, choices: ReferenceChoice[], trackingCode: string): Reference[] {
  const references: Reference[] = []
  let warned: Set<string> | undefined
  for (const choice of choices) {
    if (choice.unprintable !== undefined) {
      warned ??= new Set<string>()
      for (const { path, reason } of choice.unprintable) {
        // One field may feed two reference lines (Uber Direct's external_id): one warning is enough.
        if (warned.has(path)) continue
        warned.add(path)
        r.warn('FIELD_NOT_PRINTED', path, `not printed: ${reason}`)
      }
    }
    // A value already printed (as the barcode or an earlier reference) is not printed again.
    const option = printable(choice, references, trackingCode)
    if (option === undefined) continue
    const at = REFERENCE_LABELS[references.length] ?? `references.${references.length}`
    r.mapAt(at, 'value', option.path)
    r.map(at, option.path)
    if (option.labelPath !== undefined) r.mapAt(at, 'label', option.labelPath)
    references.push({ label: choice.label, value: option.value })
  }
  return references
}

/** Does the record as it is fit `source`, or for `auto` any source? Asked only once reading it has failed. */
function recognisedAs (source: SourceOption): (record: Rec) => boolean {
  if (source !== 'auto') {
    const adapter = Object.hasOwn(ADAPTERS, source) ? ADAPTERS[source] : undefined
    return (record) => adapter === undefined || adapter.detect(record).match !== 'none'
  }
  return (record) => {
    for (const name of SOURCES) if (ADAPTERS[name].detect(record).match !== 'none') return true
    return false
  }
}

/** True when the label is meant for DashLink, so its carrier rules are checked. */
function forDashlink (source: SourceName, options: AdaptOptions): boolean {
  return options.strict || source === 'dashlink' || options.carrierRules === 'dashlink'
}

/** Reads one delivery (already out of any envelope) into label data. */
function adaptDelivery (record: Rec, options: AdaptOptions): Adapted {
  const source = options.source === 'auto' ? detectSource(record) : options.source
  // Own keys only: `toString` or `constructor` as a source would otherwise find Object.prototype's function.
  const adapter = Object.hasOwn(ADAPTERS, source) ? ADAPTERS[source] : undefined
  if (adapter === undefined) {
    throw new ValidationError([{ path: 'source', rule: 'enum', message: `must be one of auto, ${SOURCES.join(', ')}` }])
  }
  const r = new RecordReader()
  const result = adapter.read(record, r)
  if (r.issues.length > 0 || result === undefined) {
    const issues = r.issues.length > 0 ? r.issues : [{ path: 'record', rule: 'shape', message: `is not a readable ${source} record` }]
    throw new ValidationError([...issues, ...(r.unknownFields ?? [])])
  }
  const pick = pickTrackingCode(r, result.tracking)
  if (r.issues.length > 0) throw new ValidationError(r.issues)
  if ('lookedAt' in pick) throw new MissingTrackingCodeError(source, pick.lookedAt)
  r.map('trackingCode', pick.path)
  if (pick.fallback !== undefined) r.warn('TRACKING_CODE_FALLBACK', pick.path, pick.fallback)
  // The adapter's object is fresh and ours: completing it in place saves a copy on the hot path.
  const data = result.data as LabelData
  data.trackingCode = pick.code
  data.references = chooseReferences(r, result.references, pick.code)

  const warnings: LabelWarning[] = r.warnings
  const unsafe = scannerUnsafe(pick.code, pick.path)
  if (unsafe !== undefined) warnings.push(unsafe)
  if (!forDashlink(source, options)) return new Adapted(data, source, warnings, pick.path, r.paths)
  const tracking = dashlinkTrackingRules(pick.code, pick.path)
  const violations = checkCarrierRules(data, result.facts, r.paths)
  if (tracking.violations.length > 0) violations.unshift(...tracking.violations)
  if (options.strict && violations.length > 0) throw new CarrierRuleError(violations)
  for (const w of tracking.warnings) warnings.push(w)
  for (const v of violations) warnings.push(carrierRuleWarning(v))
  return new Adapted(data, source, warnings, pick.path, r.paths)
}

/** Re-roots the paths of an error about an unwrapped delivery at where the delivery was in what was sent. */
function rerootError (err: unknown, root: string): unknown {
  if (!(err instanceof LabelworksError)) return err
  for (const issue of err.issues) {
    issue.path = rerooted(issue.path, root)
    issue.message = rerooted(issue.message, root)
  }
  err.message = rerooted(err.message, root)
  if (err instanceof MissingTrackingCodeError) err.root = root
  return err
}

/**
 * Reads `record` (found at `path` in what was sent, inside the envelope `first` when that is set), opening the
 * envelopes known by their markers first, and looking into wrapper fields only when no source recognises it.
 */
function adaptFrom (record: Rec, path: string, first: EnvelopeStep | undefined, options: AdaptOptions, depth: number): AdaptedRecord {
  const known = depth < MAX_ENVELOPE_DEPTH ? knownEnvelope(record, path) : undefined
  if (known !== undefined) return adaptFrom(known.inner, `${path}.${known.at}`, first ?? known, options, depth + 1)
  let adapted: Adapted
  try {
    adapted = adaptDelivery(record, options)
  } catch (err) {
    const recognised = recognisedAs(options.source)
    // Unwrapping is tried only on this failure path, so records sent bare pay nothing for it.
    if (depth < MAX_ENVELOPE_DEPTH && err instanceof LabelworksError && !recognised(record)) {
      const step = wrappedDelivery(record, path, recognised)
      if (step !== undefined) return adaptFrom(step.inner, `${path}.${step.at}`, first ?? step, options, depth + 1)
    }
    throw first === undefined ? err : rerootError(err, path)
  }
  return first === undefined ? adapted : adapted.unwrappedFrom(envelopeOf(first, path))
}

/**
 * Reads one record of `options.source` (or the recognised one) into label data; throws a LabelworksError on bad
 * input. A delivery wrapped in a webhook envelope or an API answer is read from inside it: the answer says which
 * envelope (a RECORD_UNWRAPPED warning) and every path names the field as it was sent (`record.data.dropoff_name`).
 */
export function adaptRecord (record: unknown, options: AdaptOptions): AdaptedRecord {
  if (!isRec(record)) {
    throw new ValidationError([{ path: 'record', rule: 'type', message: `must be a JSON object (a delivery record), got ${kindOf(record)}` }])
  }
  // Before anything recurses into the record (envelope search, adapters): depth and sizes are bounded here.
  checkRecordLimits(record)
  return adaptFrom(record, 'record', undefined, options, 0)
}
