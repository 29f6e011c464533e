#!/usr/bin/env node
// In a checkout with its dev dependencies the CLI runs straight from the TypeScript sources through tsx, so it is
// never stale; an installation without them (npm ci --omit=dev, the Docker image) runs the build in dist/.
let tsx
try {
  tsx = await import('tsx/esm/api')
} catch (err) {
  if (err.code !== 'ERR_MODULE_NOT_FOUND') throw err
}
if (tsx === undefined) {
  await import('../dist/cli.js')
} else {
  tsx.register()
  await import('../src/cli.ts')
}
