// Removing a printer is refused while it would lose something: jobs still waiting for it (they would be canceled
// unseen), or an entry of PRINTERS_FILE (it would come back at the next start, so the file is where to remove it).
import { LabelworksError } from '../../errors.ts'
import type { PrintQueue } from '../../printing/print-queue.ts'
import type { Printer } from '../../printing/printer-registry.ts'

/** The printer still has jobs queued or being sent. */
export class PrinterHasJobsError extends LabelworksError {
  readonly code = 'PRINTER_HAS_JOBS'

  constructor (readonly printerId: string, jobs: number) {
    const message = `printer "${printerId}" has ${jobs} job${jobs === 1 ? '' : 's'} queued or sending; cancel ${jobs === 1 ? 'it' : 'them'} or let ${jobs === 1 ? 'it' : 'them'} finish first`
    super(message, { issues: [{ path: 'path.id', rule: 'no_queued_jobs', message }] })
  }
}

/** The printer is defined by PRINTERS_FILE, which would register it again at the next start. */
export class PrinterInConfigFileError extends LabelworksError {
  readonly code = 'PRINTER_IN_CONFIG_FILE'

  constructor (readonly printerId: string) {
    const message = `printer "${printerId}" is defined in the printers file (PRINTERS_FILE); remove it there, or disable it here`
    super(message, { issues: [{ path: 'path.id', rule: 'not_in_config_file', message }] })
  }
}

/** Removes printer `id` unless it is defined by the config file or has jobs still to print. */
export async function removePrinter (queue: PrintQueue, id: string): Promise<Printer> {
  const printer = await queue.registry.get(id, 'path.id')
  if (printer.origin === 'file') throw new PrinterInConfigFileError(id)
  const jobs = await queue.depth(id)
  if (jobs > 0) throw new PrinterHasJobsError(id, jobs)
  return await queue.registry.remove(id)
}
