// The application as a function of its parts, so tests build it with app.inject() and no port;
// src/server.ts is the only file that listens.
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify'
import type { Config } from './config.ts'
import { installAccessControl, type AccessSettings } from './http/access.ts'
import type { AppHooks, AppPlugin, BadUrlAnswer } from './http/app-hooks.ts'
import { consoleRoutes } from './http/console/index.ts'
import { answerError, installErrorHandling } from './http/error-handler.ts'
import { healthRoutes, type Readiness } from './http/health-routes.ts'
import { metricsRoutes, type MetricsRoutesOptions } from './http/metrics/metrics-routes.ts'
import { installIndexRoute } from './http/index-route.ts'
import { installJsonBodyParser } from './http/json-body.ts'
import { installOpenApi } from './http/openapi.ts'
import { RequestLogController } from './http/request-logging.ts'
import { catalogRoutes } from './http/route-catalog.ts'
import { limitConnectionsPerClient, serverLimitsOf, timeoutOptions, type ServerLimits } from './http/server-limits.ts'
import { batchRoutes } from './http/labels/batch-routes.ts'
import { labelRoutes } from './http/labels/label-routes.ts'
import { archiveRoutes } from './http/labels/archive-routes.ts'
import type { LabelArchive } from './archive/label-archive.ts'
import type { LabelService } from './service/types.ts'

/** Everything the app is built from; created once at start-up (see src/server.ts). */
export interface AppParts {
  config: Pick<Config, 'logLevel' | 'bodyLimitBytes' | 'batchMaxRecords'> & Partial<ServerLimits> & AccessSettings & Partial<Pick<Config, 'consoleEnabled'>>
  service: LabelService
  version?: string
  /** Extra route plugins (the Labelary-compatible endpoint, printing), registered after the core routes. */
  plugins?: AppPlugin[]
  /** False: no logger at all (tests). */
  logger?: boolean
  /** Where log lines go instead of stdout (benchmarks write them to /dev/null, tests read them). */
  logStream?: { write: (line: string) => void }
  /** Makes tracking codes for `generate_tracking_code` (see src/archive/code-sequence.ts); absent without TRACKING_PREFIX. */
  trackingCodes?: () => string
  /** GET /metrics and the hook counting requests; absent: no metrics route. */
  metrics?: MetricsRoutesOptions
  /** What GET /health/ready checks; absent: ready whenever the process answers. */
  readiness?: Readiness
  /** Where labels are kept by id (see src/archive); absent: no label is kept and the archive routes are not served. */
  archive?: LabelArchive
}

/** What a request id sent in X-Request-Id may look like; anything else (too long, odd characters) is not echoed. */
const CLIENT_REQUEST_ID = /^[\w.:@/+=-]{1,128}$/
let requests = 0

function requestIdOf (request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers['x-request-id']
  return typeof given === 'string' && CLIENT_REQUEST_ID.test(given) ? given : `req-${(++requests).toString(36)}`
}

/** Builds the Fastify app; call `ready()` or `listen()` on it. */
export async function buildApp (parts: AppParts): Promise<FastifyInstance> {
  const badUrlAnswers: { paths: RegExp, answer: BadUrlAnswer }[] = []
  const limits = serverLimitsOf(parts.config)
  const app = Fastify({
    logger: parts.logger === false ? false : { level: parts.config.logLevel, ...(parts.logStream === undefined ? {} : { stream: parts.logStream }) },
    logController: new RequestLogController(parts.config.logLevel),
    bodyLimit: parts.config.bodyLimitBytes,
    ...timeoutOptions(limits),
    // A client's own X-Request-Id (a proxy's, a caller's trace id) names the request in our log and error answers.
    genReqId: requestIdOf,
    // A malformed or over-long URL is refused before routing; sent on, it gets the same error body as the rest.
    frameworkErrors: (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
      const own = badUrlAnswers.find(({ paths }) => paths.test(request.url))
      if (own !== undefined) {
        own.answer(error, request, reply)
        return
      }
      answerError(error, request, reply)
    }
  })
  limitConnectionsPerClient(app.server, limits.maxConnectionsPerClient)
  installErrorHandling(app)
  await installAccessControl(app, parts.config)
  installJsonBodyParser(app)
  const version = parts.version ?? '0.0.0'
  const routes = catalogRoutes(app)
  const withConsole = parts.config.consoleEnabled ?? true
  installIndexRoute(app, version, routes, withConsole)
  installOpenApi(app, version, routes)
  await app.register(healthRoutes, { service: parts.service, version, readiness: parts.readiness })
  if (parts.metrics !== undefined) await metricsRoutes(app, parts.metrics)
  const { archive } = parts
  await app.register(labelRoutes, { service: parts.service, trackingCodes: parts.trackingCodes, archive })
  await app.register(batchRoutes, { service: parts.service, maxRecords: parts.config.batchMaxRecords, trackingCodes: parts.trackingCodes, archive })
  if (archive !== undefined) await app.register(archiveRoutes, { service: parts.service, archive })
  if (withConsole) await app.register(consoleRoutes, { service: parts.service })
  const hooks: AppHooks = { answerBadUrls: (paths, answer) => { badUrlAnswers.push({ paths, answer }) } }
  for (const plugin of parts.plugins ?? []) await plugin(app, hooks)
  return app
}
