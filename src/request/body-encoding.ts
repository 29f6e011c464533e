// Request bodies as clients really send them: compressed (large batches go as gzip), and from older systems in
// a legacy charset such as windows-1252. Bytes that are not what the headers say fail here, naming the header
// and the byte, instead of reaching a record as U+FFFD and failing later as a character the font lacks.
import { isUtf8 } from 'node:buffer'
import { TextDecoder } from 'node:util'
import { brotliDecompressSync, gunzipSync, inflateSync, type ZlibOptions } from 'node:zlib'
import { LabelworksError } from '../errors.ts'

/** The Content-Type names a charset no decoder knows. */
export class UnsupportedCharsetError extends LabelworksError {
  readonly code = 'UNSUPPORTED_MEDIA_TYPE'

  constructor (charset: string, cause: unknown) {
    const message = `charset "${charset}" is not an encoding this service can decode; send UTF-8`
    super(message, { cause, issues: [{ path: 'header.content-type', rule: 'charset', message }] })
  }
}

/** The Content-Encoding is not one of ours. */
export class UnsupportedContentEncodingError extends LabelworksError {
  readonly code = 'UNSUPPORTED_CONTENT_ENCODING'

  constructor (encoding: string) {
    const message = `Content-Encoding "${encoding}" is not supported; send gzip, deflate, br or an uncompressed body`
    super(message, { issues: [{ path: 'header.content-encoding', rule: 'content_encoding', message }] })
  }
}

/** The bytes are not what the headers say: broken compressed data, or text that is not valid in its charset. */
export class InvalidBodyEncodingError extends LabelworksError {
  readonly code = 'INVALID_BODY_ENCODING'

  constructor (header: 'content-type' | 'content-encoding', message: string, cause?: unknown) {
    super(message, { cause, issues: [{ path: `header.${header}`, rule: header === 'content-type' ? 'charset' : 'content_encoding', message }] })
  }
}

/** The body grew past the body limit while it was decompressed. */
export class DecompressedBodyTooLargeError extends LabelworksError {
  readonly code = 'BODY_TOO_LARGE'

  constructor (limit: number, cause: unknown) {
    const message = `the request body is larger than ${limit} bytes once decompressed (BODY_LIMIT_BYTES)`
    super(message, { cause, issues: [{ path: 'body', rule: 'max_bytes', message }] })
  }
}

const DECOMPRESSORS: Readonly<Record<string, (data: Buffer, options: ZlibOptions) => Buffer>> = {
  gzip: gunzipSync,
  'x-gzip': gunzipSync,
  deflate: inflateSync,
  br: brotliDecompressSync
}

/** The body with its Content-Encoding undone; the limit bounds what decompression may produce (a "zip bomb"). */
export function decompressBody (raw: Buffer, contentEncoding: string | undefined, limit: number): Buffer {
  if (contentEncoding === undefined) return raw
  const encoding = contentEncoding.trim().toLowerCase()
  if (encoding === '' || encoding === 'identity') return raw
  const decompress = DECOMPRESSORS[encoding]
  if (decompress === undefined) throw new UnsupportedContentEncodingError(contentEncoding)
  try {
    return decompress(raw, { maxOutputLength: limit })
  } catch (err) {
    if (err instanceof RangeError) throw new DecompressedBodyTooLargeError(limit, err)
    throw new InvalidBodyEncodingError('content-encoding', `the request body is not valid ${encoding} data: ${(err as Error).message}`, err)
  }
}

/** The `charset` parameter of a Content-Type, lower-cased; undefined when there is none. */
function charsetOf (contentType: string | undefined): string | undefined {
  if (contentType === undefined || !contentType.includes(';')) return undefined
  const match = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType)
  return match?.[1]?.toLowerCase()
}

/** Length and allowed second-byte range of a UTF-8 sequence by its first byte (Unicode table 3-7); length 0: invalid. */
function utf8Lead (b: number): [length: number, low: number, high: number] {
  if (b < 0x80) return [1, 0, 0]
  if (b >= 0xc2 && b <= 0xdf) return [2, 0x80, 0xbf]
  if (b === 0xe0) return [3, 0xa0, 0xbf]
  if (b === 0xed) return [3, 0x80, 0x9f] // no surrogates
  if (b >= 0xe1 && b <= 0xef) return [3, 0x80, 0xbf]
  if (b === 0xf0) return [4, 0x90, 0xbf]
  if (b >= 0xf1 && b <= 0xf3) return [4, 0x80, 0xbf]
  if (b === 0xf4) return [4, 0x80, 0x8f] // nothing past U+10FFFF
  return [0, 0, 0]
}

/** Length of the well-formed UTF-8 sequence starting at `i`, or 0 when it is not one. */
function utf8SequenceLength (bytes: Uint8Array, i: number): number {
  const [length, low, high] = utf8Lead(bytes[i] as number)
  if (length <= 1) return length
  if (i + length > bytes.length) return 0
  const second = bytes[i + 1] as number
  if (second < low || second > high) return 0
  for (let k = 2; k < length; k++) {
    const c = bytes[i + k] as number
    if (c < 0x80 || c > 0xbf) return 0
  }
  return length
}

/** Offset of the first byte that is not part of well-formed UTF-8. */
export function firstInvalidUtf8 (bytes: Uint8Array): number {
  let i = 0
  while (i < bytes.length) {
    const length = utf8SequenceLength(bytes, i)
    if (length === 0) return i
    i += length
  }
  return -1
}

/** Where bytes stop being UTF-8, for a message (`byte 0xE9 at offset 12`); undefined when they are UTF-8 throughout. */
export function invalidUtf8At (bytes: Uint8Array): string | undefined {
  if (isUtf8(bytes)) return undefined
  const at = firstInvalidUtf8(bytes)
  return `byte 0x${(bytes[at] as number).toString(16).toUpperCase().padStart(2, '0')} at offset ${at}`
}

const decoders = new Map<string, TextDecoder>()

function decoderFor (charset: string): TextDecoder {
  let decoder = decoders.get(charset)
  if (decoder === undefined) {
    try {
      decoder = new TextDecoder(charset, { fatal: true })
    } catch (err) {
      throw new UnsupportedCharsetError(charset, err)
    }
    decoders.set(charset, decoder)
  }
  return decoder
}

/** The body as text in the charset its Content-Type names (UTF-8 when it names none). */
export function decodeBodyText (bytes: Buffer, contentType: string | undefined): string {
  const charset = charsetOf(contentType) ?? 'utf-8'
  if (charset === 'utf-8' || charset === 'utf8') {
    const invalid = invalidUtf8At(bytes)
    if (invalid === undefined) return bytes.toString('utf8')
    throw new InvalidBodyEncodingError('content-type', `the request body is not valid UTF-8: ${invalid}; send UTF-8, or name the encoding the body is in, e.g. "Content-Type: application/json; charset=windows-1252"`)
  }
  const decoder = decoderFor(charset)
  try {
    return decoder.decode(bytes)
  } catch (err) {
    throw new InvalidBodyEncodingError('content-type', `the request body is not valid ${decoder.encoding} text`, err)
  }
}
