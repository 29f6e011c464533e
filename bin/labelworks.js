#!/usr/bin/env node
// In a checkout with its dev dependencies the CLI runs straight from the TypeScript sources through tsx, so it is
// never stale; an installation without them (npm prune --omit=dev, the Docker image) runs the build in dist/.
import { existsSync } from 'node:fs'
import process from 'node:process'
import { URL } from 'node:url'

let tsx
try {
  tsx = await import('tsx/esm/api')
} catch (err) {
  if (err.code !== 'ERR_MODULE_NOT_FOUND') throw err
}
if (tsx !== undefined) {
  tsx.register()
  await import('../src/cli.ts')
} else if (existsSync(new URL('../dist/cli.js', import.meta.url))) {
  await import('../dist/cli.js')
} else {
  process.stderr.write('labelworks: there is no build in dist/ and no tsx to run the sources; run npm run build\n')
  process.exitCode = 1
}
