import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../src/cli.ts'
import type { CliIo } from '../src/cli/io.ts'

const RECORD = new URL('../bench/fixtures/generic-record.json', import.meta.url).pathname

function capture (stdinText = ''): { io: CliIo, out: () => Buffer, err: () => string } {
  const out: Buffer[] = []
  let err = ''
  const io: CliIo = {
    stdin: (async function* () { yield Buffer.from(stdinText) })(),
    stdout: { write: (chunk: string | Uint8Array) => out.push(Buffer.from(chunk)) },
    stderr: { write: (chunk: string) => { err += chunk } },
    env: {}
  }
  return { io, out: () => Buffer.concat(out), err: () => err }
}

describe('labelworks render', () => {
  it('writes a 300 dpi ZPL label to stdout', async () => {
    const c = capture()
    expect(await runCli(['render', RECORD, '--format', 'zpl', '--dpi', '300'], c.io)).toBe(0)
    const zpl = c.out().toString()
    expect(zpl.startsWith('^XA')).toBe(true)
    expect(zpl).toContain('^PW1200^LL1800')
  })

  it('takes the density from DEFAULT_DPI when --dpi is not given, as the server does', async () => {
    const c = capture()
    c.io.env = { DEFAULT_DPI: '300' }
    expect(await runCli(['render', RECORD], c.io)).toBe(0)
    expect(c.out().toString()).toContain('^PW1200^LL1800')
  })

  it('writes a PDF to a file with --out', async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'lw-cli-')), 'label.pdf')
    const c = capture()
    expect(await runCli(['render', RECORD, '--format', 'pdf', '--out', file], c.io)).toBe(0)
    expect(readFileSync(file).subarray(0, 5).toString()).toBe('%PDF-')
  })

  it('refuses to write a PDF to a terminal, and writes ZPL there', async () => {
    const tty = capture()
    tty.io.stdout.isTTY = true
    expect(await runCli(['render', RECORD, '--format', 'pdf'], tty.io)).toBe(2)
    expect(tty.err()).toMatch(/a PDF is binary and stdout is a terminal; write it with --out label\.pdf/)
    expect(tty.out().length).toBe(0)
    expect(await runCli(['render', RECORD], tty.io)).toBe(0)
    expect(tty.out().toString().startsWith('^XA')).toBe(true)
  })

  it('writes a PNG label and text in the printer font with --text font', async () => {
    const png = capture()
    expect(await runCli(['render', RECORD, '--format', 'png', '--dpi', '300'], png.io)).toBe(0)
    expect(png.out().subarray(1, 4).toString('latin1')).toBe('PNG')
    expect(png.out().readUInt32BE(16)).toBe(1200)
    const font = capture()
    expect(await runCli(['render', RECORD, '--text', 'font'], font.io)).toBe(0)
    expect(font.out().toString()).toContain('^A@N,')
    const graphic = capture()
    expect(await runCli(['render', RECORD], graphic.io)).toBe(0)
    expect(graphic.out().toString()).not.toContain('^A@')
  })

  it('reads the record from stdin with -', async () => {
    const c = capture(readFileSync(RECORD, 'utf8'))
    expect(await runCli(['render', '-'], c.io)).toBe(0)
    expect(c.out().toString()).toMatch(/^\^XA.*\^XZ$/s)
  })

  it('prints the commands for help, or no command, with exit code 0', async () => {
    for (const argv of [[], ['help'], ['--help']]) {
      const c = capture()
      expect(await runCli(argv, c.io)).toBe(0)
      expect(c.err()).toMatch(/^labelworks <command>\n {2}render/)
    }
  })

  it('fails with exit code 2 and names the problem', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'lw-cli-'))
    const broken = path.join(dir, 'broken.json')
    writeFileSync(broken, '{"tracking_code": ')
    const latin1 = path.join(dir, 'latin1.json')
    writeFileSync(latin1, Buffer.from(readFileSync(RECORD, 'utf8').replace('Jordan Alvarez', 'Renée Müller'), 'latin1'))
    const cases: [string[], RegExp][] = [
      [['render', RECORD, '--dpi', '150'], /--dpi.*203 or 300/],
      [['render', RECORD, '--format', 'pdf', '--include-font', '--out', path.join(dir, 'x.pdf')], /--include-font \(zpl_only\): applies to ZPL labels only; a pdf label/],
      [['render', path.join(dir, 'missing.json')], /cannot read .*missing\.json: no such file \(ENOENT\)/],
      [['render', dir], /cannot read .*lw-cli-\w+: it is a directory \(EISDIR\)/],
      [['render', broken], /INVALID_JSON/],
      [['render', latin1], /latin1\.json is not UTF-8 text: byte 0xE9 at offset \d+/],
      [['render'], /usage: labelworks render/],
      [['render', RECORD, '--colour', 'red'], /Unknown option/],
      [['frobnicate'], /^error: unknown command "frobnicate"; the commands are render, print, reprint and printers\nlabelworks <command>/]
    ]
    for (const [argv, message] of cases) {
      const c = capture()
      expect(await runCli(argv, c.io)).toBe(2)
      expect(c.err()).toMatch(message)
    }
  })
})
