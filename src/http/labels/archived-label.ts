// Between a label answer and the archive: what is kept of a label made now, and drawing a kept one again.
import type { ArchivedLabel, ArchivedOptions } from '../../archive/label-archive.ts'
import { formatNamed } from '../../service/formats/index.ts'
import type { LabelService, RenderedLabel } from '../../service/types.ts'
import type { LabelFacts } from './label-answer.ts'

/** The archive entry of a label made now. */
export function archivedOf (id: string, label: Omit<RenderedLabel, 'body' | 'contentType' | 'format'>, options: ArchivedOptions): ArchivedLabel {
  return { id, createdAt: Date.now(), trackingCode: label.trackingCode, source: label.source, data: label.data, options, warnings: label.warnings }
}

/** The facts an archived label is answered with, drawn as `format` at `dpi`. */
export function archivedFacts (label: ArchivedLabel, drawn: Pick<ArchivedOptions, 'format' | 'dpi'>): LabelFacts {
  return {
    format: drawn.format,
    contentType: formatNamed(drawn.format).contentType,
    trackingCode: label.trackingCode,
    source: label.source,
    template: label.options.template,
    dpi: drawn.dpi,
    warnings: label.warnings
  }
}

/**
 * Draws an archived label from its data as `drawn` asks (its own options: the bytes it was first answered with).
 * `fontDownload` is the label font's `~DU`, put in front of ZPL that asks for it as the label routes do.
 */
export async function drawArchived (service: Pick<LabelService, 'renderData'>, fontDownload: string, label: ArchivedLabel, drawn: ArchivedOptions): Promise<Buffer> {
  const body = await service.renderData({ data: label.data, template: drawn.template, dpi: drawn.dpi, format: drawn.format, text: drawn.text })
  return drawn.format === 'zpl' && drawn.includeFont === true ? Buffer.concat([Buffer.from(fontDownload, 'utf8'), body]) : body
}
