// The record sources, one line each. SourceName, the `source` option's values and its OpenAPI enum, the CLI help and
// the messages that list the sources are all derived from this list; the order is the order `auto` tries them in.
import { dashlinkAdapter } from './adapters/dashlink.ts'
import { driveAdapter } from './adapters/drive.ts'
import { genericAdapter } from './adapters/generic.ts'
import { postmatesAdapter } from './adapters/postmates.ts'
import { uberDirectAdapter } from './adapters/uber-direct.ts'
import type { SourceAdapter } from './types.ts'

/** Every record source. */
export const SOURCE_ADAPTERS = [
  genericAdapter,
  dashlinkAdapter,
  driveAdapter,
  uberDirectAdapter,
  postmatesAdapter
] as const satisfies readonly SourceAdapter[]

/** Record sources an adapter exists for. */
export type SourceName = typeof SOURCE_ADAPTERS[number]['source']
/** A source, or `auto` to recognise the record's shape. */
export type SourceOption = SourceName | 'auto'

/** Source names an adapter exists for, in the order `auto` tries them. */
export const SOURCES: readonly SourceName[] = SOURCE_ADAPTERS.map((a) => a.source)

/** What the `source` option takes: `auto`, then every source. */
export const SOURCE_OPTIONS: readonly SourceOption[] = ['auto', ...SOURCES]

/** Every adapter, by source name. */
export const ADAPTERS: Readonly<Record<SourceName, SourceAdapter<SourceName>>> =
  Object.fromEntries(SOURCE_ADAPTERS.map((a) => [a.source, a])) as Record<SourceName, SourceAdapter<SourceName>>
