// What "safe ZPL" means for a label we made: exactly one ^XA…^XZ format per label, only the commands our renderer
// writes, and every piece of user text inside ^FH^FD…^FS with no character that could start a command. A record
// that smuggled `^XZ^XA^PQ999` or `~JR` into a field would break one of these.

/** Commands src/render/zpl writes (and ^PQ for print-job copies). A new emitter adds its command here. */
const KNOWN_COMMANDS = new Set(['XA', 'XZ', 'CI', 'MU', 'PW', 'LL', 'LH', 'LS', 'PO', 'PM', 'LR', 'FT', 'FO', 'A@', 'FH', 'FD', 'FS', 'GB', 'BY', 'BC', 'JU', 'PQ', 'GF', 'FB', 'FR', 'FX'])

/** Why `zpl` (the labels of one answer, without a font download) is unsafe, or undefined when it is safe. */
export function unsafeZpl (zpl: string, expectedLabels: number): string | undefined {
  const text = zpl.trimEnd()
  if (text.includes('~')) return 'a ~ command outside the font download'
  const starts = text.split('^XA').length - 1
  const ends = text.split('^XZ').length - 1
  if (starts !== expectedLabels || ends !== expectedLabels) return `${starts} ^XA and ${ends} ^XZ for ${expectedLabels} labels`
  if (!text.startsWith('^XA') || !text.endsWith('^XZ')) return 'does not start with ^XA and end with ^XZ'
  // Each ^ starts a command; field data runs from ^FD to the next ^ (which must be ^FS).
  const commands = text.split('^').slice(1)
  for (let i = 0; i < commands.length; i++) {
    const command = commands[i] as string
    const name = command.slice(0, 2)
    if (!KNOWN_COMMANDS.has(name)) return `unknown command ^${name} in "^${command.slice(0, 40)}"`
    if (name === 'FX') {
      // A text's comment before its graphic: escaped like field data, so it ends only at the graphic's ^FO.
      if (!commands[i + 1]?.startsWith('FO')) return `a comment not followed by its graphic: "^${command.slice(0, 40)}"`
      if (/[\x00-\x1f\x7f]/.test(command)) return `a control character in a comment: ${JSON.stringify(command.slice(0, 40))}`
    }
    if (name === 'FD') {
      // Barcode data (after ^BC) is mode-N Code128 from a checked tracking code; every text field is escaped.
      const before = commands[i - 1] ?? ''
      if (!before.startsWith('FH') && !before.startsWith('BC')) return `field data without ^FH escaping: "^${command.slice(0, 40)}"`
      if (!commands[i + 1]?.startsWith('FS')) return `field data not ended by ^FS: "^${command.slice(0, 40)}"`
      if (/[\x00-\x1f\x7f]/.test(command)) return `a control character in field data: ${JSON.stringify(command.slice(0, 40))}`
    }
  }
  return undefined
}

/** The labels of a ZPL answer after the font download it may start with (`include_font`), which must be ours. */
export function withoutFontDownload (zpl: string, fontDownload: string): string | undefined {
  if (!zpl.startsWith('~')) return zpl
  return zpl.startsWith(fontDownload) ? zpl.slice(fontDownload.length) : undefined
}
