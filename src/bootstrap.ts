// Start-up loading shared by the server, the CLI and the benchmarks: font and templates are read and validated
// once; a bad template stops start-up with a message naming the file and the rule.
import { readFileSync } from 'node:fs'
import path from 'node:path'
import { parseEnv } from 'node:util'
import { PROJECT_ROOT, type Config } from './config.ts'
import { ConfigError } from './errors.ts'
import { loadTextFonts } from './fonts/index.ts'
import { loadTemplates } from './layout/index.ts'
import { createLabelService } from './service/label-service.ts'
import type { LabelService } from './service/types.ts'

/** The service version, from package.json. */
export function packageVersion (): string {
  const pkg = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version?: string }
  return pkg.version ?? '0.0.0'
}

/**
 * Adds the settings of a `.env` file (by default the one beside package.json) to `env`, parsed as Node's --env-file
 * parses it; a variable `env` already has wins. A missing file is no error; one that cannot be read stops start-up.
 * Returns the file when one was read.
 */
export function loadEnvFile (env: Record<string, string | undefined>, file = path.join(PROJECT_ROOT, '.env')): string | undefined {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    const message = `cannot be read: ${(err as Error).message}`
    throw new ConfigError(`${file} ${message}`, { cause: err, issues: [{ path: '.env', rule: 'readable', message }] })
  }
  for (const [name, value] of Object.entries(parseEnv(text))) if (env[name] === undefined) env[name] = value
  return file
}

/**
 * Loads the label font and templates named by the config and builds the label service; a DEFAULT_TEMPLATE that
 * names no installed template stops start-up rather than failing every request that names none.
 */
export function loadLabelService (
  config: Pick<Config, 'fontFile' | 'templatesDir'> & Partial<Pick<Config, 'defaultDpi' | 'defaultTemplate'>>
): LabelService {
  const font = loadTextFonts(config.fontFile)
  const templates = loadTemplates(config.templatesDir, font)
  const { defaultDpi, defaultTemplate } = config
  if (defaultTemplate !== undefined && !templates.has(defaultTemplate)) {
    const message = `must name an installed template (${[...templates.keys()].join(', ')}), got "${defaultTemplate}"`
    throw new ConfigError(`DEFAULT_TEMPLATE ${message}`, { issues: [{ path: 'DEFAULT_TEMPLATE', rule: 'enum', message }] })
  }
  return createLabelService({ font, templates, defaultDpi, defaultTemplate })
}

/** Why the server could not listen, in words an operator can act on (`EADDRINUSE` is "the port is taken"). */
export function listenFailure (err: unknown, host: string, port: number): string {
  const code = (err as NodeJS.ErrnoException).code
  const where = `${host}:${port}`
  switch (code) {
    case 'EADDRINUSE': return `cannot listen on ${where}: the port is already in use (EADDRINUSE); stop the other process or set PORT`
    case 'EACCES': return `cannot listen on ${where}: not permitted (EACCES); ports below 1024 need privileges, set PORT`
    case 'EADDRNOTAVAIL': return `cannot listen on ${where}: HOST is not an address of this machine (EADDRNOTAVAIL)`
    case 'ENOTFOUND': case 'EAI_AGAIN': return `cannot listen on ${where}: HOST does not resolve (${code})`
    default: return `cannot listen on ${where}: ${(err as Error).message}`
  }
}
