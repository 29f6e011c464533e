// A forward-only PDF file writer: objects are serialized and handed to the sink as soon as they are complete,
// and only their byte offsets are kept for the cross-reference table written at the end.
import { createHash, type Hash } from 'node:crypto'
import type { PDFObject } from 'pdf-lib'
import type { PdfSink } from './options.ts'

/** One indirect object: a pdf-lib object, or the source text of a small dictionary we write by hand. */
export interface IndirectObject {
  number: number
  object: PDFObject | string
}

/** `%PDF-1.7` plus a comment of high bytes, which marks the file as binary for transfer tools. */
const HEADER = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1')
/** Cross-reference entries are exactly 20 bytes. */
const XREF_ENTRY = 20

function serialize (object: PDFObject | string): Uint8Array {
  if (typeof object === 'string') return Buffer.from(object, 'latin1')
  const bytes = new Uint8Array(object.sizeInBytes())
  object.copyBytesInto(bytes, 0)
  return bytes
}

/** Writes a PDF file front to back into a sink, numbering objects and tracking their offsets. */
export class PdfFileWriter {
  private readonly sink: PdfSink
  private position = 0
  /** Byte offset of each object by number (index 0 is the free-list head). */
  private readonly offsets: number[] = [0]
  private lastNumber = 0
  /** The trailer /ID is a digest of the file's bytes, so identical files carry identical IDs. */
  private readonly digest: Hash = createHash('md5')

  constructor (sink: PdfSink) {
    this.sink = sink
  }

  /** Reserves the next object number; the object itself may be written later. */
  allocate (): number {
    this.lastNumber += 1
    return this.lastNumber
  }

  /** Writes the file header. */
  async writeHeader (): Promise<void> {
    await this.emit([HEADER])
  }

  /** Writes objects as one chunk. */
  async writeObjects (objects: readonly IndirectObject[]): Promise<void> {
    const parts: Uint8Array[] = []
    let at = this.position
    for (const { number, object } of objects) {
      const head = Buffer.from(`${number} 0 obj\n`, 'latin1')
      const body = serialize(object)
      const tail = Buffer.from('\nendobj\n', 'latin1')
      this.offsets[number] = at
      at += head.length + body.length + tail.length
      parts.push(head, body, tail)
    }
    await this.emit(parts)
  }

  /** Writes the cross-reference table and trailer; every allocated object must have been written. */
  async writeEnd (rootNumber: number, infoNumber: number): Promise<void> {
    const count = this.lastNumber + 1
    const table = Buffer.alloc(count * XREF_ENTRY)
    table.write('0000000000 65535 f \n', 0, 'latin1')
    for (let n = 1; n < count; n++) {
      const offset = this.offsets[n]
      if (offset === undefined) throw new Error(`PDF object ${n} was allocated but never written`)
      table.write(`${String(offset).padStart(10, '0')} 00000 n \n`, n * XREF_ENTRY, 'latin1')
    }
    const xrefAt = this.position
    await this.emit([Buffer.from(`xref\n0 ${count}\n`, 'latin1'), table])
    const id = this.digest.digest('hex')
    await this.emit([Buffer.from(
      `trailer\n<< /Size ${count} /Root ${rootNumber} 0 R /Info ${infoNumber} 0 R /ID [<${id}> <${id}>] >>\n` +
      `startxref\n${xrefAt}\n%%EOF\n`, 'latin1')], true)
  }

  private async emit (parts: Uint8Array[], last = false): Promise<void> {
    const chunk = parts.length === 1 ? parts[0] as Uint8Array : Buffer.concat(parts)
    this.position += chunk.length
    if (!last) this.digest.update(chunk)
    await this.sink(chunk)
  }
}
