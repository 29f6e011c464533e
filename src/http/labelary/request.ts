// Reading a Labelary-style request: density and size from the path, label index, Accept, X-Rotation, and the
// ZPL from the path (GET), a raw body, or the `file` field of a multipart form (POST).
import { LabelworksError, ValidationError } from '../../errors.ts'
import { isDpmm, MAX_LABEL_INCHES, ROTATIONS, type Dpmm, type Rotation } from '../../render/png/index.ts'
import { multipartField } from './multipart.ts'

/** The Accept header names neither image/png nor application/pdf. */
export class LabelaryNotAcceptableError extends LabelworksError {
  readonly code = 'NOT_ACCEPTABLE'
}

/** What a Labelary-compatible request asks for. */
export interface LabelaryRequest {
  dpmm: Dpmm
  widthIn: number
  heightIn: number
  index: number | undefined
  accept: 'image/png' | 'application/pdf'
  rotation: Rotation
  lint: boolean
}

function invalid (path: string, rule: string, message: string): ValidationError {
  return new ValidationError([{ path, rule, message }])
}

/** `8dpmm` → 8. */
export function parseDpmm (raw: string): Dpmm {
  const match = /^(\d+)dpmm$/i.exec(raw)
  const n = match === null ? NaN : Number(match[1])
  if (!isDpmm(n)) throw invalid('dpmm', 'enum', `"${raw}" is not a valid print density; use 6dpmm, 8dpmm, 12dpmm or 24dpmm`)
  return n
}

/** `4x6` or `4.05x6.5` → inches. */
export function parseSize (raw: string): { widthIn: number, heightIn: number } {
  const match = /^(\d+(?:\.\d+)?|\.\d+)x(\d+(?:\.\d+)?|\.\d+)$/i.exec(raw)
  const widthIn = Number(match?.[1])
  const heightIn = Number(match?.[2])
  const ok = (n: number): boolean => Number.isFinite(n) && n > 0 && n <= MAX_LABEL_INCHES
  if (!ok(widthIn) || !ok(heightIn)) {
    throw invalid('size', 'label_size', `"${raw}" is not a valid label size; use {width}x{height} in inches, each above 0 and at most ${MAX_LABEL_INCHES}`)
  }
  return { widthIn, heightIn }
}

/** Label index from the path; undefined when the path has none. */
export function parseIndex (raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return undefined
  if (!/^\d{1,6}$/.test(raw)) throw invalid('index', 'integer', `"${raw}" is not a valid label index; use 0, 1, 2…`)
  return Number(raw)
}

/** The first of image/png and application/pdf that Accept allows, by q then order; PNG when absent or any. */
export function parseAccept (header: string | undefined): LabelaryRequest['accept'] {
  if (header === undefined || header.trim() === '') return 'image/png'
  const ranges = header.split(',').map((part, order) => {
    const [type = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase())
    const q = Number(params.find((p) => p.startsWith('q='))?.slice(2) ?? 1)
    return { type, q: Number.isFinite(q) ? q : 0, order }
  }).filter((r) => r.q > 0).sort((a, b) => b.q - a.q || a.order - b.order)
  for (const { type } of ranges) {
    if (type === 'image/png' || type === 'image/*' || type === '*/*') return 'image/png'
    if (type === 'application/pdf' || type === 'application/*') return 'application/pdf'
  }
  throw new LabelaryNotAcceptableError(`Accept "${header}" is not supported; use image/png or application/pdf`)
}

/** X-Rotation: 0, 90, 180 or 270 degrees clockwise; 0 when absent. */
export function parseRotation (header: string | undefined): Rotation {
  if (header === undefined || header.trim() === '') return 0
  const n = Number(header.trim())
  if (!(ROTATIONS as readonly number[]).includes(n)) throw invalid('X-Rotation', 'enum', `"${header}" is not a valid rotation; use 0, 90, 180 or 270`)
  return n as Rotation
}

/** The ZPL of a POST: the multipart `file` field, or the whole body as sent (form-urlencoded bodies are raw ZPL). */
export function zplFromBody (body: unknown, contentType: string | undefined): string {
  const bytes = Buffer.isBuffer(body) ? body : Buffer.alloc(0)
  const zpl = /^multipart\/form-data/i.test(contentType ?? '') ? multipartField(bytes, contentType ?? '', 'file') : bytes.toString('utf8')
  if (zpl === undefined) throw invalid('file', 'required', 'the multipart form has no "file" field with the ZPL')
  return zpl
}
