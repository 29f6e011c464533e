// A reprint is a new job carrying the bytes of an earlier one: the record is not kept, only the label the queue
// rendered from it, so the same label prints whatever the templates or the record source have become since.
import type { PrintRequest } from '../../printing/print-queue.ts'
import type { PrintJob } from '../../printing/store.ts'
import type { ReprintBody } from './schemas.ts'

/** The earlier job's label without the `^PQ` the queue added for its copies, so the new job sets its own. */
function labelOf (job: PrintJob): string {
  const zpl = job.zpl.toString('utf8')
  if (job.copies <= 1) return zpl
  const added = `^PQ${job.copies}^XZ`
  return zpl.endsWith(added) ? `${zpl.slice(0, -added.length)}^XZ` : zpl
}

/** The print request that prints `job`'s label again; copies and printer default to the earlier job's. */
export function reprintRequest (job: PrintJob, body: ReprintBody, headerKey: string | undefined): PrintRequest {
  const label = labelOf(job)
  // A label whose quantity could not be taken out keeps it, and the earlier copies with it.
  const copies = label === job.zpl.toString('utf8') && job.copies > 1 ? undefined : body.copies ?? job.copies
  return { printerId: body.printer_id ?? job.printerId, label, copies, idempotencyKey: body.idempotency_key ?? headerKey }
}
