// What the extending tests draw with: the real label font and a real laid-out label.
import { loadConfig } from '../../src/config.ts'
import { loadTextFonts } from '../../src/fonts/index.ts'
import type { Label } from '../../src/model/label.ts'
import { textRasterizerFor } from '../../src/render/bitmap/index.ts'
import { zplFontDownload } from '../../src/render/zpl/index.ts'
import type { FormatResources } from '../../src/service/formats/index.ts'
import { fullRecord } from '../http/labels/fixtures.ts'
import { testLabelService } from '../support/app.ts'

/** The resources the service gives every format. */
export function formatResources (): FormatResources {
  const font = loadTextFonts(loadConfig({}).fontFile)
  return { font, fontDownload: zplFontDownload(font.bytes, font.zplPath), glyphs: textRasterizerFor(font) }
}

/** The README's generic record, laid out with the standard template. */
export function sampleLabel (): Label {
  return testLabelService().layout({ record: fullRecord() }).label
}
