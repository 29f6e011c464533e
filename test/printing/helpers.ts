// Shared pieces of the print queue tests: a small LabelService stand-in, temp data dirs and polling.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import type { LabelRequest, LabelService, RenderedZpl } from '../../src/service/types.ts'
import { createPrintQueue, type PrintQueueOptions } from '../../src/printing/print-queue.ts'

/** A font download shaped like the real one (~DU, name, size, hex), small enough to compare by eye. */
export const STUB_FONT = '~DUE:LWSANS.TTF,8,0001000000100100'

/** Renders `{ n }` records as a one-field label that names the density it was laid out for. */
export function stubService (): Pick<LabelService, 'renderZpl' | 'fontDownloadZpl'> & { requests: LabelRequest[] } {
  const requests: LabelRequest[] = []
  return {
    requests,
    fontDownloadZpl: () => STUB_FONT,
    renderZpl (request: LabelRequest): RenderedZpl {
      requests.push(request)
      const n = String((request.record as { n?: unknown }).n ?? '?')
      const dpi = request.dpi ?? 203
      return {
        format: 'zpl', contentType: 'x-application/zpl', zpl: `^XA^FO20,20^A@N,40,40,E:LWSANS.TTF^FDlabel ${n} at ${dpi}^FS^XZ`,
        trackingCode: `T${n}`, source: 'generic', template: 'standard', dpi, warnings: [],
        data: { trackingCode: `T${n}`, shipper: { name: 'Stub' }, recipient: { name: 'Stub', address: { lines: [], country: 'US' } }, references: [] }
      }
    }
  }
}

export function tempDir (): string {
  return mkdtempSync(path.join(tmpdir(), 'lw-print-'))
}

/** Short timeouts and backoffs so failure paths finish in milliseconds. */
export const FAST: Omit<PrintQueueOptions, 'dataDir' | 'service'> = {
  connectTimeoutMs: 500, statusTimeoutMs: 150, writeTimeoutMs: 2_000, maxAttempts: 3, backoffBaseMs: 5, backoffMaxMs: 20, faultPollMs: 20, synchronous: 'NORMAL'
}

/** Polls `check` every 5 ms until it returns (or resolves to) true; fails the test after `timeoutMs`. */
export async function waitFor (check: () => boolean | Promise<boolean>, timeoutMs = 5_000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs
  while (!await check()) {
    if (Date.now() > end) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/** A started queue in a fresh data dir (or `dataDir`, or `databaseUrl`). */
export async function openQueue (extra: Partial<PrintQueueOptions> = {}) {
  const queue = await createPrintQueue({ dataDir: tempDir(), service: stubService(), ...FAST, ...extra })
  await queue.start()
  return queue
}

/** The job's state now. */
export const stateOf = async (queue: { get: (id: string) => Promise<{ state: string }> }, id: string): Promise<string> => (await queue.get(id)).state
