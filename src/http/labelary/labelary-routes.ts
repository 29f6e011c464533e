// A Labelary-compatible rendering endpoint backed by the local zebrash pool: the same paths, methods, Accept
// types, headers and status codes as api.labelary.com for the subset we implement, so a client written for
// Labelary (ours included) works against it unchanged. Errors are Labelary's plain-text "ERROR: …" bodies,
// not the service's JSON envelope: that is what Labelary clients parse. The handler is scoped to these routes.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { LabelworksError } from '../../errors.ts'
import { splitZplLabels, type ZplRasterizer } from '../../render/png/index.ts'
import type { AppHooks } from '../app-hooks.ts'
import { describeError } from '../error-handler.ts'
import { logRejection } from '../request-logging.ts'
import { LABELARY_DOCS } from './labelary-docs.ts'
import { parseAccept, parseDpmm, parseIndex, parseRotation, parseSize, zplFromBody, type LabelaryRequest } from './request.ts'

/** A font the emulated printer already holds: its path (`E:LWSANS.TTF`) and the ZPL that downloads it. */
export interface StoredFont {
  path: string
  download: string
}

/** What the endpoint renders with, and Labelary's per-request label limit. */
export interface LabelaryEndpointOptions {
  rasterizer: ZplRasterizer
  /** Most labels one request may hold (Labelary: 50); more is HTTP 413. */
  maxLabels?: number
  /**
   * Fonts the endpoint draws as if stored on the printer, as the print queue leaves every printer with the label
   * font: a label that uses one without downloading it (raw ZPL from POST /v1/labels) is drawn in it, not in a
   * fallback font that would run past the label edge.
   */
  storedFonts?: readonly StoredFont[]
}

/** The ZPL preceded by the downloads of the stored fonts it uses but does not download itself. */
export function withStoredFonts (zpl: string, fonts: readonly StoredFont[]): string {
  if (fonts.length === 0) return zpl
  // Printers read drive and file names without regard to case.
  const upper = zpl.toUpperCase()
  let downloads = ''
  for (const font of fonts) {
    const path = font.path.toUpperCase()
    if (upper.includes(path) && !upper.includes(`~DU${path}`)) downloads += font.download
  }
  return downloads + zpl
}

/** A label index past the last label of the ZPL. */
export class LabelIndexError extends LabelworksError {
  readonly code = 'NOT_FOUND'
}

/** More labels in one request than the endpoint renders (Labelary's limit is 50). */
export class TooManyLabelsError extends LabelworksError {
  readonly code = 'BODY_TOO_LARGE'
}

interface RouteParams { dpmm: string, size: string, index?: string, '*'?: string }

const BASE = '/v1/printers/:dpmm/labels/:size'
/** URLs of these routes, before routing has split them. */
const LABELARY_PATHS = /^\/v1\/printers\/[^/?]*\/labels\//

function header (request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name]
  return Array.isArray(value) ? value[0] : value
}

function readRequest (request: FastifyRequest<{ Params: RouteParams }>): LabelaryRequest {
  const { widthIn, heightIn } = parseSize(request.params.size)
  return {
    dpmm: parseDpmm(request.params.dpmm),
    widthIn,
    heightIn,
    index: parseIndex(request.params.index),
    accept: parseAccept(header(request, 'accept')),
    rotation: parseRotation(header(request, 'x-rotation')),
    lint: (header(request, 'x-linter') ?? '').trim().toLowerCase() === 'on'
  }
}

/** Status and plain-text body of a failure, as Labelary answers. Rendering failures are the ZPL's fault: 400. */
function labelaryError (err: unknown): { status: number, message: string } {
  if (err instanceof LabelworksError && err.code === 'RENDER_FAILED') return { status: 400, message: err.message }
  const { status, body, internal } = describeError(err)
  return { status, message: internal || (status >= 500 && status !== 503 && status !== 504) ? 'internal error' : body.error.message }
}

