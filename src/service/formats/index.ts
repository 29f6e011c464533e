// Every list of output formats is derived here from the one registry (registry.ts).
import { ValidationError } from '../../errors.ts'
import { mediaTypeOf, type OutputFormatModule } from './format.ts'
import { OUTPUT_FORMATS } from './registry.ts'

export { mediaTypeOf, type BatchOpener, type ChunkSink, type FormatBatchOptions, type FormatResources, type LabelBatchWriter, type LabelRenderer, type OutputFormatModule } from './format.ts'

export { OUTPUT_FORMATS } from './registry.ts'

/** Output formats of a label. */
export type OutputFormat = typeof OUTPUT_FORMATS[number]['name']

/** A format as the rest of the code sees it: any registered one. */
export type FormatModule = OutputFormatModule<OutputFormat>

/** The registry with every entry as a FormatModule (optional parts optional, for code that handles any format). */
export const FORMATS: readonly FormatModule[] = OUTPUT_FORMATS

/** Format names in registry order. */
export const FORMAT_NAMES: readonly OutputFormat[] = FORMATS.map((f) => f.name)

/** The format a request gets when it names none. */
export const DEFAULT_FORMAT: OutputFormat = FORMAT_NAMES[0] as OutputFormat

/** Formats whose labels join into one body (`POST /v1/labels/batch`). */
export const BATCH_FORMAT_NAMES: readonly OutputFormat[] = FORMATS.filter((f) => f.batcher !== undefined).map((f) => f.name)

const BY_NAME: ReadonlyMap<string, FormatModule> = new Map(FORMATS.map((f) => [f.name, f]))

/** The module of a registered format. */
export function formatNamed (name: OutputFormat): FormatModule {
  return BY_NAME.get(name) as FormatModule
}

/** Accept media type → the format whose raw bytes it asks for: each format's own type and its aliases. */
export const RAW_ACCEPT_TYPES: Readonly<Record<string, OutputFormat>> =
  Object.fromEntries(FORMATS.flatMap((f) => [mediaTypeOf(f.contentType), ...f.acceptAliases].map((type) => [type, f.name])))

/** Refuses a batch of a format that has no batch form, naming the ones that do. */
export function checkBatchFormat (format: OutputFormat): void {
  if (BATCH_FORMAT_NAMES.includes(format)) return
  throw new ValidationError([{ path: 'format', rule: 'enum', message: `${format} labels do not join into one body; a batch is ${BATCH_FORMAT_NAMES.join(' or ')}` }])
}
