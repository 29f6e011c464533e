// Item lists (Drive `items`, Uber Direct `manifest_items`): the package weight is the sum of weight × quantity,
// and the names make the description when there are several items.
import { roundWeight } from '../package.ts'
import { isRec, type Rec, type RecordReader } from '../reader.ts'
import { itemSummary } from './common.ts'

/** What an item list adds up to. */
export interface ItemTotals {
  /** The entries that are objects, in order. */
  items: Rec[]
  /** Σ weight × quantity, rounded to 0.01; undefined unless every item is weighed. */
  weight?: number
  /** Quantity of the first item as sent (DashLink wants exactly 1). */
  firstQuantity?: number
  /** "2 x T-shirt, Cap". */
  summary?: string
}

/** Sums a list of items read by `weightOf` (which reports its own problems); a missing quantity counts as 1. */
export function sumItems (r: RecordReader, list: unknown[], path: string, weightOf: (r: RecordReader, item: Rec,
  at: string) => number | undefined): ItemTotals {
  const items: Rec[] = []
  const named: { name?: string, quantity?: number }[] = []
  let total = 0
  let weighed = list.length > 0
  let firstQuantity: number | undefined
  list.forEach((entry, i) => {
    const at = `${path}.${i}`
    if (!isRec(entry)) { r.issue(at, 'type', 'must be an item object'); weighed = false; return }
    items.push(entry)
    const given = r.number(entry, 'quantity', at)
    if (i === 0) firstQuantity = given
    const quantity = given ?? 1
    const weight = weightOf(r, entry, at)
    if (weight === undefined) weighed = false
    else total += weight * quantity
    named.push({ name: r.text(entry, 'name', at), quantity })
  })
  const totals: ItemTotals = { items }
  if (weighed) totals.weight = roundWeight(total)
  if (firstQuantity !== undefined) totals.firstQuantity = firstQuantity
  const summary = itemSummary(named)
  if (summary !== undefined) totals.summary = summary
  return totals
}
