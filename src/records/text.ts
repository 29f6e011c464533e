// Free-text clean-up shared by every adapter. Records come from spreadsheets, forms and other APIs: text arrives with
// stray whitespace, embedded newlines and tabs, and accents as separate combining marks. A label line is one line, so
// whitespace folds into single spaces, zero-width spaces go, and accents are composed (NFC); nothing else is changed
// and nothing is shortened (layout decides how text fits). Control characters are not whitespace: they stay, and the
// label font refuses them by name, as it does every character it cannot print.

/**
 * Zero-width spaces and the byte-order mark (a zero-width no-break space) show nothing where they stand: a name sent
 * as "Jordan\u200bAlvarez" reads "JordanAlvarez" on the sender's screen, so it prints that way, not with a space.
 */
const ZERO_WIDTH = /[\u200b\ufeff]/g
/** Whitespace (line breaks, tabs, no-break and typographic spaces) and NEL. */
const FOLDABLE = /[\s\u0085]+/g
/** Cheap pre-check so clean text (the common case) skips the replace. */
const NEEDS_FOLDING = /[\t\n\v\f\r\u0085\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/

/** Trims, composes accents (NFC), drops zero-width spaces and folds every run of whitespace into one space. */
export function cleanText (value: string): string {
  // Most text is already clean: printable ASCII and Latin letters below U+0300 (where combining marks begin) with
  // single inner spaces. One scan of its char codes proves that and returns it as is; anything else takes the slow way.
  const last = value.length - 1
  let previous = 0x20
  for (let i = 0; i <= last; i++) {
    const c = value.charCodeAt(i)
    if ((c > 0x20 && c < 0x7f) || (c >= 0xa1 && c < 0x300) || (c === 0x20 && previous !== 0x20 && i !== last)) previous = c
    else return composedAndFolded(value)
  }
  return value
}

/**
 * Some systems (macOS, some web forms) send "é" as "e" plus a combining accent: NFC makes it the one character the
 * label font has, where the bare accent would be refused as unprintable. Canonically equivalent text, so nothing
 * the user sent is lost.
 */
function composedAndFolded (value: string): string {
  const text = value.normalize('NFC')
  return NEEDS_FOLDING.test(text) ? text.replace(ZERO_WIDTH, '').replace(FOLDABLE, ' ').trim() : text.trim()
}

/** True when the UTF-16 unit is certainly neither a comma nor whitespace (printable ASCII other than space and comma). */
function isPlainAscii (c: number): boolean {
  return c > 0x20 && c < 0x7f && c !== 0x2c
}

/** Like `cleanText`, but a line break in an address separates parts, so it becomes a comma for the address parser. */
export function cleanAddressText (value: string): string {
  // Most addresses are one line with nothing to strip at either end; those skip both replaces (each scans the text).
  const lines = value.includes('\n') || value.includes('\r') ? value.replace(/\s*[\r\n]+\s*/g, ', ') : value
  const ends = isPlainAscii(lines.charCodeAt(0)) && isPlainAscii(lines.charCodeAt(lines.length - 1)) ? lines : lines.replace(/^[,\s]+|[,\s]+$/g, '')
  return cleanText(ends)
}