/** Answers any failure under these paths as Labelary does: the status and `ERROR: <message>` as plain text. */
function answerAsLabelary (err: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
  const { status, message } = labelaryError(err)
  if (status >= 500) request.log.error({ err }, 'labelary endpoint failed')
  else logRejection(request, (err as { code?: unknown }).code, status)
  return reply.code(status).type('text/plain; charset=utf-8').send(`ERROR: ${message}`)
}

/** Registers the Labelary-compatible routes in their own scope (own body parsing, plain-text errors). */
export async function labelaryRoutes (app: FastifyInstance, options: LabelaryEndpointOptions, hooks: AppHooks): Promise<void> {
  const { rasterizer } = options
  const maxLabels = options.maxLabels ?? 50
  const storedFonts = options.storedFonts ?? []

  // A malformed %-escape in a GET's ZPL is refused before routing; Labelary clients still need `ERROR: …` text.
  // Only these paths: the printing API's /v1/printers/{id} answers in JSON.
  hooks.answerBadUrls(LABELARY_PATHS, (error, request, reply) => { answerAsLabelary(error, request, reply) })
  await app.register(async (scope) => {
    // Every body is ZPL bytes, whatever it is labelled: Labelary reads `curl --data` (form-urlencoded) as raw ZPL.
    scope.removeAllContentTypeParsers()
    scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body))
    scope.setErrorHandler(answerAsLabelary)

    async function respond (request: FastifyRequest<{ Params: RouteParams }>, reply: FastifyReply, zpl: string): Promise<Buffer> {
      const req = readRequest(request)
      const split = splitZplLabels(withStoredFonts(zpl, storedFonts))
      const total = split.labels.length
      if (total === 0) throw new LabelIndexError('no labels found in the ZPL (nothing between ^XA and ^XZ)')
      if (total > maxLabels) throw new TooManyLabelsError(`the ZPL holds ${total} labels; at most ${maxLabels} labels per request`)
      if (req.index !== undefined && req.index >= total) {
        throw new LabelIndexError(`label index ${req.index} is out of range; the ZPL holds ${total} label${total === 1 ? '' : 's'}`)
      }
      const raster = { dpmm: req.dpmm, widthIn: req.widthIn, heightIn: req.heightIn, rotation: req.rotation }
      reply.header('X-Total-Count', String(total))
      // We have no ZPL linter: the header is present and empty (no warnings), so clients parse it as "none".
      if (req.lint) reply.header('X-Warnings', '')
      if (req.accept === 'image/png') {
        // Labelary requires an index for PNG; index 0 is what clients mean by "the label".
        const png = await rasterizer.renderLabel(split, req.index ?? 0, raster)
        reply.type('image/png')
        return png
      }
      const indexes = req.index === undefined ? split.labels.map((_l, i) => i) : [req.index]
      const pngs = await Promise.all(indexes.map((i) => rasterizer.renderLabel(split, i, raster)))
      reply.type('application/pdf')
      // pdf-lib is loaded by the first PDF asked for: memory a service that never answers one does not spend.
      const { pdfOfPngs } = await import('./pdf-of-pngs.ts')
      return await pdfOfPngs(pngs, req.widthIn, req.heightIn, req.rotation === 90 || req.rotation === 270)
    }

    // GET carries the ZPL as the last path segment (URL-encoded); Labelary always has an index there.
    scope.get<{ Params: RouteParams }>(`${BASE}/:index/*`, { config: { docs: LABELARY_DOCS.get } }, (request, reply) => respond(request, reply, request.params['*'] ?? ''))
    // POST with and without index (no index: a PDF of every label), with and without the trailing slash.
    for (const path of [`${BASE}/:index/`, `${BASE}/:index`, `${BASE}/`, BASE]) {
      scope.post<{ Params: RouteParams }>(path, { config: { docs: LABELARY_DOCS.post } }, (request, reply) => respond(request, reply, zplFromBody(request.body, header(request, 'content-type'))))
    }
  })
}
