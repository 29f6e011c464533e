// ^FH escaping for user text: every character that ZPL could read as a command prefix (^ ~), our hex
// escape indicator (_), or a control character becomes _XX, so field data can never end a field or inject
// commands. Everything else passes through as UTF-8 (the label selects ^CI28).

/** The escape indicator we declare with ^FH (ZPL's default). */
export const HEX_ESCAPE = '_'

function needsEscape (c: number): boolean {
  // Letters, digits, space and most punctuation answer in the first two comparisons.
  if ((c >= 0x20 && c < 0x5e) || (c > 0x5f && c < 0x7e) || c > 0x7f) return false
  return c < 0x20 || c === 0x7f || c === 0x5e || c === 0x7e || c === 0x5f
}

function hexByte (c: number): string {
  return HEX_ESCAPE + (c < 16 ? '0' : '') + c.toString(16).toUpperCase()
}

/** Text for `^FH^FD…^FS`: `^`, `~`, `_`, C0 controls and DEL as `_XX`; the rest unchanged. */
export function escapeFieldData (text: string): string {
  let out = ''
  let from = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (!needsEscape(c)) continue
    out += text.slice(from, i) + hexByte(c)
    from = i + 1
  }
  return from === 0 ? text : out + text.slice(from)
}
