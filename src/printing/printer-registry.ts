// Printers the service may connect to. Only these addresses are ever dialled: a print job names a printer id,
// and only the admin API (behind the API key) or the config file can add an address.
import { readFileSync } from 'node:fs'
import { Value } from '@sinclair/typebox/value'
import type { TSchema } from '@sinclair/typebox'
import { ConfigError, ValidationError, type FieldIssue } from '../errors.ts'
import type { Dpi } from '../units.ts'
import { PrinterDisabledError, PrinterExistsError, PrinterNotFoundError } from './errors.ts'
import { createHostRules, type HostRules } from './printer-host.ts'
import { PrinterInput, PrinterPatch, PrintersFile } from './printer-schema.ts'
import type { PrinterRecord, PrintStore } from './store.ts'
import { DEFAULT_TRANSPORT, transportOf } from './transports/index.ts'

/** A printer as clients see it. */
export type Printer = PrinterRecord

/** Schema problems by dotted path; `root` names the value itself (the request body, or a file's top level). */
function schemaIssues (schema: TSchema, value: unknown, prefix: string, root = 'body'): FieldIssue[] {
  return [...Value.Errors(schema, value)].map((e) => ({
    path: [prefix, ...e.path.split('/')].filter((s) => s !== '').join('.') || root,
    rule: 'schema',
    message: e.message
  }))
}

/** Validates against a schema, throwing ValidationError with field paths. */
export function checkSchema<T> (schema: TSchema, value: unknown, prefix = ''): T {
  const issues = schemaIssues(schema, value, prefix)
  if (issues.length > 0) throw new ValidationError(issues)
  return value as T
}

/** What is wrong with a PRINTERS_FILE's content; a second printer with an id already used would replace the first unseen. */
function fileIssues (parsed: unknown, rules: HostRules): FieldIssue[] {
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    return [{ path: '(root)', rule: 'schema', message: 'must be an object { "printers": [ … ] }' }]
  }
  const issues = schemaIssues(PrintersFile, parsed, '', '(root)')
  if (issues.length > 0) return issues
  const firstWithId = new Map<string, number>()
  ;(parsed as { printers: PrinterInput[] }).printers.forEach((p, i) => {
    const first = firstWithId.get(p.id)
    if (first === undefined) firstWithId.set(p.id, i)
    else issues.push({ path: `printers.${i}.id`, rule: 'unique', message: `"${p.id}" is already the id of printers.${first}; each printer needs its own` })
    const host = rules.checkHost(p.host, `printers.${i}.host`)
    if (host !== undefined) issues.push(host)
  })
  return issues
}

/** The density to lay out for: configured, else detected, else unknown. */
export function printerDpi (p: Printer): Dpi | undefined {
  return p.dpi ?? p.detectedDpi ?? undefined
}

/** Called after a printer changes, so its worker and font state follow. */
export type PrinterListener = (printerId: string, change: 'added' | 'changed' | 'removed') => void | Promise<void>

/** Throws VALIDATION_FAILED naming `host` and the rule when a printer may not live at `host`. */
function checkHost (rules: HostRules, host: string): void {
  const issue = rules.checkHost(host, 'host')
  if (issue !== undefined) throw new ValidationError([issue])
}

/** The registry over the queue's store; `rules` say which hosts a printer may have. */
export function createPrinterRegistry (store: PrintStore, listener: PrinterListener = () => {}, rules: HostRules = createHostRules()) {
  const get = async (id: string, path = 'printer_id'): Promise<Printer> => {
    const p = await store.printer(id)
    if (p === undefined) throw new PrinterNotFoundError(id, path)
    return p
  }
  // Another address may be another printer: what was detected there and the font it holds no longer count.
  const put = async (input: PrinterInput, origin: Printer['origin'], existing: Printer | undefined): Promise<Printer> => {
    const now = Date.now()
    const transport = input.transport ?? DEFAULT_TRANSPORT
    const port = input.port ?? transportOf(transport).defaultPort
    const moved = existing !== undefined && (existing.transport !== transport || existing.host !== input.host || existing.port !== port)
    const record: Printer = {
      id: input.id,
      name: input.name ?? input.id,
      transport,
      host: input.host,
      port,
      dpi: input.dpi ?? null,
      detectedDpi: existing === undefined || moved ? null : existing.detectedDpi,
      enabled: input.enabled ?? true,
      origin,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now
    }
    await store.putPrinter(record)
    if (moved) await store.clearFontHash(record.id)
    return record
  }

  return {
    list: (): Promise<Printer[]> => store.printers(),
    get,
    /** The printer, refusing one that is switched off. */
    async usable (id: string): Promise<Printer> {
      const p = await get(id)
      if (!p.enabled) throw new PrinterDisabledError(id)
      return p
    },
    async add (input: unknown): Promise<Printer> {
      const valid = checkSchema<PrinterInput>(PrinterInput, input)
      checkHost(rules, valid.host)
      if (await store.printer(valid.id) !== undefined) throw new PrinterExistsError(valid.id)
      const p = await put(valid, 'api', undefined)
      await listener(p.id, 'added')
      return p
    },
    async update (id: string, patch: unknown): Promise<Printer> {
      const valid = checkSchema<PrinterPatch>(PrinterPatch, patch)
      if (valid.host !== undefined) checkHost(rules, valid.host)
      const old = await get(id, 'id')
      const transport = valid.transport ?? old.transport
      const next = await put({
        id,
        name: valid.name ?? old.name,
        transport,
        host: valid.host ?? old.host,
        // Another transport without a port of its own gets that transport's default, not the old one's port.
        port: valid.port ?? (transport === old.transport ? old.port : undefined),
        dpi: valid.dpi === null ? undefined : valid.dpi ?? old.dpi ?? undefined,
        enabled: valid.enabled ?? old.enabled
      }, old.origin, old)
      await listener(id, 'changed')
      return next
    },
    async remove (id: string): Promise<Printer> {
      const p = await get(id, 'id')
      await store.deletePrinter(id)
      await store.clearFontHash(id)
      await listener(id, 'removed')
      return p
    },
    /** Records the density a printer reported in `~HI`. */
    async setDetectedDpi (id: string, dpi: Dpi): Promise<void> {
      const p = await store.printer(id)
      if (p !== undefined && p.detectedDpi !== dpi) await store.putPrinter({ ...p, detectedDpi: dpi, updatedAt: Date.now() })
    },
    /** Loads PRINTERS_FILE; its printers replace same-id ones (the file is the source of truth for its entries). */
    async loadFile (file: string): Promise<Printer[]> {
      let parsed: unknown
      try {
        parsed = JSON.parse(readFileSync(file, 'utf8'))
      } catch (err) {
        throw new ConfigError(`PRINTERS_FILE ${file} cannot be read as JSON: ${err instanceof Error ? err.message : String(err)}`, { cause: err })
      }
      const issues = fileIssues(parsed, rules)
      if (issues.length > 0) throw new ConfigError(`PRINTERS_FILE ${file} is invalid: ${issues.map((i) => `${i.path} ${i.message}`).join('; ')}`, { issues })
      const loaded: Printer[] = []
      for (const input of (parsed as { printers: PrinterInput[] }).printers) loaded.push(await put(input, 'file', await store.printer(input.id)))
      for (const p of loaded) await listener(p.id, 'changed')
      return loaded
    }
  }
}

/** The printer registry's operations. */
export type PrinterRegistry = ReturnType<typeof createPrinterRegistry>
