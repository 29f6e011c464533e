// `labelworks print`, `labelworks reprint` and `labelworks printers`: clients of the running service's printing API (the queue lives in
// the service, so the CLI never opens a printer socket itself). URL and key come from the environment given in `io`.
import { parseArgs } from 'node:util'
import { parseJsonBody } from '../request/json.ts'
import { readInputText, type CliIo } from './io.ts'

export const PRINTING_USAGE = `usage: labelworks print --printer <id> <record.json|-> [--dpi 203|300] [--template name] [--source name]
                       [--strict] [--copies n] [--idempotency-key key] [--zpl] [--wait]
       labelworks reprint <label_id> --printer <id> [--dpi 203|300] [--copies n] [--idempotency-key key] [--wait]
       labelworks printers status [id]
       labelworks printers list
environment (and .env): LABELWORKS_URL (default http://HOST:PORT, the service's own settings, so http://127.0.0.1:3000),
             LABELWORKS_API_KEY (or API_KEY)
--zpl sends the file as one raw ^XA…^XZ label; --wait waits until the job is printed, failed or canceled.
reprint prints an archived label (the label_id POST /v1/labels answered) again, drawn at the printer's density.`

interface ApiError { error?: { code?: string, message?: string, issues?: { path: string, rule: string, message: string }[] } }

/** Talks JSON to the service; a failed call prints the service's error and yields its exit code. */
class Api {
  constructor (private readonly base: string, private readonly key: string | undefined, private readonly io: CliIo) {}

  async call<T> (method: string, path: string, body?: unknown): Promise<T | number> {
    const headers: Record<string, string> = {}
    if (this.key !== undefined) headers.authorization = `Bearer ${this.key}`
    if (body !== undefined) headers['content-type'] = 'application/json'
    let res: Response
    try {
      res = await fetch(new URL(path, this.base), { method, headers, body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(30_000) })
    } catch (err) {
      const inner = (err as { cause?: { code?: string, message?: string } }).cause
      const cause = inner?.code ?? inner?.message ?? (err as Error).message
      this.io.stderr.write(`error: cannot reach the labelworks service at ${this.base} (${cause}); start it with npm start or set LABELWORKS_URL\n`)
      return 1
    }
    const text = await res.text()
    let json: unknown
    try {
      json = text === '' ? {} : JSON.parse(text)
    } catch {
      json = { error: { code: String(res.status), message: text.slice(0, 200) } }
    }
    if (res.ok) return json as T
    const e = (json as ApiError).error
    this.io.stderr.write(`error ${e?.code ?? res.status}: ${e?.message ?? text}\n`)
    for (const issue of e?.issues ?? []) this.io.stderr.write(`  ${issue.path} (${issue.rule}): ${issue.message}\n`)
    return res.status >= 500 ? 1 : 2
  }
}

interface JobView { id: string, state: string, attempts: number, last_error: string | null, tracking_code: string | null, printer_id: string }
interface PrinterView { id: string, name: string, host: string, port: number, dpi: number | null, detected_dpi: number | null, enabled: boolean,
  queue_depth?: number }
interface StatusView { reachable: boolean, answered: boolean, ready: boolean, rtt_ms: number | null, queue_depth: number, error: string | null,
  identification_error: string | null, status: { faults: string[], labels_remaining: number, formats_in_buffer: number } | null }

const FINAL = new Set(['printed', 'failed', 'canceled'])
const describeJob = (j: JobView): string => `job ${j.id} on ${j.printer_id}: ${j.state}${j.tracking_code === null ? '' : ` (tracking ${j.tracking_code})`}${j.last_error === null ? '' : ` — ${j.last_error}`}\n`

async function print (api: Api, argv: string[], io: CliIo, pollMs: number): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      printer: { type: 'string', short: 'p' }, dpi: { type: 'string' }, template: { type: 'string' }, source: { type: 'string' },
      strict: { type: 'boolean' }, copies: { type: 'string' }, 'idempotency-key': { type: 'string' }, zpl: { type: 'boolean' }, wait: { type: 'boolean' }
    }
  })
  const file = positionals[0]
  if (values.printer === undefined || file === undefined || positionals.length > 1) {
    io.stderr.write(`${PRINTING_USAGE}\n`)
    return 2
  }
  let text: string
  try {
    text = await readInputText(file, io)
  } catch (err) {
    io.stderr.write(`error: ${(err as Error).message}\n`)
    return 2
  }
  const body: Record<string, unknown> = { printer_id: values.printer }
  if (values.zpl === true) body.label = text
  else body.record = parseJsonBody(text)
  if (values.dpi !== undefined) body.dpi = Number(values.dpi)
  if (values.copies !== undefined) body.copies = Number(values.copies)
  if (values.template !== undefined) body.template = values.template
  if (values.source !== undefined) body.source = values.source
  if (values.strict === true) body.strict = true
  if (values['idempotency-key'] !== undefined) body.idempotency_key = values['idempotency-key']
  return await submitJob(api, body, values.wait === true, io, pollMs)
}

