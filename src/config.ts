// Configuration is read once, at start-up, from environment variables (documented in .env.example).
// Pure modules never read the environment; they receive the values they need as options.
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { ConfigError, type FieldIssue } from './errors.ts'
import { PREFIX_PATTERN } from './records/generated-codes.ts'
import { parseCidr } from './printing/printer-host.ts'
import type { Dpi } from './units.ts'

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
  /** Where the print queue keeps its SQLite database when there is no databaseUrl. */
  dataDir: string
  /** postgres://… : the print queue in PostgreSQL, shared by every instance given the same URL. */
  databaseUrl: string | undefined
  /** How long a printer's lease lasts unless its instance renews it: a dead instance's printers wait about this long. */
  printLeaseMs: number
  /** True: GET /metrics needs one of apiKeys, as the printing routes do; false: anyone who reaches the port. */
  metricsRequireApiKey: boolean
  /** Key required by the printing and printer admin endpoints; printing is refused while unset. */
  apiKey: string | undefined
  /** Every valid key: API_KEY and the comma-separated API_KEYS (several at once while rotating). */
  apiKeys: string[]
  /** True: the label endpoints need one of apiKeys too (off by default, so a fresh install serves labels). */
  labelsRequireApiKey: boolean
  /** Requests per rateLimitWindowMs per API key (or client address without one) on /v1/ routes; 0: no limit. */
  rateLimitMax: number
  rateLimitWindowMs: number
  /** Optional JSON file of printers loaded at start-up. */
  printersFile: string | undefined
  /** CIDR blocks printers may be on (loopback is always allowed); empty: any address a printer can have. */
  printerNetworks: string[]
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
  /** Density of a label whose request names none: a site whose printers are all 300 dpi sets 300. */
  defaultDpi: Dpi
  /** Template of a label whose request names none; checked against the installed templates at start-up. */
  defaultTemplate: string
  /** How long requests in flight may take to finish after SIGTERM/SIGINT before their connections are closed. */
  shutdownGraceMs: number
  /** Shipper prefix of generated tracking codes (`generate_tracking_code`); unset: codes are not generated. */
  trackingPrefix: string | undefined
  /** Keep every label made (data and options, by label id) in DATA_DIR's database; a request can still say store: false. */
  labelArchive: boolean
  /** Archived labels and their Idempotency-Keys are deleted this many days after they were made. */
  labelRetentionDays: number
  /**
   * V8's old generation grows to (1 + this/100) × what a full collection leaves, before the next; 0 leaves the growth to
   * V8, which under a steady stream of labels lets garbage pile up to several times the live heap.
   */
  heapGrowthPercent: number
  /** Request line and headers must arrive within this. */
  headersTimeoutMs: number
  /** Headers and the whole body must arrive within this, else 408 and the connection is closed. */
  requestTimeoutMs: number
  /** A connection on which nothing moves either way for this long is closed (a client that stopped reading). */
  idleTimeoutMs: number
  /** An idle kept-alive connection between requests is closed after this. */
  keepAliveTimeoutMs: number
  /** Connections one client address may hold open at once; more are answered 503 and closed. */
  maxConnectionsPerClient: number
  /** False: no web console routes, and a browser at GET / gets the JSON index like any client. */
  consoleEnabled: boolean
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

/**
 * Reads checked settings, noting every bad one (and going on with its default) so that start-up names all of them
 * at once instead of one per restart.
 */
class SettingsReader {
  readonly problems: FieldIssue[] = []
  /** The error behind the first problem that had one, kept as the ConfigError's cause. */
  cause: unknown

  constructor (private readonly env: Env) {}

  problem (name: string, rule: string, message: string, cause?: unknown): void {
    this.problems.push({ path: name, rule, message })
    this.cause ??= cause
  }

  oneOf<T extends string> (name: string, fallback: T, allowed: readonly T[]): T {
    const value = text(this.env, name, fallback).toLowerCase()
    if ((allowed as readonly string[]).includes(value)) return value as T
    this.problem(name, 'enum', `must be one of ${allowed.join(', ')}, got "${value}"`)
    return fallback
  }

