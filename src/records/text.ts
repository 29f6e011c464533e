// Free-text clean-up shared by every adapter. Records come from spreadsheets, forms and other APIs: text arrives with
// stray whitespace, embedded newlines and tabs. A label line is one line, so those fold into single spaces; nothing
// else is changed and nothing is shortened (layout decides how text fits).

/** Whitespace, control characters, zero-width spaces and byte-order marks: all print as nothing or as a box. */
const FOLDABLE = /[\s\u0000-\u001f\u007f-\u009f\u200b\ufeff]+/g
/** Cheap pre-check so clean text (the common case) skips the replace. */
const NEEDS_FOLDING = /[\t\n\v\f\r\u0000-\u001f\u007f-\u00a0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]| {2}/

/** Trims and folds every run of whitespace or control characters into one space. */
export function cleanText (value: string): string {
  return NEEDS_FOLDING.test(value) ? value.replace(FOLDABLE, ' ').trim() : value.trim()
}

/** Like `cleanText`, but a line break in an address separates parts, so it becomes a comma for the address parser. */
export function cleanAddressText (value: string): string {
  return cleanText(value.replace(/\s*[\r\n]+\s*/g, ', ').replace(/^[,\s]+|[,\s]+$/g, ''))
}
