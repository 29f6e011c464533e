// Configuration is read once, at start-up, from environment variables (documented in .env.example).
// Pure modules never read the environment; they receive the values they need as options.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigError } from './errors.ts'

/** Repository root, so defaults work wherever the service is started from. */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Every setting the service reads. */
export interface Config {
  host: string
  port: number
  logLevel: string
  templatesDir: string
  fontFile: string
  /** Labelary-compatible endpoint used by the Labelary client; defaults to this service's own endpoint. */
  labelaryUrl: string
  labelaryApiKey: string | undefined
  labelaryRatePerSecond: number
  /** Worker threads for the local ZPL renderer. */
  renderWorkers: number
  /** Where the print queue keeps its SQLite database. */
  dataDir: string
  /** Key required by the printing and printer admin endpoints; printing is refused while unset. */
  apiKey: string | undefined
  /** Optional JSON file of printers loaded at start-up. */
  printersFile: string | undefined
  /** Delivery attempts per print job before it fails (refused, timed out or silent printers). */
  printMaxAttempts: number
  printConnectTimeoutMs: number
  /** How long a printer may take to answer ~HS before it counts as faulted (an open head makes it silent). */
  printStatusTimeoutMs: number
  printWriteTimeoutMs: number
  /** Largest request body accepted, in bytes (batches are large). */
  bodyLimitBytes: number
  /** Most records accepted in one batch request. */
  batchMaxRecords: number
}

type Env = Record<string, string | undefined>

function text (env: Env, name: string, fallback: string): string {
  const value = env[name]?.trim()
  return value === undefined || value === '' ? fallback : value
}

function optionalText (env: Env, name: string): string | undefined {
  const value = env[name]?.trim()
  return value === undefined || value === '' ? undefined : value
}

/** pino's levels: any other LOG_LEVEL made the logger throw at start-up. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const

function oneOf<T extends string> (env: Env, name: string, fallback: T, allowed: readonly T[]): T {
  const value = text(env, name, fallback).toLowerCase()
  if (!(allowed as readonly string[]).includes(value)) throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${value}"`)
  return value as T
}

function integer (env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim()
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`)
  }
  return value
}

function absolute (p: string): string {
  return path.isAbsolute(p) ? p : path.resolve(PROJECT_ROOT, p)
}

/** Parses the environment into a typed config; throws ConfigError naming the variable on bad values. */
export function loadConfig (env: Env = process.env): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535)
  const host = text(env, 'HOST', '127.0.0.1')
  const ownUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  // Without LABELARY_URL the client talks to our own endpoint, so a bad HOST is what would make that URL bad.
  const givenUrl = optionalText(env, 'LABELARY_URL')
  const labelaryUrl = givenUrl ?? ownUrl
  try {
    const url = new URL(labelaryUrl)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)')
  } catch (err) {
    const message = givenUrl === undefined
      ? `HOST must be a host name or an IP address, got "${host}"`
      : `LABELARY_URL must be an http(s) URL, got "${labelaryUrl}"`
    throw new ConfigError(message, { cause: err })
  }
  return {
    host,
    port,
    logLevel: oneOf(env, 'LOG_LEVEL', 'info', LOG_LEVELS),
    templatesDir: absolute(text(env, 'TEMPLATES_DIR', 'templates')),
    fontFile: absolute(text(env, 'FONT_FILE', 'fonts/RobotoCondensed-Bold.ttf')),
    labelaryUrl,
    labelaryApiKey: optionalText(env, 'LABELARY_API_KEY'),
    labelaryRatePerSecond: integer(env, 'LABELARY_RATE_PER_SECOND', 5, 1, 1000),
    renderWorkers: integer(env, 'RENDER_WORKERS', 2, 1, 64),
    dataDir: absolute(text(env, 'DATA_DIR', 'data')),
    apiKey: optionalText(env, 'API_KEY'),
    printersFile: optionalText(env, 'PRINTERS_FILE'),
    printMaxAttempts: integer(env, 'PRINT_MAX_ATTEMPTS', 8, 1, 100),
    printConnectTimeoutMs: integer(env, 'PRINT_CONNECT_TIMEOUT_MS', 3_000, 100, 60_000),
    printStatusTimeoutMs: integer(env, 'PRINT_STATUS_TIMEOUT_MS', 3_000, 100, 60_000),
    printWriteTimeoutMs: integer(env, 'PRINT_WRITE_TIMEOUT_MS', 30_000, 1_000, 600_000),
    bodyLimitBytes: integer(env, 'BODY_LIMIT_BYTES', 64 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    batchMaxRecords: integer(env, 'BATCH_MAX_RECORDS', 10_000, 1, 1_000_000)
  }
}
