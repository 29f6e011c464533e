// What a route says about itself (route option `config.docs`), read by the route catalog and the OpenAPI document.
/** A response of an operation: what it means and, by content type, what its body is. */
export interface ResponseDocs {
  description: string
  content?: Record<string, object>
}

/** What a route says about itself in the OpenAPI document. */
export interface RouteDocs {
  summary: string
  description?: string
  tag: 'labels' | 'printing' | 'labelary' | 'service'
  /** Descriptions of the path's parameters (`:id` → `id`; the wildcard `*` is `zpl`). */
  params?: Record<string, string>
  /** Query parameters by name: a description and a JSON schema. */
  query?: Record<string, { description: string, schema: object }>
  /** Request body by content type. */
  body?: Record<string, object>
  /** Needs the API key (X-API-Key or Authorization: Bearer). */
  apiKey?: boolean
  responses: Record<string, ResponseDocs>
}

declare module 'fastify' {
  interface FastifyContextConfig {
    docs?: RouteDocs
  }
}
