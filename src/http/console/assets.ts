// The console's client files (plain ES modules and one stylesheet), read once at start-up and served from memory:
// a handful of small files needs no static-file plugin, and nothing on disk is reachable but these names.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** One client file as it is served. */
export interface ConsoleAsset {
  body: Buffer
  type: string
  etag: string
}

const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml'
}

/** The folder the client files live in, next to this module. */
export const CLIENT_DIR = fileURLToPath(new URL('./client/', import.meta.url))

/** Every servable file of `dir` by name; other files (and folders) are not served. */
export function loadAssets (dir: string = CLIENT_DIR): ReadonlyMap<string, ConsoleAsset> {
  const assets = new Map<string, ConsoleAsset>()
  for (const name of readdirSync(dir).sort()) {
    const type = TYPES[path.extname(name)]
    if (type === undefined) continue
    const body = readFileSync(path.join(dir, name))
    assets.set(name, { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` })
  }
  return assets
}
