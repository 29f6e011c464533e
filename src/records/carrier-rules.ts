// DashLink's parcel rules (guide: field limits, one package item, US addresses, E.164 phones). The pipeline turns
// what this finds into errors when rules are enforced (dashlink template, strict: true) and into warnings otherwise.
import type { FieldIssue } from '../errors.ts'
import type { Address, LabelData } from '../model/label-data.ts'
import { usStateCode } from './address/us-states.ts'
import { E164 } from './phone.ts'
import type { CarrierFacts } from './types.ts'

/** DashLink character limits. */
export const DASHLINK_LIMITS = { givenName: 25, familyName: 25, businessName: 50, street: 50, subPremise: 50, instructions: 100 } as const
/** A single-field name is allowed what given + space + family would print. */
const SINGLE_NAME_LIMIT = DASHLINK_LIMITS.givenName + 1 + DASHLINK_LIMITS.familyName
const US_ZIP = /^\d{5}(-\d{4})?$/

function length (text: string): number {
  return [...text].length
}

/** Every DashLink rule the label data breaks, each with the record path it came from. */
export function checkCarrierRules (data: LabelData, facts: CarrierFacts, fieldPaths: Record<string, string>): FieldIssue[] {
  const issues: FieldIssue[] = []
  const pathOf = (label: string, fallback?: string): string => {
    for (let at = label; at !== ''; at = at.slice(0, Math.max(0, at.lastIndexOf('.')))) {
      const path = fieldPaths[at]
      if (path !== undefined) return path
    }
    return fallback ?? 'record'
  }
  const add = (path: string, rule: string, message: string): void => { issues.push({ path, rule, message }) }
  const limit = (text: string | undefined, max: number, path: string, what: string): void => {
    if (text !== undefined && length(text) > max) add(path, 'max_length', `${what} has ${length(text)} characters; DashLink allows at most ${max}`)
  }

  const parts = facts.nameParts
  if (parts !== undefined) {
    if (parts.given === undefined) add(parts.givenPath, 'required', 'recipient given name is required by DashLink')
    if (parts.family === undefined) add(parts.familyPath, 'required', 'recipient family name is required by DashLink')
    limit(parts.given, DASHLINK_LIMITS.givenName, parts.givenPath, 'given name')
    limit(parts.family, DASHLINK_LIMITS.familyName, parts.familyPath, 'family name')
  } else {
    limit(data.recipient.name, SINGLE_NAME_LIMIT, pathOf('recipient.name'), 'recipient name')
  }
  limit(data.recipient.company, DASHLINK_LIMITS.businessName, pathOf('recipient.company'), 'business name')
  const lines = data.recipient.address.lines
  limit(lines[0], DASHLINK_LIMITS.street, pathOf('recipient.address.lines.0'), 'street address')
  limit(lines[1], DASHLINK_LIMITS.subPremise, pathOf('recipient.address.lines.1'), 'sub-premise')
  if (lines.length > 2) add(pathOf('recipient.address.lines.2'), 'max_items', `address has ${lines.length} street lines; DashLink takes a street and one sub-premise`)
  limit(data.instructions, DASHLINK_LIMITS.instructions, pathOf('instructions'), 'instructions')

  const items = facts.items
  if (items.count !== 1) {
    add(items.path, 'single_item', `DashLink takes exactly one item (the package), got ${items.count}`)
  } else {
    if (items.quantity !== 1) add(`${items.path}.0.quantity`, 'item_quantity', `DashLink takes one package per label: item quantity must be 1, got ${items.quantity ?? 'none'}`)
    if (!items.weighed) add(`${items.path}.0.weight`, 'item_weight', 'the package weight is required by DashLink')
    if (!items.measured) add(`${items.path}.0`, 'item_dimensions', 'the package length, width and height are required by DashLink')
  }

  usAddressRules(data.recipient.address, 'recipient.address', pathOf, add)
  const shipperAddress = data.shipper.address
  if (shipperAddress !== undefined && shipperAddress.country !== 'US') {
    add(pathOf('shipper.address.country'), 'us_address', `DashLink ships within the US only; shipper country is ${shipperAddress.country}`)
  }

  const phone = data.recipient.phone
  if (phone === undefined) add(facts.recipientPhonePath, 'required', 'recipient phone number is required by DashLink (E.164, e.g. +16505555555)')
  else if (!E164.test(phone)) add(pathOf('recipient.phone'), 'e164', `phone "${phone}" is not E.164 (e.g. +16505555555)`)
  const shipperPhone = data.shipper.phone
  if (shipperPhone !== undefined && !E164.test(shipperPhone)) add(pathOf('shipper.phone'), 'e164', `phone "${shipperPhone}" is not E.164 (e.g. +16505555555)`)
  return issues
}

function usAddressRules (address: Address, label: string, pathOf: (l: string) => string, add: (p: string, r: string, m: string) => void): void {
  if (address.country !== 'US') {
    add(pathOf(`${label}.country`), 'us_address', `DashLink delivers within the US only; country is ${address.country}`)
    return
  }
  if (address.city === undefined) add(pathOf(`${label}.city`), 'required', 'city is required for a US address')
  if (address.region === undefined) add(pathOf(`${label}.region`), 'required', 'state is required for a US address')
  else if (usStateCode(address.region) !== address.region) add(pathOf(`${label}.region`), 'us_state', `state "${address.region}" is not a 2-letter US state code`)
  if (address.postalCode === undefined) add(pathOf(`${label}.postalCode`), 'required', 'ZIP code is required for a US address')
  else if (!US_ZIP.test(address.postalCode)) add(pathOf(`${label}.postalCode`), 'us_zip', `ZIP "${address.postalCode}" is not a 5-digit US ZIP (or ZIP+4)`)
}
