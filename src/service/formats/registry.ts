// The output formats, one line each (a module per format beside this file). The OutputFormat type, the format
// option's values, content negotiation, batches, the OpenAPI document and the CLI help are derived from this list.
import type { OutputFormatModule } from './format.ts'
import { pdfFormat } from './pdf.ts'
import { pngFormat } from './png.ts'
import { zplFormat } from './zpl.ts'

/** Every output format; the first is the default. */
export const OUTPUT_FORMATS = [
  zplFormat,
  pdfFormat,
  pngFormat
] as const satisfies readonly OutputFormatModule[]
