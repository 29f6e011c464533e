// Test support: read Code128 symbols from gray images with zxing-wasm (local wasm, nothing fetched) and
// measure bar/space runs along a scan line.
import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { prepareZXingModule, readBarcodes } from 'zxing-wasm/reader'
import { toRgba, type GrayImage } from './zpl-render.ts'

/** One symbol found in an image. */
export interface DecodedBarcode {
  text: string
  /** How many times this exact text was found (more than 1 means duplicate symbols). */
  count: number
  position?: { topLeft: { x: number, y: number }, bottomRight: { x: number, y: number } }
}

let ready: Promise<unknown> | undefined

function zxing (): Promise<unknown> {
  ready ??= (async () => {
    const wasmPath = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm')
    const bytes = await readFile(wasmPath)
    const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
    return prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true })
  })()
  return ready
}

/** Every Code128 symbol zxing finds in the image (tryHarder), grouped by text. */
export async function decodeCode128 (image: GrayImage): Promise<DecodedBarcode[]> {
  await zxing()
  const imageData = { data: toRgba(image), width: image.width, height: image.height } as unknown as Parameters<typeof readBarcodes>[0]
  const results = await readBarcodes(imageData, {
    formats: ['Code128'], tryHarder: true, maxNumberOfSymbols: 8
  })
  const byText = new Map<string, DecodedBarcode>()
  for (const r of results) {
    if (!r.isValid) continue
    const seen = byText.get(r.text)
    if (seen !== undefined) { seen.count++; continue }
    const p = r.position
    byText.set(r.text, { text: r.text, count: 1, position: { topLeft: p.topLeft, bottomRight: p.bottomRight } })
  }
  return [...byText.values()]
}

/** A scan line: a row (`{ row: y }`) or a column (`{ column: x }`), optionally limited to [from, to). */
export type ScanLine = ({ row: number } | { column: number }) & { from?: number, to?: number }

/** One run of equal pixels along a scan line. */
export interface Run {
  dark: boolean
  /** Offset of the first pixel of the run along the line. */
  start: number
  length: number
}

/** Runs of dark/light pixels along a row or column of a thresholded gray image. */
export function measureBars (gray: GrayImage, line: ScanLine): Run[] {
  const isRow = 'row' in line
  const size = isRow ? gray.width : gray.height
  const from = line.from ?? 0
  const to = Math.min(line.to ?? size, size)
  const at = isRow
    ? (i: number) => gray.data[line.row * gray.width + i] as number
    : (i: number) => gray.data[i * gray.width + line.column] as number
  const runs: Run[] = []
  for (let i = from; i < to; i++) {
    const dark = at(i) < 128
    const last = runs[runs.length - 1]
    if (last !== undefined && last.dark === dark) last.length++
    else runs.push({ dark, start: i, length: 1 })
  }
  return runs
}
