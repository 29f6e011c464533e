// Every shell example in README.md and docs/*.md that calls the service (curl) or the CLI (labelworks) runs as
// written against a started server: only the documented address is replaced by the test server's. Each document
// gets a fresh print queue with the printers its examples name (dock-1 and dock-2, fake Zebra printers), and runs
// its examples in order in a directory of its own that sees the repository's files (fixtures are referenced by
// their repository paths). curl runs with --fail-with-body, so an HTTP error answer fails the example.
import { execFile } from 'node:child_process'
import { mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import type { FastifyInstance } from 'fastify'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { LABEL_FONT_ZPL_PATH } from '../../src/fonts/index.ts'
import { labelaryRoutes } from '../../src/http/labelary/index.ts'
import { printingPlugin } from '../../src/http/printing/index.ts'
import { createPrinting, type Printing } from '../../src/printing/create-printing.ts'
import { createZplRasterizer } from '../../src/render/png/index.ts'
import { openTrackingCodes, type TrackingCodes } from '../../src/archive/code-sequence.ts'
import type { LabelArchive } from '../../src/archive/label-archive.ts'
import { openSqliteArchive } from '../../src/archive/sqlite-archive.ts'
import { testApp, testLabelService } from '../support/app.ts'
import { startFakePrinter, type FakePrinter } from '../support/fake-printer.ts'
import { FAST, tempDir } from '../printing/helpers.ts'

const ROOT = path.resolve(new URL('../..', import.meta.url).pathname)
const DOCUMENTED = /http:\/\/127\.0\.0\.1:3000/g
const API_KEY = 'docs-example-key'
const run = promisify(execFile)

/** The ```sh blocks of a Markdown text that call the service or the CLI, in order. */
export function shellExamples (markdown: string): string[] {
  return [...markdown.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((m) => m[1] as string).filter((block) => /(^|\$\(|\|)\s*(curl|npx labelworks|labelworks)\s/m.test(block))
}

const DOCUMENTS = ['README.md', ...readdirSync(path.join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)]
  .map((file) => ({ file, examples: shellExamples(readFileSync(path.join(ROOT, file), 'utf8')) }))
  .filter((d) => d.examples.length > 0)

/** A working directory that sees every top-level entry of the repository, and a PATH whose curl fails on HTTP errors. */
function sandbox (): { cwd: string, bin: string } {
  const cwd = tempDir()
  for (const entry of readdirSync(ROOT)) if (entry !== '.env') symlinkSync(path.join(ROOT, entry), path.join(cwd, entry))
  const bin = path.join(tempDir(), 'bin')
  mkdirSync(bin)
  writeFileSync(path.join(bin, 'curl'), '#!/bin/sh\nexec /usr/bin/env -u CURL_HOME PATH="$REAL_PATH" curl --fail-with-body "$@"\n', { mode: 0o755 })
  return { cwd, bin }
}

const rasterizer = createZplRasterizer({ workers: 1 })
const service = testLabelService()
let printers: FakePrinter[] = []
let printing: Printing | undefined
let app: FastifyInstance | undefined
let codes: TrackingCodes | undefined
let archive: LabelArchive | undefined

async function startServer (): Promise<string> {
  printers = [await startFakePrinter(), await startFakePrinter()]
  const dir = tempDir()
  const printersFile = path.join(dir, 'printers.json')
  const [dock1, dock2] = printers as [FakePrinter, FakePrinter]
  writeFileSync(printersFile, JSON.stringify({
    printers: [{ id: 'dock-1', name: 'Dock 1', host: dock1.host, port: dock1.port }, { id: 'dock-2', name: 'Dock 2', host: dock2.host, port: dock2.port, dpi: 300 }]
  }))
  printing = await createPrinting({ config: { dataDir: dir, apiKey: API_KEY, printersFile }, service, queueOptions: { ...FAST, maxAttempts: 1 } })
  const storedFonts = [{ path: LABEL_FONT_ZPL_PATH, download: service.fontDownloadZpl() }]
  // As a service started with TRACKING_PREFIX=LWX, for the examples that ask for generated tracking codes.
  codes = openTrackingCodes(path.join(dir, 'codes'), 'LWX')
  archive = openSqliteArchive(dir)
  app = await testApp({
    service, trackingCodes: codes.next, archive, plugins: [(instance, hooks) => labelaryRoutes(instance, { rasterizer, storedFonts }, hooks),
      printingPlugin(printing, { archive, service })]
  })
  await printing.start()
  return await app.listen({ host: '127.0.0.1', port: 0 })
}

afterEach(async () => {
  await app?.close()
  await printing?.close()
  codes?.close()
  await archive?.close()
  archive = undefined
  for (const p of printers) await p.close()
  app = undefined
  printing = undefined
})
afterAll(async () => { await rasterizer.close() })

describe('shell examples of the docs', () => {
  beforeAll(() => {
    expect(DOCUMENTS.map((d) => d.file)).toEqual(expect.arrayContaining(['README.md', 'docs/http-api.md', 'docs/records.md', 'docs/printing.md']))
  })

  it('finds the curl and labelworks blocks and only those', () => {
    const text = '```sh\ncurl -s x\n```\n```sh\nnpm test\ncd labelworks\n```\n```json\n{"curl": 1}\n```\n```sh\nnpx labelworks render a.json\n```\n'
    expect(shellExamples(text)).toEqual(['curl -s x\n', 'npx labelworks render a.json\n'])
    expect(shellExamples('```sh\njob=$(curl -s x)\n```\n```sh\ngzip -c a | curl -s x\n```\n')).toHaveLength(2)
  })

  for (const { file, examples } of DOCUMENTS) {
    it(`${file}: ${examples.length} examples run as written`, async () => {
      const url = await startServer()
      const { cwd, bin } = sandbox()
      const { port } = new URL(url)
      const env: Record<string, string | undefined> = {
        ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, REAL_PATH: process.env.PATH, API_KEY, HOST: '127.0.0.1', PORT: port
      }
      delete env.LABELWORKS_URL
      delete env.LABELWORKS_API_KEY
      for (const example of examples) {
        const script = `set -e\n${example.replace(DOCUMENTED, url)}`
        const result = await run('sh', ['-c', script], { cwd, env, maxBuffer: 64 * 1024 * 1024, timeout: 150_000 }).catch((err: { code?: number, stdout?: string, stderr?: string }) => err)
        const failed = 'code' in result && result.code !== undefined && result.code !== 0
        expect(failed, `${file}: example failed (exit ${String((result as { code?: number }).code)}):\n${example}\nstdout: ${String(result.stdout).slice(0, 2000)}\nstderr: ${String(result.stderr).slice(0, 2000)}`).toBe(false)
      }
    }, 400_000)
  }
})