  /** An optional setting that must match `pattern`; unset or empty → undefined. */
  pattern (name: string, pattern: RegExp, rule: string): string | undefined {
    const value = optionalText(this.env, name)
    if (value === undefined || pattern.test(value)) return value
    this.problem(name, 'pattern', `must be ${rule}, got "${value}"`)
    return undefined
  }

  /** A comma-separated list of CIDR blocks (`10.20.0.0/16, fd00::/8`); empty when unset. */
  cidrList (name: string): string[] {
    const blocks = (this.env[name] ?? '').split(',').map((b) => b.trim()).filter((b) => b !== '')
    const bad = blocks.filter((b) => parseCidr(b) === undefined)
    if (bad.length > 0) this.problem(name, 'cidr', `must be CIDR blocks such as 10.20.0.0/16 or fd00::/8, separated by commas; not ${bad.map((b) => `"${b}"`).join(', ')}`)
    return bad.length > 0 ? [] : blocks
  }

  integer (name: string, fallback: number, min: number, max: number): number {
    const raw = this.env[name]?.trim()
    if (raw === undefined || raw === '') return fallback
    const value = Number(raw)
    if (Number.isInteger(value) && value >= min && value <= max) return value
    this.problem(name, 'range', `must be a whole number from ${min} to ${max}, got "${raw}"`)
    return fallback
  }
}

function absolute (p: string): string {
  return path.isAbsolute(p) ? p : path.resolve(PROJECT_ROOT, p)
}

/** DATABASE_URL when it is a PostgreSQL URL; a bad one is named without its value, which may hold a password. */
function databaseUrl (read: SettingsReader, env: Env): string | undefined {
  const value = optionalText(env, 'DATABASE_URL')
  if (value === undefined || /^postgres(ql)?:\/\/\S+$/.test(value)) return value
  read.problem('DATABASE_URL', 'pattern', 'must be a postgres:// (or postgresql://) URL (the value given is not repeated: it may hold a password)')
  return undefined
}

