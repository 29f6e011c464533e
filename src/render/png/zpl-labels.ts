// Splits ZPL into labels (^XA…^XZ formats) so labels can be rendered one at a time, in parallel, or sent in
// batches. Commands outside formats (~DU font downloads, ~DG graphics) persist on a printer, so each label
// carries the outside text that came before it.

/** One ^XA…^XZ format and where it starts in the original ZPL. */
export interface ZplLabel {
  /** Text from the end of the previous label (or the start) up to and including this label's ^XZ. */
  text: string
  /** Character offset of `text` in the original ZPL. */
  start: number
}

/** The ZPL cut into labels; `text` of all labels in order (plus `tail`) is the original ZPL. */
export interface SplitZpl {
  labels: ZplLabel[]
  /** Text after the last ^XZ that holds no ^XA (whitespace, trailing ~ commands). */
  tail: string
}

const FORMAT_END = /\^XZ/gi
const FORMAT_START = /\^XA/i

/** Cuts ZPL after every ^XZ (any case); a trailing ^XA without ^XZ still counts as a label, as on a printer. */
export function splitZplLabels (zpl: string): SplitZpl {
  const labels: ZplLabel[] = []
  let start = 0
  for (const match of zpl.matchAll(FORMAT_END)) {
    const end = match.index + match[0].length
    const text = zpl.slice(start, end)
    if (FORMAT_START.test(text)) {
      labels.push({ text, start })
      start = end
    }
  }
  const rest = zpl.slice(start)
  if (FORMAT_START.test(rest)) return { labels: [...labels, { text: rest, start }], tail: '' }
  return { labels, tail: rest }
}

/** Text outside formats before label `index` (downloads a printer would still hold when it prints that label). */
export function persistentPrefix (split: SplitZpl, index: number): string {
  let prefix = ''
  for (let i = 0; i < index; i++) prefix += outsideFormat((split.labels[i] as ZplLabel).text)
  return prefix
}

/** The part of a label's text before its ^XA. */
function outsideFormat (text: string): string {
  const at = text.search(FORMAT_START)
  return at < 0 ? text : text.slice(0, at)
}

/** ZPL that draws label `index` exactly as it comes out of the whole job: earlier downloads, then the label. */
export function standaloneLabel (split: SplitZpl, index: number): string {
  const label = split.labels[index]
  if (label === undefined) throw new RangeError(`label index ${index} out of range (0-${split.labels.length - 1})`)
  return persistentPrefix(split, index) + label.text
}
