// Records as they arrive: a fulfilment system that prints "on delivery created" posts the webhook body it got, and
// that body wraps the delivery. Known envelopes are recognised by their own marker fields; any other object that
// no source recognises is looked into through the usual wrapper fields (`data`, `delivery`, `payload`…). An
// event that carries no delivery at all (a courier position, a status ping with a link) is refused, saying so.
import { LabelworksError, type FieldIssue } from '../errors.ts'
import { isRec, type Rec } from './reader.ts'

/** The envelope a delivery was taken out of. */
export interface Envelope {
  /** Which envelope: `uber_delivery_status`, `doordash_classic_webhook`, `wrapper`, `list_of_one`. */
  name: string
  /** Where the delivery was in what was sent: `record.data`, `record.delivery`, `record.data.0`. */
  path: string
  /** One line for the answer: "Uber Direct / Postmates event.delivery_status webhook". */
  description: string
}

/** What was sent is an event or a list that holds no single delivery a label can be made from. */
export class RecordNotADeliveryError extends LabelworksError {
  readonly code = 'RECORD_NOT_A_DELIVERY'

  constructor (issue: FieldIssue) {
    super(`${issue.path}: ${issue.message}`, { issues: [issue] })
  }
}

/** Fields that wrap a delivery in webhook bodies and API answers, in the order they are looked into. */
const WRAPPER_KEYS = ['data', 'delivery', 'payload', 'object', 'event', 'body', 'resource', 'result'] as const
/** Fields that hold a list of deliveries in API answers (Uber's List Deliveries answers `{ data: [ … ] }`). */
const LIST_KEYS = ['data', 'deliveries', 'results'] as const
/** An envelope inside an envelope (a queue message around a webhook body) is unwrapped up to this depth. */
export const MAX_ENVELOPE_DEPTH = 3

/** True when a source recognises the record as it is. */
export type Recognised = (record: Rec) => boolean

/** One envelope opened: what was inside, under which field (`data`, `data.0`), and what the envelope was. */
export interface EnvelopeStep { inner: Rec, at: string, name: string, description: string }

/** The envelopes known by their marker fields; undefined when `outer` has none of them. */
export function knownEnvelope (outer: Rec, path: string): EnvelopeStep | undefined {
  const kind = outer.kind
  if (typeof kind === 'string' && kind.startsWith('event.')) {
    // Uber Direct inherited Postmates' webhooks: `{ kind: "event.delivery_status", status, data: { …delivery… } }`.
    if (kind === 'event.courier_update') {
      throw new RecordNotADeliveryError({ path: `${path}.kind`, rule: 'webhook_without_delivery', message: 'an event.courier_update webhook carries the courier\'s position, not the delivery; make labels from event.delivery_status webhooks (the delivery is in data)' })
    }
    if (isRec(outer.data)) return { inner: outer.data, at: 'data', name: 'uber_delivery_status', description: `Uber Direct / Postmates ${kind} webhook` }
    throw new RecordNotADeliveryError({ path: `${path}.data`, rule: 'webhook_without_delivery', message: `a ${kind} webhook without the delivery object in data` })
  }
  // DoorDash Drive's classic webhooks: `{ event_category: "delivery_created", delivery: { … } }`.
  if ('event_category' in outer && isRec(outer.delivery)) {
    return { inner: outer.delivery, at: 'delivery', name: 'doordash_classic_webhook', description: 'DoorDash Drive classic webhook' }
  }
  // Uber's status notifications hold only a link to the delivery: `{ event_type, meta, resource_href }`.
  if (typeof outer.resource_href === 'string' && ('event_type' in outer || 'event_id' in outer) && !WRAPPER_KEYS.some((k) => isRec(outer[k]))) {
    const type = typeof outer.event_type === 'string' ? `${outer.event_type} ` : ''
    throw new RecordNotADeliveryError({ path: `${path}.resource_href`, rule: 'webhook_without_delivery', message: `an Uber ${type}notification links to the delivery instead of carrying it; fetch it from resource_href and send that` })
  }
  return undefined
}

/** The wrapper field holding a delivery a source recognises, when `outer` itself is not one. */
export function wrappedDelivery (outer: Rec, path: string, recognised: Recognised): EnvelopeStep | undefined {
  for (const key of WRAPPER_KEYS) {
    const inner = outer[key]
    if (isRec(inner) && (recognised(inner) || knownOrWrapped(inner, recognised))) {
      return { inner, at: key, name: 'wrapper', description: `the delivery in ${path}.${key}` }
    }
  }
  for (const key of LIST_KEYS) {
    const list = outer[key]
    if (!Array.isArray(list) || list.length === 0 || !list.every(isRec)) continue
    if (!list.some((item) => recognised(item))) continue
    if (list.length > 1) {
      throw new RecordNotADeliveryError({ path: `${path}.${key}`, rule: 'one_delivery', message: `holds ${list.length} deliveries; a label is made from one: send each on its own, or all of them as a batch` })
    }
    return { inner: list[0] as Rec, at: `${key}.0`, name: 'list_of_one', description: `the one delivery listed in ${path}.${key}` }
  }
  return undefined
}

/** True when a delivery is found somewhere inside `outer` (bounded by the wrapper keys, not by depth alone). */
function knownOrWrapped (outer: Rec, recognised: Recognised): boolean {
  for (const key of WRAPPER_KEYS) {
    const inner = outer[key]
    if (isRec(inner) && recognised(inner)) return true
  }
  return false
}

/** The envelope `first` opened, with the path of the delivery finally found inside it. */
export function envelopeOf (first: EnvelopeStep, path: string): Envelope {
  return { name: first.name, path, description: first.description }
}

const RECORD_PATH = /(^|[\s,(`"])record\./g

/** A path or message about the unwrapped delivery, re-rooted at where the delivery was in what was sent. */
export function rerooted (text: string, root: string): string {
  return text === 'record' ? root : text.replace(RECORD_PATH, `$1${root}.`)
}