/** Parses the environment into a typed config; throws ConfigError naming every variable with a bad value. */
export function loadConfig (env: Env = process.env): Config {
  const read = new SettingsReader(env)
  const port = read.integer('PORT', 3000, 0, 65535)
  const host = text(env, 'HOST', '127.0.0.1')
  const ownUrl = `http://${host.includes(':') ? `[${host}]` : host}:${port}`
  // Without LABELARY_URL the client talks to our own endpoint, so a bad HOST is what would make that URL bad.
  const givenUrl = optionalText(env, 'LABELARY_URL')
  const labelaryUrl = givenUrl ?? ownUrl
  try {
    const url = new URL(labelaryUrl)
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('not http(s)')
  } catch (err) {
    if (givenUrl === undefined) read.problem('HOST', 'host', `must be a host name or an IP address, got "${host}"`, err)
    else read.problem('LABELARY_URL', 'url', `must be an http(s) URL, got "${labelaryUrl}"`, err)
  }
  const config: Config = {
    host,
    port,
    logLevel: read.oneOf('LOG_LEVEL', 'info', LOG_LEVELS),
    templatesDir: absolute(text(env, 'TEMPLATES_DIR', 'templates')),
    fontFile: absolute(text(env, 'FONT_FILE', 'fonts/RobotoCondensed-Bold.ttf')),
    labelaryUrl,
    labelaryApiKey: optionalText(env, 'LABELARY_API_KEY'),
    labelaryRatePerSecond: read.integer('LABELARY_RATE_PER_SECOND', 5, 1, 1000),
    renderWorkers: read.integer('RENDER_WORKERS', 2, 1, 64),
    dataDir: absolute(text(env, 'DATA_DIR', 'data')),
    databaseUrl: databaseUrl(read, env),
    printLeaseMs: read.integer('PRINT_LEASE_MS', 10_000, 1_000, 60_000),
    metricsRequireApiKey: read.oneOf('METRICS_REQUIRE_API_KEY', 'true', ['true', 'false']) === 'true',
    apiKey: optionalText(env, 'API_KEY'),
    apiKeys: [...new Set([optionalText(env, 'API_KEY'), ...(optionalText(env, 'API_KEYS') ?? '').split(',')].map((k) => k?.trim() ?? '').filter((k) => k !== ''))],
    labelsRequireApiKey: read.oneOf('LABELS_REQUIRE_API_KEY', 'false', ['true', 'false']) === 'true',
    rateLimitMax: read.integer('RATE_LIMIT_MAX', 0, 0, 10_000_000),
    rateLimitWindowMs: read.integer('RATE_LIMIT_WINDOW_MS', 60_000, 1_000, 3_600_000),
    heapGrowthPercent: read.integer('HEAP_GROWTH_PERCENT', 60, 0, 1000),
    printersFile: optionalText(env, 'PRINTERS_FILE'),
    printerNetworks: read.cidrList('PRINTER_NETWORKS'),
    printMaxAttempts: read.integer('PRINT_MAX_ATTEMPTS', 8, 1, 100),
    printConnectTimeoutMs: read.integer('PRINT_CONNECT_TIMEOUT_MS', 3_000, 100, 60_000),
    printStatusTimeoutMs: read.integer('PRINT_STATUS_TIMEOUT_MS', 3_000, 100, 60_000),
    printWriteTimeoutMs: read.integer('PRINT_WRITE_TIMEOUT_MS', 30_000, 1_000, 600_000),
    bodyLimitBytes: read.integer('BODY_LIMIT_BYTES', 64 * 1024 * 1024, 1024, 1024 * 1024 * 1024),
    batchMaxRecords: read.integer('BATCH_MAX_RECORDS', 10_000, 1, 1_000_000),
    defaultDpi: Number(read.oneOf('DEFAULT_DPI', '203', ['203', '300'])) as Dpi,
    defaultTemplate: text(env, 'DEFAULT_TEMPLATE', 'standard'),
    shutdownGraceMs: read.integer('SHUTDOWN_GRACE_MS', 10_000, 0, 600_000),
    trackingPrefix: read.pattern('TRACKING_PREFIX', PREFIX_PATTERN, '3 to 10 capital letters or digits, starting with a letter (e.g. LWX)'),
    labelArchive: read.oneOf('LABEL_ARCHIVE', 'true', ['true', 'false']) === 'true',
    labelRetentionDays: read.integer('LABEL_RETENTION_DAYS', 90, 1, 36_500),
    headersTimeoutMs: read.integer('HEADERS_TIMEOUT_MS', 10_000, 100, 600_000),
    requestTimeoutMs: read.integer('REQUEST_TIMEOUT_MS', 60_000, 100, 3_600_000),
    idleTimeoutMs: read.integer('IDLE_TIMEOUT_MS', 60_000, 100, 3_600_000),
    keepAliveTimeoutMs: read.integer('KEEP_ALIVE_TIMEOUT_MS', 5_000, 100, 600_000),
    maxConnectionsPerClient: read.integer('MAX_CONNECTIONS_PER_CLIENT', 256, 1, 100_000),
    consoleEnabled: read.oneOf('CONSOLE_ENABLED', 'true', ['true', 'false']) === 'true'
  }
  if (config.labelsRequireApiKey && config.apiKeys.length === 0) read.problem('LABELS_REQUIRE_API_KEY', 'requires', 'is true but no key is set; set API_KEY or API_KEYS')
  const { problems } = read
  if (problems.length === 0) return config
  const stated = problems.map((p) => `${p.path} ${p.message}`)
  const message = problems.length === 1 ? stated[0] as string : `${problems.length} settings are invalid: ${stated.join('; ')}`
  throw new ConfigError(message, { issues: problems, cause: read.cause })
}
