// Just enough multipart/form-data to read one field (Labelary clients post `-F file=@label.zpl`), so the
// endpoint needs no multipart dependency. Whole body in memory: bodies are bounded by the app's body limit.

/** The named field of a multipart/form-data body as UTF-8 text; undefined when absent or malformed. */
export function multipartField (body: Buffer, contentType: string, name: string): string | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType)
  const token = boundary?.[1] ?? boundary?.[2]
  if (token === undefined) return undefined
  const delimiter = Buffer.from(`--${token}`)
  let at = body.indexOf(delimiter)
  while (at >= 0) {
    const partStart = at + delimiter.length
    const next = body.indexOf(delimiter, partStart)
    if (next < 0) return undefined
    const part = body.subarray(partStart, next)
    const headerEnd = part.indexOf('\r\n\r\n')
    if (headerEnd >= 0) {
      const headers = part.subarray(0, headerEnd).toString('utf8')
      const field = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(headers)?.[1]
      if (field === name) {
        // The part's content ends with the CRLF that precedes the next delimiter.
        const content = part.subarray(headerEnd + 4)
        const trimmed = content.subarray(0, content.length >= 2 && content.at(-2) === 13 && content.at(-1) === 10 ? -2 : undefined)
        return trimmed.toString('utf8')
      }
    }
    at = next
  }
  return undefined
}
