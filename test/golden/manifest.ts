// golden/manifest.json: per approved image, which case it shows and which renderer (and version) drew it.
// Test files run in parallel workers during `golden:update`, so writes merge under a lock directory.
import { mkdirSync, readFileSync, rmSync, rmdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'

/** A renderer as recorded in the manifest, e.g. `{ name: 'zebrash', version: 'zpl-renderer-js 3.4.0' }`. */
export interface RendererInfo {
  name: string
  version: string
  /** How images reached the suite, e.g. `Labelary client → http://127.0.0.1:…` (not part of the tolerance choice). */
  via?: string
}

/** One approved golden image. */
export interface ManifestEntry {
  case: string
  template: string
  fixture: string
  format: 'zpl' | 'pdf'
  dpi: 203 | 300
  renderer: RendererInfo
  width: number
  height: number
  /** SHA-256 of the PNG file. */
  sha256: string
}

/** The whole manifest, keyed by golden file name. */
export interface Manifest {
  about: string
  goldens: Record<string, ManifestEntry>
}

const ABOUT = 'Approved golden images (1-bit PNG) of test/golden/cases.ts; rewritten by `npm run golden:update`, review with `npm run golden:report`.'

/** Reads the manifest; an absent file is an empty manifest. */
export function readManifest (file: string): Manifest {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as Manifest
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { about: ABOUT, goldens: {} }
    throw new Error(`cannot read ${file}: ${(err as Error).message}`, { cause: err })
  }
}

async function withLock<T> (file: string, fn: () => T): Promise<T> {
  const lock = `${file}.lock`
  for (let attempt = 0; ; attempt++) {
    try {
      mkdirSync(lock)
      break
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err
      // A lock older than any update means a crashed run; take it over rather than hang.
      if (attempt > 200) { rmSync(lock, { recursive: true, force: true }); continue }
      await sleep(25)
    }
  }
  try {
    return fn()
  } finally {
    rmdirSync(lock)
  }
}

/**
 * Merges `entries` into the manifest and drops entries whose names are not in `known` (cases removed from the
 * table). Returns the names dropped so the caller can delete their images.
 */
export async function updateManifest (file: string, entries: Record<string, ManifestEntry>, known: ReadonlySet<string>): Promise<string[]> {
  return withLock(file, () => {
    const manifest = readManifest(file)
    const merged: Record<string, ManifestEntry> = { ...manifest.goldens, ...entries }
    const dropped = Object.keys(merged).filter((name) => !known.has(name))
    const goldens: Record<string, ManifestEntry> = {}
    for (const name of Object.keys(merged).filter((n) => known.has(n)).sort()) goldens[name] = merged[name] as ManifestEntry
    writeFileSync(file, `${JSON.stringify({ about: ABOUT, goldens }, null, 2)}\n`)
    return dropped.map((name) => path.join(path.dirname(file), name))
  })
}
