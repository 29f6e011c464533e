import { LabelworksError } from '../errors.ts'

/** Data that cannot be encoded as Code128 on our labels (empty, control or non-ASCII characters). */
export class BarcodeDataError extends LabelworksError {
  readonly code = 'INVALID_BARCODE_DATA'

  constructor (readonly path: string, message: string) {
    super(`${path}: ${message}`, { issues: [{ path, rule: 'barcode_character', message }] })
  }
}
