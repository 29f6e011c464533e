// What clients see of jobs, printers and status: snake_case, ISO times, never the ZPL bytes.
import type { PrinterStatusReport } from '../../printing/print-queue.ts'
import type { Printer } from '../../printing/printer-registry.ts'
import type { PrintJob } from '../../printing/store.ts'

const iso = (ms: number | null): string | null => ms === null ? null : new Date(ms).toISOString()

/** A job as the API shows it. */
export function jobView (job: PrintJob): Record<string, unknown> {
  return {
    id: job.id,
    printer_id: job.printerId,
    state: job.state,
    attempts: job.attempts,
    last_error: job.lastError,
    copies: job.copies,
    dpi: job.dpi,
    tracking_code: job.trackingCode,
    idempotency_key: job.idempotencyKey,
    bytes: job.zpl.length,
    created_at: iso(job.createdAt),
    updated_at: iso(job.updatedAt),
    sent_at: iso(job.sentAt),
    written_at: iso(job.writtenAt),
    finished_at: iso(job.finishedAt)
  }
}

/** A printer as the API shows it. */
export function printerView (p: Printer): Record<string, unknown> {
  return {
    id: p.id, name: p.name, transport: p.transport, host: p.host, port: p.port, dpi: p.dpi, detected_dpi: p.detectedDpi, enabled: p.enabled,
    origin: p.origin, created_at: iso(p.createdAt), updated_at: iso(p.updatedAt)
  }
}

/** Parsed ~HS fields, reachability, round trip and queue depth. */
export function statusView (r: PrinterStatusReport): Record<string, unknown> {
  const s = r.status
  return {
    printer_id: r.printerId,
    reachable: r.reachable,
    answered: s !== null,
    ready: s !== null && s.faults.length === 0,
    rtt_ms: r.rttMs,
    queue_depth: r.queueDepth,
    checked_at: iso(r.checkedAt),
    cached: r.cached,
    error: r.error,
    status: s === null
      ? null
      : {
          faults: s.faults,
          paper_out: s.paperOut,
          paused: s.paused,
          head_up: s.headUp,
          ribbon_out: s.ribbonOut,
          buffer_full: s.bufferFull,
          under_temperature: s.underTemperature,
          over_temperature: s.overTemperature,
          corrupt_ram: s.corruptRam,
          partial_format: s.partialFormat,
          labels_remaining: s.labelsRemaining,
          formats_in_buffer: s.formatsInBuffer,
          label_length_dots: s.labelLengthDots,
          graphics_stored: s.graphicsStored
        },
    identification: r.identification === null
      ? null
      : { model: r.identification.model, firmware: r.identification.firmware, dpmm: r.identification.dpmm, dpi: r.identification.dpi ?? null },
    identification_error: r.identificationError ?? null
  }
}
