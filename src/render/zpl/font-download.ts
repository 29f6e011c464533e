/**
 * ~DU: stores a TrueType font on the printer at `path` (e.g. `E:LWSANS.TTF`) as hex, so `^A@…,path` can use it.
 * Send it once per printer (or before a batch); it is not part of any label format.
 */
export function zplFontDownload (fontBytes: Uint8Array, path: string): string {
  return `~DU${path},${fontBytes.length},${Buffer.from(fontBytes.buffer, fontBytes.byteOffset, fontBytes.byteLength).toString('hex').toUpperCase()}`
}
