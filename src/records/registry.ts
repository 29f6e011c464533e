// The record sources, one line each (an adapter per source in adapters/). SourceName, the `source` option's values
// and its OpenAPI enum, the CLI help and the messages that list the sources are derived from this list (sources.ts);
// its order is the order `auto` tries them in.
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
