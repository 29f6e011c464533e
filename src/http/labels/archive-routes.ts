// GET /v1/labels/{id}: an archived label again, the same bytes for the same format and density, or drawn from the
// same data as another format or density (same ship date, same content). GET /v1/labels: the archive searched by
// tracking code and time, newest first, a page at a time.
import type { FastifyInstance } from 'fastify'
import { LabelNotFoundError } from '../../archive/errors.ts'
import { LABEL_ID_PATTERN, cursorOf, parseCursor, type ArchivedLabel, type ArchivedOptions, type LabelArchive } from '../../archive/label-archive.ts'
import { ValidationError, type FieldIssue } from '../../errors.ts'
import { readRedrawOptions } from '../../request/label-options.ts'
import type { LabelService } from '../../service/types.ts'
import { archivedFacts, drawArchived } from './archived-label.ts'
import { sendLabel } from './label-answer.ts'
import { ARCHIVED_LABEL_DOCS, LABEL_SEARCH_DOCS } from './label-docs.ts'
import { negotiate } from './negotiate.ts'

/** Options of the archive routes. */
export interface ArchiveRoutesOptions {
  service: Pick<LabelService, 'renderData' | 'fontDownloadZpl'>
  archive: LabelArchive
}

/** Most labels one search page holds, and how many it holds unless asked. */
export const MAX_PAGE = 100
const DEFAULT_PAGE = 20

/** How the answer draws `label`: the query and Accept may change format and density; the rest stays as it was made. */
function redrawOptions (label: ArchivedLabel, query: Record<string, unknown>, accept: string | undefined): { drawn: ArchivedOptions, raw: boolean } {
  const asked = readRedrawOptions(query)
  const { format: negotiated, raw } = negotiate(accept, asked.format)
  const format = asked.format ?? (raw ? negotiated : label.options.format)
  const same = format === label.options.format
  if (format !== 'zpl' && (asked.text !== undefined || asked.includeFont === true)) {
    throw new ValidationError([{ path: asked.text !== undefined ? 'query.text' : 'query.include_font', rule: 'zpl_only', message: `applies to ZPL labels only; this label is drawn as ${format}` }])
  }
  const includeFont = format === 'zpl' ? asked.includeFont ?? (same ? label.options.includeFont : undefined) : undefined
  const text = format === 'zpl' ? asked.text ?? (includeFont === true ? 'font' : same ? label.options.text : undefined) : undefined
  return { drawn: { template: label.options.template, format, dpi: asked.dpi ?? label.options.dpi, text, includeFont }, raw }
}

/** A time bound of a search: an ISO 8601 date or date and time; a date alone is its midnight UTC. */
function timeOf (value: string | undefined, name: string, issues: FieldIssue[]): number | undefined {
  if (value === undefined) return undefined
  const ms = /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value) ? Date.parse(value.length === 10 ? `${value}T00:00:00Z` : value) : Number.NaN
  if (!Number.isNaN(ms)) return ms
  issues.push({ path: `query.${name}`, rule: 'date_time', message: 'must be an ISO 8601 date or date and time, e.g. 2026-12-01 or 2026-12-01T14:30:00Z' })
  return undefined
}

function searchOf (query: Record<string, unknown>) {
  const issues: FieldIssue[] = []
  const allowed = new Set(['tracking_code', 'from', 'to', 'limit', 'after'])
  for (const key of Object.keys(query)) {
    if (!allowed.has(key)) issues.push({ path: `query.${key}`, rule: 'additional_property', message: `is not a search parameter; the query string takes ${[...allowed].join(', ')}` })
  }
  const text = (name: string): string | undefined => {
    const value = query[name]
    if (value === undefined || (typeof value === 'string' && value !== '' && value.length <= 255)) return value
    issues.push({ path: `query.${name}`, rule: 'type', message: 'must be given once, 1 to 255 characters' })
    return undefined
  }
  const limitText = text('limit')
  const limit = limitText === undefined ? DEFAULT_PAGE : Number(limitText)
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) issues.push({ path: 'query.limit', rule: 'range', message: `must be a whole number from 1 to ${MAX_PAGE}` })
  const after = text('after')
  if (after !== undefined && parseCursor(after) === undefined) issues.push({ path: 'query.after', rule: 'cursor', message: 'must be the next_cursor of an earlier page' })
  const search = { trackingCode: text('tracking_code'), from: timeOf(text('from'), 'from', issues), to: timeOf(text('to'), 'to', issues), limit, after }
  if (issues.length > 0) throw new ValidationError(issues)
  return search
}

/** One search result: what the label is and where to get it. */
function summaryOf (label: ArchivedLabel): Record<string, unknown> {
  return {
    label_id: label.id,
    created_at: new Date(label.createdAt).toISOString(),
    tracking_code: label.trackingCode,
    source: label.source,
    template: label.options.template,
    label_format: label.options.format,
    print_density: `${label.options.dpi}dpi`,
    ship_date: label.data.shipDate,
    location: `/v1/labels/${label.id}`
  }
}

/** Registers GET /v1/labels/{id} and GET /v1/labels. */
export async function archiveRoutes (app: FastifyInstance, opts: ArchiveRoutesOptions): Promise<void> {
  const { service, archive } = opts
  const fontDownload = service.fontDownloadZpl()

  app.get<{ Params: { id: string } }>('/v1/labels/:id', { config: { docs: ARCHIVED_LABEL_DOCS } }, async (request, reply) => {
    const { id } = request.params
    const label = LABEL_ID_PATTERN.test(id) ? await archive.get(id) : undefined
    if (label === undefined) throw new LabelNotFoundError(id)
    const { drawn, raw } = redrawOptions(label, request.query as Record<string, unknown>, request.headers.accept)
    const body = await drawArchived(service, fontDownload, label, drawn)
    return sendLabel(reply, archivedFacts(label, drawn), raw, body, label.id)
  })

  app.get('/v1/labels', { config: { docs: LABEL_SEARCH_DOCS } }, async (request) => {
    const page = await archive.search(searchOf(request.query as Record<string, unknown>))
    const last = page.labels.at(-1)
    return { labels: page.labels.map(summaryOf), next_cursor: page.next === undefined || last === undefined ? null : cursorOf(last) }
  })
}
