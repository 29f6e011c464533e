// GET /openapi.json: the HTTP API as an OpenAPI 3.1 document, for client generators and API consoles. Every route
// carries its own description (route option `config.docs`) and the route catalog collects them as routes are
// added, so the document lists exactly what the server answers; a test fails on a route without one.
import type { FastifyInstance } from 'fastify'
import { GENERIC_RECORD_SCHEMA } from '../records/index.ts'
import type { CatalogedRoute } from './route-catalog.ts'
import type { ResponseDocs, RouteDocs } from './route-docs.ts'

export type { ResponseDocs, RouteDocs } from './route-docs.ts'

/** A JSON response: what it means and the schema of its body. */
export function jsonResponse (description: string, schema: object = { type: 'object' }): ResponseDocs {
  return { description, content: { 'application/json': { schema } } }
}

/** The error body every JSON error answer has. */
export const ERROR_RESPONSE = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } }

const COMPONENTS = {
  schemas: {
    GenericRecord: GENERIC_RECORD_SCHEMA,
    Error: {
      type: 'object',
      required: ['error'],
      properties: {
        error: {
          type: 'object',
          required: ['code', 'message', 'issues'],
          properties: {
            code: { type: 'string', description: 'Stable error code, e.g. VALIDATION_FAILED, UNSUPPORTED_CHARACTER, NOT_ACCEPTABLE' },
            message: { type: 'string' },
            issues: { type: 'array', items: { $ref: '#/components/schemas/Issue' } }
          }
        }
      }
    },
    Issue: {
      type: 'object',
      required: ['path', 'rule', 'message'],
      properties: {
        path: { type: 'string', description: 'Where the problem is, e.g. record.recipient.name, query.dpi, header.accept' },
        rule: { type: 'string', description: 'Stable rule name, e.g. required, enum, unsupported_character' },
        message: { type: 'string' }
      }
    },
    Warning: {
      type: 'object',
      required: ['code', 'path', 'message'],
      properties: { code: { type: 'string', description: 'e.g. TEXT_TRUNCATED, FIELD_NOT_PRINTED, CARRIER_RULE' }, path: { type: 'string' }, message: { type: 'string' } }
    }
  },
  securitySchemes: {
    apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key', description: 'The API_KEY the service was started with; `Authorization: Bearer <key>` works too' }
  }
}

/** `/v1/printers/:id/jobs` → `/v1/printers/{id}/jobs`; the wildcard is the ZPL of a Labelary GET. */
export function openApiPath (path: string): string {
  return path.replace(/:(\w+)/g, '{$1}').replace(/\*$/, '{zpl}')
}

function operationOf (path: string, method: string, docs: RouteDocs | undefined): object {
  if (docs === undefined) return { summary: `${method} ${path}`, responses: { default: { description: 'not documented' } } }
  const parameters = [
    ...[...path.matchAll(/\{(\w+)\}/g)].map(([, name = '']) => ({ name, in: 'path', required: true, description: docs.params?.[name], schema: { type: 'string' } })),
    ...Object.entries(docs.query ?? {}).map(([name, q]) => ({ name, in: 'query', required: false, description: q.description, schema: q.schema }))
  ]
  return {
    summary: docs.summary,
    ...(docs.description === undefined ? {} : { description: docs.description }),
    tags: [docs.tag],
    ...(parameters.length === 0 ? {} : { parameters }),
    ...(docs.body === undefined
      ? {}
      : { requestBody: { required: true, content: Object.fromEntries(Object.entries(docs.body).map(([type,
          schema]) => [type, { schema }])) } }),
    ...(docs.apiKey === true ? { security: [{ apiKey: [] }] } : {}),
    responses: docs.responses
  }
}

/** The OpenAPI document of the cataloged routes. */
export function openApiDocument (version: string, routes: readonly CatalogedRoute[]): object {
  const paths: Record<string, Record<string, object>> = {}
  for (const route of [...routes].sort((a, b) => a.path.localeCompare(b.path))) {
    const path = openApiPath(route.path)
    ;(paths[path] ??= {})[route.method.toLowerCase()] = operationOf(path, route.method, route.docs)
  }
  return {
    openapi: '3.1.0',
    info: { title: 'labelworks', version, description: '4x6 shipping labels from delivery records, as ZPL (203/300 dpi), PDF or PNG, and printing to Zebra printers.' },
    paths,
    components: COMPONENTS
  }
}

/** Serves the document of the cataloged routes at GET /openapi.json. */
export function installOpenApi (app: FastifyInstance, version: string, routes: readonly CatalogedRoute[]): void {
  let document: object | undefined
  app.get('/openapi.json', {
    config: { docs: { tag: 'service', summary: 'This API as an OpenAPI 3.1 document', responses: { 200: jsonResponse('The document') } } }
  }, async () => {
    // Every route is added before the server answers its first request, so the document is built once.
    document ??= openApiDocument(version, routes)
    return document
  })
}
