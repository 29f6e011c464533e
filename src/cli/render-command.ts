// `labelworks render record.json --format <format> --dpi 203|300` writes one label to stdout (or --out).
import { writeFile } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { loadConfig } from '../config.ts'
import { loadLabelService } from '../bootstrap.ts'
import { openCodes } from '../archive/open-archive.ts'
import { recordToLabel } from '../request/generated-code.ts'
import { mergeOptions, readLabelOptions, refuseFontDownloadOutsideZpl, splitBody, zplTextMode } from '../request/label-options.ts'
import { parseJsonBody } from '../request/json.ts'
import { SOURCE_OPTIONS } from '../records/index.ts'
import { DEFAULT_FORMAT, FORMAT_NAMES, formatNamed } from '../service/formats/index.ts'
import { LabelworksCliError, readInputText, type CliIo } from './io.ts'

export const RENDER_USAGE = `usage: labelworks render <record.json|-> [--format ${FORMAT_NAMES.join('|')}] [--dpi 203|300] [--template standard|dashlink]
                        [--source ${SOURCE_OPTIONS.join('|')}] [--strict] [--text graphic|font] [--include-font] [--out file]
                        [--carrier-rules dashlink] [--generate-tracking-code (needs TRACKING_PREFIX)]`

/** Runs the render command; returns the process exit code (0 ok, 2 bad input, 1 failure). */
export async function runRenderCommand (argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      format: { type: 'string' },
      dpi: { type: 'string' },
      template: { type: 'string' },
      source: { type: 'string' },
      strict: { type: 'boolean' },
      'include-font': { type: 'boolean' },
      text: { type: 'string' },
      'carrier-rules': { type: 'string' },
      'generate-tracking-code': { type: 'boolean' },
      out: { type: 'string', short: 'o' }
    }
  })
  const file = positionals[0]
  if (file === undefined || positionals.length > 1) {
    io.stderr.write(`${RENDER_USAGE}\n`)
    return 2
  }
  const cliOptions = readLabelOptions({
    format: values.format, dpi: values.dpi, template: values.template, source: values.source, strict: values.strict, include_font: values['include-font'], text: values.text,
    carrier_rules: values['carrier-rules'], generate_tracking_code: values['generate-tracking-code']
  }, '--')
  const { record, options: fromFile } = splitBody(parseJsonBody(await readInputText(file, io)))
  const options = mergeOptions(cliOptions, fromFile)
  const format = options.format ?? DEFAULT_FORMAT
  const { binary, extension } = formatNamed(format)
  if (binary && values.out === undefined && io.stdout.isTTY === true) {
    throw new LabelworksCliError(`a ${format.toUpperCase()} is binary and stdout is a terminal; write it with --out label.${extension} or redirect it (> label.${extension})`)
  }
  refuseFontDownloadOutsideZpl(format, [[cliOptions, '--'], [fromFile, '']])
  const text = zplTextMode(format, [[cliOptions, '--'], [fromFile, '']])
  const config = loadConfig(io.env)
  const service = loadLabelService(config)
  const codes = options.generateTrackingCode === true && config.trackingPrefix !== undefined
    ? await openCodes(config, config.trackingPrefix)
    : undefined
  let toLabel: ReturnType<typeof recordToLabel>
  try {
    toLabel = recordToLabel(record, options, codes?.next)
  } finally {
    await codes?.close()
  }
  const label = await service.render({ record: toLabel.record, source: options.source, template: options.template, dpi: options.dpi,
    strict: options.strict, carrierRules: options.carrierRules, format, text })
  if (toLabel.generated !== undefined) label.warnings.unshift(toLabel.generated)
  const body = options.includeFont === true ? Buffer.concat([Buffer.from(service.fontDownloadZpl()), label.body]) : label.body
  for (const w of label.warnings) io.stderr.write(`warning ${w.code} at ${w.path}: ${w.message}\n`)
  if (values.out !== undefined) await writeFile(values.out, body)
  else io.stdout.write(body)
  return 0
}
