// `labelworks render --generate-tracking-code`: the DashLink guide's request sample, which has no code, becomes a
// dashlink label with a generated one, from the counter in DATA_DIR; without TRACKING_PREFIX it is refused.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli } from '../../src/cli.ts'
import type { CliIo } from '../../src/cli/io.ts'

const SAMPLE = new URL('../records/fixtures/dashlink-create-request.json', import.meta.url).pathname
const dataDir = mkdtempSync(path.join(tmpdir(), 'labelworks-cli-codes-'))
afterAll(() => { rmSync(dataDir, { recursive: true, force: true }) })

function capture (env: Record<string, string>): { io: CliIo, out: () => string, err: () => string } {
  let out = ''
  let err = ''
  const io: CliIo = {
    stdin: (async function* () { yield Buffer.from('') })(),
    stdout: { write: (chunk: string | Uint8Array) => { out += Buffer.from(chunk).toString() } },
    stderr: { write: (chunk: string) => { err += chunk } },
    env
  }
  return { io, out: () => out, err: () => err }
}

describe('labelworks render --generate-tracking-code', () => {
  it('makes a dashlink label from the DashLink guide\'s request sample, two runs two codes', async () => {
    const codes: string[] = []
    for (let run = 0; run < 2; run++) {
      const c = capture({ TRACKING_PREFIX: 'LWX', DATA_DIR: dataDir })
      expect(await runCli(['render', SAMPLE, '--template', 'dashlink', '--generate-tracking-code'], c.io), c.err()).toBe(0)
      const code = /warning TRACKING_CODE_GENERATED at record\.external_delivery_id: generated tracking code "(LWX[0-9A-Z]{12})"/.exec(c.err())?.[1]
      expect(code).toBeDefined()
      expect(c.out()).toMatch(new RegExp(`\\^FX[^^]*${code as string}\\^FO`))
      codes.push(code as string)
    }
    expect(codes[0]).not.toBe(codes[1])
  })

  it('is refused without TRACKING_PREFIX, naming the flag', async () => {
    const c = capture({ DATA_DIR: dataDir })
    expect(await runCli(['render', SAMPLE, '--generate-tracking-code'], c.io)).not.toBe(0)
    expect(c.err()).toMatch(/generate_tracking_code.*TRACKING_PREFIX/)
  })
})
