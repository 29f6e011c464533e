// One delivery attempt of one job: connect, ask `~HS`, hold on a fault, store the font once, then write the label.
// The job is marked `writing` in the store before its first label byte leaves; from then on it is never sent again
// automatically, whatever happens (that is the at-most-once rule; see docs/printing.md, "Delivery guarantee").
import { createHash } from 'node:crypto'
import { PrinterConnectionError, type AddressCheck, type PrinterConnection } from './connection.ts'
import { MalformedReplyError, parseHostIdentification, parseHostStatus, type HostIdentification, type HostStatus } from './host-status.ts'
import type { Printer } from './printer-registry.ts'
import type { PrintJob, PrintStore } from './store.ts'
import { transportOf } from './transports/index.ts'

/** Timeouts of one attempt, in milliseconds. */
export interface SendTimeouts {
  connectTimeoutMs: number
  /** A printer that does not answer `~HS` within this is treated as faulted (head open, media out). */
  statusTimeoutMs: number
  /** Per write (font download, label) and for the printer to close after the last byte. */
  writeTimeoutMs: number
}

/** How an attempt ended. `retry`: nothing of the label was written; `held`: the printer reported a fault. */
export type Outcome =
  | { kind: 'printed', writtenAt: number }
  | { kind: 'retry', reason: string }
  | { kind: 'held', reason: string }
  | { kind: 'failed', reason: string }
  | { kind: 'canceled' }
  /** This instance no longer holds the printer's lease; the job went back to the queue unwritten. */
  | { kind: 'lost' }

/** A `~HS` answer with when and how fast it came. */
export interface StatusProbe {
  reachable: boolean
  rttMs: number | null
  status: HostStatus | null
  identification: HostIdentification | null
  /** Why `~HI` gave no density we lay out at (unanswered, not understood, or another density); absent when it did. */
  identificationError?: string
  error: string | null
  checkedAt: number
}

/** The font download a printer needs, and the hash recorded once a printer has it. */
export interface FontDownload {
  bytes: Buffer
  hash: string
}

export function fontDownload (zpl: string): FontDownload {
  const bytes = Buffer.from(zpl, 'utf8')
  return { bytes, hash: createHash('sha256').update(bytes).digest('hex').slice(0, 32) }
}

const message = (err: unknown): string => err instanceof Error ? err.message : String(err)

/**
 * Asks `~HS` (and `~HI` when `identify` is set) on an open connection. A `~HI` that goes unanswered is reported as
 * no identification, but its timeout has closed the connection: only probe-only connections identify.
 */
export async function probe (conn: PrinterConnection, timeouts: SendTimeouts, identify: boolean): Promise<StatusProbe> {
  const started = performance.now()
  const checkedAt = Date.now()
  try {
    const frames = await conn.query('~HS', 3, timeouts.statusTimeoutMs)
    const rttMs = Math.round((performance.now() - started) * 10) / 10
    const status = parseHostStatus(frames)
    let identification: HostIdentification | null = null
    let identificationError: string | undefined
    if (identify) {
      try {
        identification = parseHostIdentification((await conn.query('~HI', 1, timeouts.statusTimeoutMs))[0])
        if (identification.dpi === undefined) identificationError = `~HI reports ${identification.dpmm} dots/mm; labels are laid out at 8 (203 dpi) or 12 (300 dpi)`
      } catch (err) {
        identification = null
        identificationError = err instanceof PrinterConnectionError && err.timedOut
          ? `no ~HI answer within ${timeouts.statusTimeoutMs} ms`
          : `~HI answer not understood: ${message(err)}`
      }
    }
    return { reachable: true, rttMs, status, identification, ...(identificationError === undefined ? {} : { identificationError }), error: null, checkedAt }
  } catch (err) {
    const silent = err instanceof PrinterConnectionError && err.timedOut
    const error = silent
      ? `no ~HS answer within ${timeouts.statusTimeoutMs} ms (head open or media out, or not a ZPL printer)`
      : err instanceof MalformedReplyError ? `malformed ~HS answer: ${err.message}` : `~HS failed: ${message(err)}`
    return { reachable: true, rttMs: null, status: null, identification: null, error, checkedAt }
  }
}

