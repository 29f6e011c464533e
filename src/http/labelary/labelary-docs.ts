// What the Labelary-compatible routes say about themselves in the OpenAPI document (src/http/openapi.ts). Their
// errors are Labelary's plain text, not the service's JSON.
import type { ResponseDocs, RouteDocs } from '../openapi.ts'

const PARAMS = {
  dpmm: 'Print density: 6dpmm, 8dpmm (203 dpi), 12dpmm (300 dpi) or 24dpmm',
  size: 'Label size in inches, e.g. 4x6',
  index: 'Which label of the ZPL to draw, from 0',
  zpl: 'The ZPL, URL-encoded'
}

const IMAGES = {
  'image/png': { schema: { type: 'string', format: 'binary' } },
  'application/pdf': { schema: { type: 'string', format: 'binary' } }
}

const RESPONSES: Record<string, ResponseDocs> = {
  200: { description: 'The label drawn by the local ZPL renderer, as the Accept header asks (PNG by default with an index). X-Total-Count: labels in the ZPL.', content: IMAGES },
  400: { description: 'A bad density, size, rotation or ZPL, as plain text "ERROR: …"', content: { 'text/plain': { schema: { type: 'string' } } } },
  404: { description: 'The index is past the last label', content: { 'text/plain': { schema: { type: 'string' } } } },
  413: { description: 'More than 50 labels in one request', content: { 'text/plain': { schema: { type: 'string' } } } }
}

const common = { tag: 'labelary', params: PARAMS, responses: RESPONSES } as const

/** Docs of the Labelary-compatible routes. */
export const LABELARY_DOCS = {
  post: {
    ...common,
    summary: 'Draw ZPL as Labelary does (POST body: raw ZPL, form-urlencoded or multipart "file")',
    description: 'Without an index the answer is a PDF of every label. X-Rotation turns the picture.',
    body: { 'application/x-www-form-urlencoded': { type: 'string' }, 'multipart/form-data': { type: 'object', properties: { file: { type: 'string', format: 'binary' } } } }
  },
  get: { ...common, summary: 'Draw ZPL given in the URL, as Labelary does' }
} satisfies Record<string, RouteDocs>
