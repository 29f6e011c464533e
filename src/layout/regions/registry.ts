// The template region kinds, one line each (a module per kind beside this file): the template schema, the load-time
// rules, compiling, resolving and placing all go through this list.
import { boxRegion } from './box.ts'
import { columnRegion } from './column.ts'
import { lineRegion } from './line.ts'
import { textRegion } from './text.ts'

/** Every region kind a template may use. */
export const REGION_KINDS = [
  textRegion,
  columnRegion,
  lineRegion,
  boxRegion
] as const
