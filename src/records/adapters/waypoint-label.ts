// Turns the two waypoints of an Uber Direct or Postmates record into label data; the adapters add what differs
// (items, tracking fields, references).
import type { PackageInfo, Recipient } from '../../model/label-data.ts'
import { readShipDate } from '../dates.ts'
import { joinPath } from '../field-paths.ts'
import type { Rec, RecordReader } from '../reader.ts'
import type { AdapterResult, CarrierFacts, ReferenceChoice, TrackingCandidate } from '../types.ts'
import { shipperOf } from './common.ts'
import { readWaypoint } from './waypoint-record.ts'

/** What differs between the sources sharing the waypoint model. */
export interface WaypointExtras {
  carrierLine: string
  pkg?: PackageInfo
  items: CarrierFacts['items']
  tracking: TrackingCandidate[]
  references: ReferenceChoice[]
}

const SHIP_DATE_FIELDS = ['pickup_ready_dt', 'pickup_ready', 'created']

/** Recipient from the dropoff, shipper from the pickup, ship date from the pickup window or creation time. */
export function readWaypointRecord (r: RecordReader, record: Rec, extras: WaypointExtras): AdapterResult | undefined {
  const dropoff = readWaypoint(r, record, 'dropoff')
  const pickup = readWaypoint(r, record, 'pickup')
  if (dropoff.name !== undefined) r.map('recipient.name', dropoff.base, dropoff.keys.name)
  else r.required(joinPath(dropoff.base, dropoff.keys.name), 'recipient name is required (the dropoff name)')
  if (dropoff.business !== undefined) r.map('recipient.company', dropoff.base, dropoff.keys.business_name)
  if (dropoff.address === undefined) r.required(dropoff.addressPath, 'recipient address is required: one line "street, city, state ZIP" or a structured address')
  const shipperName = pickup.business ?? pickup.name
  if (shipperName !== undefined) r.map('shipper.name', pickup.base, pickup.business !== undefined ? pickup.keys.business_name : pickup.keys.name)
  else r.required(joinPath(pickup.base, pickup.keys.name), 'shipper name is required (the pickup name or pickup business name)')
  if (dropoff.notes !== undefined) r.map('instructions', dropoff.base, dropoff.notesKey)
  const shipDate = readShipDate(r, record, 'record', SHIP_DATE_FIELDS)
  if (dropoff.name === undefined || dropoff.address === undefined || shipperName === undefined) return undefined
  // Built key by key in print order (no spreads: this runs for every record).
  const shipper = shipperOf(shipperName, pickup.phone, pickup.address)
  const recipient: Recipient = { name: dropoff.name, address: dropoff.address }
  if (dropoff.business !== undefined && dropoff.business !== dropoff.name) recipient.company = dropoff.business
  if (dropoff.phone !== undefined) recipient.phone = dropoff.phone
  const data: AdapterResult['data'] = { shipper, recipient, carrierLine: extras.carrierLine }
  if (shipDate !== undefined) data.shipDate = shipDate
  if (extras.pkg !== undefined) data.package = extras.pkg
  if (dropoff.notes !== undefined) data.instructions = dropoff.notes
  return {
    data,
    tracking: extras.tracking,
    references: extras.references,
    facts: { items: extras.items, recipientPhonePath: joinPath(dropoff.base, dropoff.keys.phone_number) }
  }
}