/** Connects and asks `~HS` and `~HI` without sending anything else (status endpoint, density detection). */
export async function probePrinter (printer: Printer, timeouts: SendTimeouts, checkAddress?: AddressCheck): Promise<StatusProbe> {
  let conn: PrinterConnection
  try {
    conn = await transportOf(printer.transport).open(printer, timeouts.connectTimeoutMs, checkAddress)
  } catch (err) {
    return { reachable: false, rttMs: null, status: null, identification: null, error: message(err), checkedAt: Date.now() }
  }
  try {
    return await probe(conn, timeouts, true)
  } finally {
    await conn.close(timeouts.statusTimeoutMs).catch(() => {})
  }
}

/** Everything an attempt uses. */
export interface SendContext {
  store: PrintStore
  font: FontDownload
  timeouts: SendTimeouts
  /** Told about every `~HS` the sender asks, so the status endpoint can answer while a job is being sent. */
  onProbe: (printerId: string, probe: StatusProbe) => void
  /** Refuses addresses no printer may have, checked on every connection after the host name is resolved. */
  checkAddress?: AddressCheck
  /** This instance's lease owner id: the label is written only while it holds the printer's lease. */
  owner?: string
}

/** Makes one attempt at `job` on `printer`; updates the job's row and returns how it ended. */
export async function attemptJob (ctx: SendContext, job: PrintJob, printer: Printer): Promise<Outcome> {
  const { store, timeouts } = ctx
  if (!await store.markSending(job.id)) return { kind: 'canceled' }
  let conn: PrinterConnection
  try {
    conn = await transportOf(printer.transport).open(printer, timeouts.connectTimeoutMs, ctx.checkAddress)
  } catch (err) {
    return { kind: 'retry', reason: message(err) }
  }
  let labelStarted = false
  try {
    // No ~HI here: a printer that does not answer it would lose this connection, and the label is already laid out.
    const result = await probe(conn, timeouts, false)
    ctx.onProbe(printer.id, result)
    if (result.status === null) return { kind: 'retry', reason: result.error ?? 'no ~HS answer' }
    if (result.status.faults.length > 0) return { kind: 'held', reason: `held: printer reports ${result.status.faults.join(', ')}` }
    // A write resolves once the OS has the bytes, not the printer: a printer that drops the connection partway
    // through ~DU has not stored the font. Only the clean close below proves it read every byte.
    const fontSent = await store.fontHash(printer.id) !== ctx.font.hash
    if (fontSent) await conn.write(ctx.font.bytes, timeouts.writeTimeoutMs)
    // Cancel (or a takeover after this instance's lease ran out) may have won while we connected; after this
    // UPDATE neither can. A lost lease leaves the job requeued by the new holder: nothing to do here.
    if (!await store.markWriting(job.id, ctx.owner)) {
      return await store.requeue(job.id, 'this instance lost the printer\'s lease before writing', false) ? { kind: 'lost' } : { kind: 'canceled' }
    }
    labelStarted = true
    await conn.write(job.zpl, timeouts.writeTimeoutMs)
    const writtenAt = Date.now()
    // The printer closing its side after our FIN means it has read every byte.
    await conn.close(timeouts.writeTimeoutMs)
    // Moved (or removed) while the font was on the wire: the printer now at that id does not have it.
    const now = await store.printer(printer.id)
    if (fontSent && now?.transport === printer.transport && now.host === printer.host && now.port === printer.port) await store.setFontHash(printer.id,
      ctx.font.hash)
    return { kind: 'printed', writtenAt }
  } catch (err) {
    if (labelStarted) return { kind: 'failed', reason: `interrupted while writing the label: may have printed (${message(err)}); not resent automatically` }
    return { kind: 'retry', reason: message(err) }
  } finally {
    conn.destroy()
  }
}
