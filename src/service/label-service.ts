// The label pipeline behind every output: record → label data → layout → ZPL / PDF / PNG.
import { LabelworksError, UnknownTemplateError, UnsupportedCharacterError, ValidationError } from '../errors.ts'
import type { LabelFont } from '../fonts/index.ts'
import { layoutLabel, type Template } from '../layout/index.ts'
import type { Label } from '../model/label.ts'
import { adaptRecord } from '../records/index.ts'
import { textRasterizerFor } from '../render/bitmap/index.ts'
import { renderZpl, zplFontDownload } from '../render/zpl/index.ts'
import type { Dpi } from '../units.ts'
import { checkBatchFormat, FORMAT_NAMES, formatNamed, FORMATS, type BatchOpener, type FormatResources, type LabelRenderer } from './formats/index.ts'
import { zplFormat, zplOptionsOf } from './formats/zpl.ts'
import type { BatchOptions, ChunkSink, DataRequest, LabelBatchWriter, LabelRequest, LabelService, LaidOutLabel, OutputFormat, RenderedLabel, RenderedZpl } from './types.ts'

/** What the service is built from; all loaded once at start-up. */
export interface LabelServiceOptions {
  font: LabelFont
  templates: ReadonlyMap<string, Template>
  defaultTemplate?: string
  defaultDpi?: Dpi
  /** Ship date printed when a record has none, as YYYY-MM-DD (injected so tests are deterministic). */
  today?: () => string
}

/** Templates whose carrier rules are always enforced as errors. */
const STRICT_TEMPLATES = new Set(['dashlink'])

function utcToday (): string {
  return new Date().toISOString().slice(0, 10)
}

/**
 * Layout reports problems by label-data path (`recipient.name`); the user needs the field they sent
 * (`record.dropoff_contact_given_name`), which the adapter recorded.
 */
function toRecordPaths (err: unknown, fieldPaths: Record<string, string>): unknown {
  if (!(err instanceof LabelworksError) || err.issues.length === 0) return err
  const mapped = (p: string): string => fieldPaths[p] ?? fieldPaths[p.replace(/\.\d+$/, '')] ?? `label.${p}`
  if (err instanceof UnsupportedCharacterError) {
    return new UnsupportedCharacterError(mapped(err.path), err.character)
  }
  for (const issue of err.issues) {
    const from = issue.path
    issue.path = mapped(from)
    // Messages lead with the path they are about (`trackingCode: …`): that must be the field the user sent, too.
    if (err.message.startsWith(`${from}: `)) err.message = `${issue.path}: ${err.message.slice(from.length + 2)}`
  }
  return err
}

/** Builds the service the HTTP layer, the CLI and the print queue share. */
export function createLabelService (options: LabelServiceOptions): LabelService & { fontPath: string } {
  const { font, templates } = options
  const defaultTemplate = options.defaultTemplate ?? 'standard'
  const defaultDpi = options.defaultDpi ?? 203
  const today = options.today ?? utcToday
  const fontDownload = zplFontDownload(font.bytes, font.zplPath)
  const resources: FormatResources = { font, fontDownload, glyphs: textRasterizerFor(font) }
  const zplOptionsFor = zplOptionsOf(resources)
  const renderers = new Map<OutputFormat, LabelRenderer>(FORMATS.map((f) => [f.name, f.renderer(resources)]))
  const batchers = new Map<OutputFormat, BatchOpener>()
  for (const f of FORMATS) if (f.batcher !== undefined) batchers.set(f.name, f.batcher(resources))

  function templateFor (name: string): Template {
    const template = templates.get(name)
    if (template === undefined) throw new UnknownTemplateError(name, [...templates.keys()])
    return template
  }

  function layout (request: LabelRequest): LaidOutLabel {
    const templateName = request.template ?? defaultTemplate
    const template = templateFor(templateName)
    const dpi = request.dpi ?? defaultDpi
    if (dpi !== 203 && dpi !== 300) {
      throw new ValidationError([{ path: 'dpi', rule: 'enum', message: 'must be 203 or 300' }])
    }
    const strict = request.strict === true || STRICT_TEMPLATES.has(templateName)
    const adapted = adaptRecord(request.record, { source: request.source ?? 'auto', strict, carrierRules: request.carrierRules })
    const data = adapted.data.shipDate === undefined ? { ...adapted.data, shipDate: today() } : adapted.data
    let label: Label
    try {
      label = layoutLabel(data, { template, dpi, font })
    } catch (err) {
      throw toRecordPaths(err, adapted.fieldPaths)
    }
    // Most labels have no warning at all: no field paths to build and no arrays to copy then.
    const warnings = adapted.warnings
    for (const w of label.warnings) warnings.push({ ...w, path: adapted.fieldPaths[w.path] ?? `label.${w.path}` })
    return { label, data, source: adapted.source, warnings, trackingCodePath: adapted.trackingCodePath, strict }
  }

  function rendered (laid: LaidOutLabel, format: OutputFormat, body: Buffer): RenderedLabel {
    const { label } = laid
    return {
      format,
      contentType: formatNamed(format).contentType,
      body,
      trackingCode: label.trackingCode,
      source: laid.source,
      template: label.template,
      dpi: label.dpi,
      warnings: laid.warnings,
      data: laid.data
    }
  }

  function renderZplOf (request: LabelRequest): RenderedZpl {
    const laid = layout(request)
    const { label } = laid
    return {
      format: 'zpl',
      contentType: zplFormat.contentType,
      zpl: renderZpl(label, zplOptionsFor(request.text)),
      trackingCode: label.trackingCode,
      source: laid.source,
      template: label.template,
      dpi: label.dpi,
      warnings: laid.warnings,
      data: laid.data
    }
  }

  function rendererOf (format: OutputFormat): LabelRenderer {
    const renderer = renderers.get(format)
    if (renderer === undefined) {
      throw new ValidationError([{ path: 'format', rule: 'enum', message: `must be one of ${FORMAT_NAMES.join(', ')}` }])
    }
    return renderer
  }

  async function render (request: LabelRequest & { format: OutputFormat }): Promise<RenderedLabel> {
    const render = rendererOf(request.format)
    const laid = layout(request)
    return rendered(laid, request.format, await render(laid.label, request))
  }

  async function renderData (request: DataRequest): Promise<Buffer> {
    const render = rendererOf(request.format)
    const label = layoutLabel(request.data, { template: templateFor(request.template), dpi: request.dpi, font })
    return await render(label, request)
  }

  function openBatch (options: BatchOptions, write: ChunkSink): LabelBatchWriter {
    checkBatchFormat(options.format)
    return (batchers.get(options.format) as BatchOpener)(options, write)
  }

  return {
    layout,
    renderZpl: renderZplOf,
    render,
    renderData,
    fontDownloadZpl: () => fontDownload,
    templateNames: () => [...templates.keys()],
    defaults: () => ({ dpi: defaultDpi, template: defaultTemplate }),
    openBatch,
    fontPath: font.zplPath
  }
}