/** `reprint <label_id> --printer <id>`: a print job for an archived label. */
async function reprint (api: Api, argv: string[], io: CliIo, pollMs: number): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { printer: { type: 'string', short: 'p' }, dpi: { type: 'string' }, copies: { type: 'string' }, 'idempotency-key': { type: 'string' }, wait: { type: 'boolean' } }
  })
  const labelId = positionals[0]
  if (values.printer === undefined || labelId === undefined || positionals.length > 1) {
    io.stderr.write(`${PRINTING_USAGE}\n`)
    return 2
  }
  const body: Record<string, unknown> = { printer_id: values.printer, label_id: labelId }
  if (values.dpi !== undefined) body.dpi = Number(values.dpi)
  if (values.copies !== undefined) body.copies = Number(values.copies)
  if (values['idempotency-key'] !== undefined) body.idempotency_key = values['idempotency-key']
  return await submitJob(api, body, values.wait === true, io, pollMs)
}

/** Queues a job and says what became of it; with `wait`, follows it until it ends (exit 0 only when printed). */
async function submitJob (api: Api, body: Record<string, unknown>, wait: boolean, io: CliIo, pollMs: number): Promise<number> {
  const created = await api.call<{ job: JobView }>('POST', '/v1/print-jobs', body)
  if (typeof created === 'number') return created
  let job = created.job
  io.stdout.write(describeJob(job))
  if (!wait) return 0
  while (!FINAL.has(job.state)) {
    await new Promise((resolve) => setTimeout(resolve, pollMs))
    const next = await api.call<{ job: JobView }>('GET', `/v1/print-jobs/${encodeURIComponent(job.id)}`)
    if (typeof next === 'number') return next
    job = next.job
  }
  io.stdout.write(describeJob(job))
  return job.state === 'printed' ? 0 : 1
}

function statusLine (p: PrinterView, s: StatusView): string {
  const state = !s.reachable ? 'UNREACHABLE' : !s.answered ? 'NO ANSWER' : s.ready ? 'ready' : `FAULT: ${s.status?.faults.join(', ')}`
  const rtt = s.rtt_ms === null ? '-' : `${s.rtt_ms} ms`
  const why = s.error ?? s.identification_error
  const detail = why === null ? '' : `  (${why})`
  return `${p.id.padEnd(16)} ${`${p.host}:${p.port}`.padEnd(22)} ${(p.enabled ? '' : 'disabled ').concat(state).padEnd(24)} rtt ${rtt.padEnd(9)} queue ${s.queue_depth}${detail}\n`
}

async function printers (api: Api, argv: string[], io: CliIo): Promise<number> {
  const [sub, id, ...extra] = argv
  if ((sub !== 'status' && sub !== 'list') || extra.length > 0 || (sub === 'list' && id !== undefined)) {
    io.stderr.write(`${PRINTING_USAGE}\n`)
    return 2
  }
  let list: PrinterView[]
  if (id !== undefined) {
    const one = await api.call<{ printer: PrinterView }>('GET', `/v1/printers/${encodeURIComponent(id)}`)
    if (typeof one === 'number') return one
    list = [one.printer]
  } else {
    const all = await api.call<{ printers: PrinterView[] }>('GET', '/v1/printers')
    if (typeof all === 'number') return all
    list = all.printers
  }
  if (list.length === 0) io.stdout.write('no printers registered (PRINTERS_FILE or POST /v1/printers)\n')
  if (sub === 'list') {
    for (const p of list) io.stdout.write(`${p.id.padEnd(16)} ${`${p.host}:${p.port}`.padEnd(22)} ${String(p.dpi ?? p.detected_dpi ?? '?')} dpi  ${p.enabled ? 'enabled' : 'disabled'}  queue ${p.queue_depth ?? 0}  ${p.name}\n`)
    return 0
  }
  let worst = 0
  for (const p of list) {
    const s = await api.call<{ status: StatusView }>('GET', `/v1/printers/${encodeURIComponent(p.id)}/status`)
    if (typeof s === 'number') return s
    io.stdout.write(statusLine(p, s.status))
    if (!s.status.ready) worst = 1
  }
  return worst
}

/**
 * The service's URL: LABELWORKS_URL, or else the HOST and PORT the service itself reads from this environment, so a
 * CLI run beside the service finds it whatever its port. A wildcard HOST (the service on every address) is reached
 * on loopback.
 */
export function serviceUrl (env: Record<string, string | undefined>): string {
  const given = env.LABELWORKS_URL?.trim()
  if (given !== undefined && given !== '') return given
  const host = env.HOST?.trim() || '127.0.0.1'
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '::1' : host
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${env.PORT?.trim() || '3000'}`
}

/** Runs `print …`, `reprint …` or `printers …` (argv starts with the command); returns the exit code (0 ok, 1 not ready/failed, 2 bad input). */
export async function runPrintingCli (argv: string[], io: CliIo, options: { pollMs?: number } = {}): Promise<number> {
  const [command, ...rest] = argv
  const base = serviceUrl(io.env)
  const api = new Api(base, io.env.LABELWORKS_API_KEY ?? io.env.API_KEY, io)
  if (command === 'print') return await print(api, rest, io, options.pollMs ?? 250)
  if (command === 'reprint') return await reprint(api, rest, io, options.pollMs ?? 250)
  if (command === 'printers') return await printers(api, rest, io)
  io.stderr.write(`${PRINTING_USAGE}\n`)
  return 2
}
