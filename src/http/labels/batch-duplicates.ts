// Tracking codes within one batch. DashLink needs each package's code to be unique, and two labels with one barcode
// send scans to the wrong package: a repeat is a carrier rule, refused when the rules are enforced (strict, or the
// dashlink template) and otherwise a warning on the later record, which names the first.
import { CarrierRuleError, carrierRuleWarning } from '../../records/index.ts'
import type { LaidOutLabel } from '../../service/types.ts'

/** The tracking codes seen so far in one batch, by the index of the record that had each first. */
export class BatchTrackingCodes {
  readonly #first = new Map<string, number>()

  /** Notes record `index`; for a repeat, throws CarrierRuleError under enforced rules, else adds a warning to `laid`. */
  check (laid: LaidOutLabel, index: number): void {
    const code = laid.label.trackingCode
    const first = this.#first.get(code)
    if (first === undefined) {
      this.#first.set(code, index)
      return
    }
    const issue = { path: laid.trackingCodePath, rule: 'tracking_code_unique', message: `tracking code "${code}" is also on record ${first} of this batch; each package needs its own` }
    if (laid.strict) throw new CarrierRuleError([issue])
    laid.warnings.push(carrierRuleWarning(issue))
  }
}
