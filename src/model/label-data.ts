// Canonical label data: what every record adapter produces and every template reads.
// Free text is kept exactly as the user sent it (trimmed, newlines folded by the adapter); nothing is shortened here.

/** A postal address as it should be printed. */
export interface Address {
  /** Street lines in print order: street, then sub-premise (apartment, floor, suite). */
  lines: string[]
  city?: string
  /** State, province or region code, e.g. `CA`. */
  region?: string
  postalCode?: string
  /** ISO 3166-1 alpha-2 country code, e.g. `US`. */
  country: string
}

/** Who sends the package. */
export interface Shipper {
  name: string
  phone?: string
  address?: Address
}

/** Who receives the package. */
export interface Recipient {
  name: string
  company?: string
  phone?: string
  address: Address
}

/** A measured weight; units are converted only in `src/units.ts`. */
export interface Weight {
  value: number
  unit: 'lb' | 'oz' | 'kg' | 'g'
}

/** Package dimensions. */
export interface Dimensions {
  length: number
  width: number
  height: number
  unit: 'in' | 'cm'
}

/** The package being shipped. */
export interface PackageInfo {
  weight?: Weight
  dimensions?: Dimensions
  description?: string
}

/** A printed reference such as an order number (`Ref# 123`). */
export interface Reference {
  /** Caption printed before the value, e.g. `Ref#`. */
  label: string
  value: string
}

/** Everything a label shows, independent of where the record came from. */
export interface LabelData {
  /** What the Code128 barcode encodes and what the carrier scans. */
  trackingCode: string
  /** Ship date as `YYYY-MM-DD`. */
  shipDate?: string
  shipper: Shipper
  recipient: Recipient
  package?: PackageInfo
  references: Reference[]
  /** Sort, route or facility code printed large at the top right. */
  sortCode?: string
  /** Delivery instructions for the driver. */
  instructions?: string
  /** Carrier and service line printed in the footer, e.g. `By DashLink`. */
  carrierLine?: string
}

/** A non-fatal problem noticed while reading a record or laying out a label; returned to the client. */
export interface LabelWarning {
  /** Stable code, e.g. `TEXT_TRUNCATED`, `TRACKING_CODE_LEADING_ZERO`. */
  code: string
  /** Where it applies, e.g. `record.recipient.name` or the template field `recipient.name`. */
  path: string
  message: string
}
