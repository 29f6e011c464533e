// Every list of record sources is derived here from the one registry (registry.ts).
import { SOURCE_ADAPTERS } from './registry.ts'
import type { SourceAdapter } from './types.ts'

export { SOURCE_ADAPTERS } from './registry.ts'

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
