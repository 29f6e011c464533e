// What the app hands its route plugins besides the Fastify instance.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

/**
 * Answers a URL refused before routing (a malformed %-escape, an over-long segment) under paths a plugin serves in a
 * format of its own: such a request never reaches the plugin's error handler.
 */
export type BadUrlAnswer = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void

/** What the app offers its plugins beyond the Fastify instance. */
export interface AppHooks {
  /** Refusals of malformed URLs that `paths` matches are answered by `answer`, not with the JSON body. */
  answerBadUrls: (paths: RegExp, answer: BadUrlAnswer) => void
}

/** A route plugin of the app. */
export type AppPlugin = (app: FastifyInstance, hooks: AppHooks) => Promise<void>
