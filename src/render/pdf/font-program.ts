// Encodes a fontkit subset to TrueType bytes. fontkit's public encodeStream() defers the work through a
// setTimeout-based nextTick polyfill (its browser bundle), which idles about a millisecond per label; the same
// encoder run synchronously into the same stream class gives identical bytes without the wait.
import type { Subset } from '@pdf-lib/fontkit'
import type { FontFace } from './font-face.ts'

interface EncodeStreamLike {
  push (chunk: Uint8Array | null): boolean
  end (): void
}
type EncodeStreamClass = new () => EncodeStreamLike
type SyncEncodableSubset = Subset & { encode?: (stream: EncodeStreamLike) => void }

let encodeStreamClass: EncodeStreamClass | undefined

function concat (parts: Uint8Array[]): Uint8Array {
  return parts.length === 1 ? parts[0] as Uint8Array : Buffer.concat(parts)
}

function encodeSync (face: FontFace, subset: SyncEncodableSubset): Uint8Array | undefined {
  if (typeof subset.encode !== 'function') return undefined
  // The stream class is not exported; an empty throwaway subset hands it to us once per process.
  encodeStreamClass ??= (face.font.createSubset().encodeStream() as unknown as { constructor: EncodeStreamClass }).constructor
  const parts: Uint8Array[] = []
  const stream = new encodeStreamClass()
  stream.push = (chunk) => {
    if (chunk !== null) parts.push(chunk)
    return true
  }
  subset.encode(stream)
  stream.end()
  return concat(parts)
}

function encodeViaStream (subset: Subset): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const parts: Uint8Array[] = []
    const stream = subset.encodeStream() as unknown as NodeJS.EventEmitter
    stream.on('data', (chunk: Uint8Array) => parts.push(chunk))
    stream.on('end', () => resolve(concat(parts)))
    stream.on('error', reject)
  })
}

/** The TrueType program of a subset (glyf, loca, hmtx, head, hhea, maxp, hinting tables). */
export async function encodeFontProgram (face: FontFace, subset: Subset): Promise<Uint8Array> {
  return encodeSync(face, subset as SyncEncodableSubset) ?? await encodeViaStream(subset)
}
