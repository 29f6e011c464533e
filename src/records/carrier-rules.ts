// DashLink's parcel rules (guide: field limits, one package item, US addresses, E.164 phones). The pipeline turns
// what this finds into errors when rules are enforced (dashlink template, strict: true) and into warnings otherwise.
import type { FieldIssue } from '../errors.ts'
import type { Address, LabelData, LabelWarning } from '../model/label-data.ts'
import { usStateCode } from './address/us-states.ts'
import { isE164 } from './phone.ts'
import type { CarrierFacts } from './types.ts'

/** DashLink character limits. */
export const DASHLINK_LIMITS = { givenName: 25, familyName: 25, businessName: 50, street: 50, subPremise: 50, instructions: 100 } as const
/** A single-field name is allowed what given + space + family would print. */
const SINGLE_NAME_LIMIT = DASHLINK_LIMITS.givenName + 1 + DASHLINK_LIMITS.familyName
const US_ZIP = /^\d{5}(-\d{4})?$/

/** Code points, not UTF-16 units; a text no longer in units than the limit is within it, so most skip the count. */
function overLimit (text: string, max: number): number | undefined {
  if (text.length <= max) return undefined
  const count = [...text].length
  return count > max ? count : undefined
}

/** Where label fields came from: the record path of a label path. */
export interface PathLookup {
  get (label: string): string | undefined
}

/** What one check run collects, with the record paths label fields came from. */
interface Check {
  issues: FieldIssue[]
  paths: PathLookup
}

/** The record path of a label field, or of its nearest parent that was recorded (an address given as one line). */
function pathOf (check: Check, label: string, fallback = 'record'): string {
  for (let at = label; at !== ''; at = at.slice(0, Math.max(0, at.lastIndexOf('.')))) {
    const path = check.paths.get(at)
    if (path !== undefined) return path
  }
  return fallback
}

function add (check: Check, path: string, rule: string, message: string): void {
  check.issues.push({ path, rule, message })
}

/** `label` is the label field whose record path names the issue; a path is looked up only for a text over its limit. */
function limit (check: Check, text: string | undefined, max: number, label: string | { path: string }, what: string): void {
  const count = text === undefined ? undefined : overLimit(text, max)
  if (count !== undefined) add(check, typeof label === 'string' ? pathOf(check, label) : label.path, 'max_length', `${what} has ${count} characters; DashLink allows at most ${max}`)
}

function nameRules (check: Check, data: LabelData, facts: CarrierFacts): void {
  const parts = facts.nameParts
  if (parts === undefined) {
    limit(check, data.recipient.name, SINGLE_NAME_LIMIT, 'recipient.name', 'recipient name')
    return
  }
  if (parts.given === undefined) add(check, parts.givenPath, 'required', 'recipient given name is required by DashLink')
  if (parts.family === undefined) add(check, parts.familyPath, 'required', 'recipient family name is required by DashLink')
  limit(check, parts.given, DASHLINK_LIMITS.givenName, { path: parts.givenPath }, 'given name')
  limit(check, parts.family, DASHLINK_LIMITS.familyName, { path: parts.familyPath }, 'family name')
}

function itemRules (check: Check, items: CarrierFacts['items']): void {
  if (items.count !== 1) {
    add(check, items.path, 'single_item', `DashLink takes exactly one item (the package), got ${items.count}`)
    return
  }
  const item = items.itemPath ?? `${items.path}.0`
  if (items.quantity !== 1) add(check, `${item}.quantity`, 'item_quantity', `DashLink takes one package per label: item quantity must be 1, got ${items.quantity ?? 'none'}`)
  if (!items.weighed) add(check, `${item}.weight`, 'item_weight', 'the package weight is required by DashLink')
  if (!items.measured) add(check, item, 'item_dimensions', 'the package length, width and height are required by DashLink')
}

function phoneRules (check: Check, data: LabelData, facts: CarrierFacts): void {
  const phone = data.recipient.phone
  if (phone === undefined) add(check, facts.recipientPhonePath, 'required', 'recipient phone number is required by DashLink (E.164, e.g. +16505555555)')
  else if (!isE164(phone)) add(check, pathOf(check, 'recipient.phone'), 'e164', `phone "${phone}" is not E.164 (e.g. +16505555555)`)
  const shipperPhone = data.shipper.phone
  if (shipperPhone !== undefined && !isE164(shipperPhone)) add(check, pathOf(check, 'shipper.phone'), 'e164', `phone "${shipperPhone}" is not E.164 (e.g. +16505555555)`)
}

function usAddressRules (check: Check, address: Address, label: string): void {
  if (address.country !== 'US') {
    add(check, pathOf(check, `${label}.country`), 'us_address', `DashLink delivers within the US only; country is ${address.country}`)
    return
  }
  if (address.city === undefined) add(check, pathOf(check, `${label}.city`), 'required', 'city is required for a US address')
  if (address.region === undefined) add(check, pathOf(check, `${label}.region`), 'required', 'state is required for a US address')
  else if (usStateCode(address.region) !== address.region) add(check, pathOf(check, `${label}.region`), 'us_state', `state "${address.region}" is not a 2-letter US state code`)
  if (address.postalCode === undefined) add(check, pathOf(check, `${label}.postalCode`), 'required', 'ZIP code is required for a US address')
  else if (!US_ZIP.test(address.postalCode)) add(check, pathOf(check, `${label}.postalCode`), 'us_zip', `ZIP "${address.postalCode}" is not a 5-digit US ZIP (or ZIP+4)`)
}

/** Every DashLink rule the label data breaks, each with the record path it came from. */
export function checkCarrierRules (data: LabelData, facts: CarrierFacts, paths: PathLookup): FieldIssue[] {
  const check: Check = { issues: [], paths }
  nameRules(check, data, facts)
  limit(check, data.recipient.company, DASHLINK_LIMITS.businessName, 'recipient.company', 'business name')
  const lines = data.recipient.address.lines
  limit(check, lines[0], DASHLINK_LIMITS.street, 'recipient.address.lines.0', 'street address')
  limit(check, lines[1], DASHLINK_LIMITS.subPremise, 'recipient.address.lines.1', 'sub-premise')
  if (lines.length > 2) add(check, pathOf(check, 'recipient.address.lines.2'), 'max_items', `address has ${lines.length} street lines; DashLink takes a street and one sub-premise`)
  limit(check, data.instructions, DASHLINK_LIMITS.instructions, 'instructions', 'instructions')
  itemRules(check, facts.items)
  usAddressRules(check, data.recipient.address, 'recipient.address')
  const shipperAddress = data.shipper.address
  if (shipperAddress !== undefined && shipperAddress.country !== 'US') {
    add(check, pathOf(check, 'shipper.address.country'), 'us_address', `DashLink ships within the US only; shipper country is ${shipperAddress.country}`)
  }
  phoneRules(check, data, facts)
  return check.issues
}

/** A broken carrier rule as the warning a record gets when the rules are not enforced. */
export function carrierRuleWarning (v: FieldIssue): LabelWarning {
  return { code: 'CARRIER_RULE', path: v.path, message: `${v.message} (DashLink rule ${v.rule}; enforced with strict or the dashlink template)` }
}
