// `npm run build`: compiles src/ to dist/ (tsconfig.build.json) from a clean dist/. With --if-stale (npm start's
// prestart) it builds only when dist/ is missing or older than a source, so a start after a build takes no time.
import { execFileSync } from 'node:child_process'
import { cpSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import process from 'node:process'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const dist = path.join(root, 'dist')
const stamp = path.join(dist, '.built')

/** The newest modification time of `file`, or of any file below it. */
function newest (file) {
  const stat = statSync(file)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(file).reduce((latest, name) => Math.max(latest, newest(path.join(file, name))), 0)
}

function stale () {
  if (!existsSync(stamp)) return true
  const built = statSync(stamp).mtimeMs
  return ['src', 'scripts', 'package.json', 'tsconfig.json', 'tsconfig.build.json'].some((p) => newest(path.join(root, p)) > built)
}

if (!process.argv.includes('--if-stale') || stale()) {
  const started = Date.now()
  rmSync(dist, { recursive: true, force: true })
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc')
  execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.build.json')], { stdio: 'inherit' })
  // Files tsc does not compile but modules read beside themselves: the console's client (plain ES modules, CSS, SVG).
  for (const folder of ['http/console/client']) cpSync(path.join(root, 'src', folder), path.join(dist, folder), { recursive: true })
  writeFileSync(stamp, '')
  process.stderr.write(`labelworks: compiled src/ to dist/ in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
}
