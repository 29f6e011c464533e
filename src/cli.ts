// The `labelworks` command: render labels locally; print and query printers through the running service.
import { loadEnvFile } from './bootstrap.ts'
import { LabelworksError } from './errors.ts'
import type { CliIo } from './cli/io.ts'
import { RENDER_USAGE, runRenderCommand } from './cli/render-command.ts'
import { FORMAT_NAMES } from './service/formats/index.ts'

const USAGE = `labelworks <command>
  render <record.json|->   write one label (${FORMAT_NAMES.join(', ')}) to stdout
  print --printer <id> <record.json>   queue a label on a printer (needs the service running and LABELWORKS_API_KEY)
  reprint <label_id> --printer <id>    print an archived label again (needs the service running and LABELWORKS_API_KEY)
  printers list            list the registered printers (needs the service running)
  printers status [id]     show printer status (needs the service running)

${RENDER_USAGE}`

/** Runs the CLI and returns the exit code. */
export async function runCli (argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv
  try {
    if (command === 'render') return await runRenderCommand(rest, io)
    if (command === 'print' || command === 'reprint' || command === 'printers') {
      const { runPrintingCli } = await import('./cli/printing.ts')
      return await runPrintingCli(argv, io)
    }
    if (command === undefined || command === 'help' || command === '--help') {
      io.stderr.write(`${USAGE}\n`)
      return 0
    }
    io.stderr.write(`error: unknown command "${command}"; the commands are render, print, reprint and printers\n${USAGE}\n`)
    return 2
  } catch (err) {
    if (err instanceof LabelworksError) {
      io.stderr.write(`error ${err.code}: ${err.message}\n`)
      for (const issue of err.issues) io.stderr.write(`  ${issue.path} (${issue.rule}): ${issue.message}\n`)
      return 2
    }
    if (err instanceof TypeError && 'code' in err && String(err.code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr.write(`error: ${err.message}\n${USAGE}\n`)
      return 2
    }
    const message = err instanceof Error ? err.message : String(err)
    io.stderr.write(`error: ${message}\n`)
    return 1
  }
}

if (process.argv[1] !== undefined && /labelworks(\.js)?$|cli\.[jt]s$/.test(process.argv[1])) {
  loadEnvFile(process.env)
  process.exitCode = await runCli(process.argv.slice(2), { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env })
}
