import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Every temporary folder of the run under one folder, removed at its end (see test/support/temp-root.ts).
    globalSetup: ['test/support/temp-root.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // two cores: the WASM renderer and the PDF rasteriser are CPU-bound, so run two files at a time
    maxWorkers: 2,
    pool: 'forks',
    // zpl-renderer-js ships a sourceMappingURL to a map it does not ship; loaded by Node rather than through vite,
    // it no longer prints "Failed to load source map" into every run.
    server: { deps: { external: ['zpl-renderer-js'] } }
  }
})
