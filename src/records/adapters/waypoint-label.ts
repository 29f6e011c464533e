// Turns the two waypoints of an Uber Direct or Postmates record into label data; the adapters add what differs
// (items, tracking fields, references).
import type { PackageInfo } from '../../model/label-data.ts'
import { readShipDate } from '../dates.ts'
import type { Rec, RecordReader } from '../reader.ts'
import type { AdapterResult, CarrierFacts, ReferenceChoice, TrackingCandidate } from '../types.ts'
import { readWaypoint } from './waypoint-record.ts'

/** What differs between the sources sharing the waypoint model. */
export interface WaypointExtras {
  carrierLine: string
  pkg?: PackageInfo
  items: CarrierFacts['items']
  tracking: TrackingCandidate[]
  references: ReferenceChoice[]
}

/** Recipient from the dropoff, shipper from the pickup, ship date from the pickup window or creation time. */
export function readWaypointRecord (r: RecordReader, record: Rec, extras: WaypointExtras): AdapterResult | undefined {
  const dropoff = readWaypoint(r, record, 'dropoff')
  const pickup = readWaypoint(r, record, 'pickup')
  if (dropoff.name !== undefined) r.map('recipient.name', dropoff.namePath)
  else r.required(dropoff.namePath, 'recipient name is required (the dropoff name)')
  if (dropoff.business !== undefined) r.map('recipient.company', dropoff.businessPath)
  if (dropoff.address === undefined) r.required(dropoff.addressPath, 'recipient address is required: one line "street, city, state ZIP" or a structured address')
  const shipperName = pickup.business ?? pickup.name
  if (shipperName !== undefined) r.map('shipper.name', pickup.business !== undefined ? pickup.businessPath : pickup.namePath)
  else r.required(pickup.namePath, 'shipper name is required (the pickup name or pickup business name)')
  if (dropoff.notes !== undefined) r.map('instructions', dropoff.notesPath)
  const shipDate = readShipDate(r, record, 'record', ['pickup_ready_dt', 'pickup_ready', 'created'])
  if (dropoff.name === undefined || dropoff.address === undefined || shipperName === undefined) return undefined
  const data: AdapterResult['data'] = {
    shipper: {
      name: shipperName,
      ...(pickup.phone === undefined ? {} : { phone: pickup.phone }),
      ...(pickup.address === undefined ? {} : { address: pickup.address })
    },
    recipient: {
      name: dropoff.name,
      address: dropoff.address,
      ...(dropoff.business === undefined || dropoff.business === dropoff.name ? {} : { company: dropoff.business }),
      ...(dropoff.phone === undefined ? {} : { phone: dropoff.phone })
    },
    carrierLine: extras.carrierLine,
    ...(shipDate === undefined ? {} : { shipDate }),
    ...(extras.pkg === undefined ? {} : { package: extras.pkg }),
    ...(dropoff.notes === undefined ? {} : { instructions: dropoff.notes })
  }
  return {
    data,
    tracking: extras.tracking,
    references: extras.references,
    facts: { items: extras.items, recipientPhonePath: dropoff.phonePath }
  }
}
