// A print job that names an archived label (`label_id`) instead of a record: the label is drawn again from its
// archived data at the printer's density, in the label font the queue installs on its printers, and queued as one
// ZPL format. The same data prints the same content and ship date whatever printer or density it goes to.
import { LabelNotFoundError } from '../../archive/errors.ts'
import type { LabelArchive } from '../../archive/label-archive.ts'
import { ValidationError } from '../../errors.ts'
import type { PrintQueue, PrintRequest } from '../../printing/print-queue.ts'
import { printerDpi } from '../../printing/printer-registry.ts'
import type { LabelService } from '../../service/types.ts'
import type { Dpi } from '../../units.ts'
import type { PrintJobBody } from './schemas.ts'

/** What printing an archived label needs; absent when the service keeps no labels. */
export interface ArchivedLabels {
  archive: LabelArchive
  service: Pick<LabelService, 'renderData'>
}

/** The density to draw for: the job's own, the printer's configured or detected one, or what it reports now. */
async function densityOf (queue: PrintQueue, printerId: string, asked: Dpi | undefined): Promise<Dpi> {
  const printer = await queue.registry.usable(printerId)
  const known = asked ?? printerDpi(printer)
  if (known !== undefined) return known
  const status = await queue.status(printerId)
  const detected = status.identification?.dpi
  if (detected !== undefined) return detected
  throw new ValidationError([{ path: 'dpi', rule: 'required', message: `printer "${printerId}" has no configured density and did not report one in ~HI (${status.identificationError ?? status.error ?? 'unknown density'}); give dpi 203 or 300` }])
}

/** The print request for a job body that names `label_id`. */
export async function archivedLabelJob (body: PrintJobBody & { label_id: string }, queue: PrintQueue, labels: ArchivedLabels | undefined,
  idempotencyKey: string | undefined): Promise<PrintRequest> {
  if (body.record !== undefined || body.label !== undefined) {
    throw new ValidationError([{ path: 'label_id', rule: 'one_of', message: 'send exactly one of record, label or label_id' }])
  }
  for (const field of ['source', 'template', 'strict'] as const) {
    if (body[field] !== undefined) throw new ValidationError([{ path: field, rule: 'not_with_label_id', message: `an archived label prints with the ${field} it was made with; leave ${field} out` }])
  }
  if (labels === undefined) throw new LabelNotFoundError(body.label_id, 'label_id')
  const label = await labels.archive.get(body.label_id)
  if (label === undefined) throw new LabelNotFoundError(body.label_id, 'label_id')
  const dpi = await densityOf(queue, body.printer_id, body.dpi)
  const zpl = await labels.service.renderData({ data: label.data, template: label.options.template, dpi, format: 'zpl', text: 'font' })
  return { printerId: body.printer_id, label: zpl.toString('utf8'), dpi, copies: body.copies, idempotencyKey, trackingCode: label.data.trackingCode }
}
