// Child process of render.test.ts: renders the sample label in a fresh process and prints the PDF's SHA-256.
import { createHash } from 'node:crypto'
import { renderPdf } from '../../../src/render/pdf/index.ts'
import { FONT_BYTES, sampleLabel } from './labels.ts'

const dpi = Number(process.argv[2]) === 300 ? 300 : 203
const rotation = Number(process.argv[3]) === 90 ? 90 : 0
const pdf = await renderPdf(sampleLabel(dpi, rotation).label, { fontBytes: FONT_BYTES })
process.stdout.write(createHash('sha256').update(pdf).digest('hex') + '\n')
