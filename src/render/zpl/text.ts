import type { TextElement } from '../../model/label.ts'
import { escapeFieldData } from './field-data.ts'

/**
 * Where the baseline sits below the top of a text box, as a fraction of the font height. 0.75 puts the
 * label font's ascenders (b, d, l) at the top of the box and its descenders inside it.
 */
export const TEXT_BASELINE_RATIO = 0.75

/**
 * One line of text. We place it with ^FT (baseline origin) rather than ^FO, because where ^FO puts the
 * baseline of a downloaded TrueType font is not specified; ^FT is the baseline on every ZPL implementation.
 * Rotated R text reads top to bottom with the tops of the letters facing right, so its baseline is a
 * vertical line `height - baseline` dots in from the box's left edge.
 */
export function emitText (el: TextElement, fonts: FontCommands): string {
  const baseline = Math.round(el.fontHeight * TEXT_BASELINE_RATIO)
  const rotated = el.rotation === 90
  const x = rotated ? el.x + el.fontHeight - baseline : el.x
  const y = rotated ? el.y : el.y + baseline
  return `^FT${x},${y}${fonts.command(el)}${escapeFieldData(el.text)}^FS`
}

/** `^A@…^FH^FD` for one font path, by rotation and cell size: a label uses a handful, each many times. */
export class FontCommands {
  readonly #byCell = new Map<number, string>()

  constructor (readonly fontPath: string) {}

  command (el: TextElement): string {
    // Cell sizes are whole dots below 2^15 (a 6 in label at 300 dpi is 1800 dots), so the key is exact.
    const key = (el.rotation === 90 ? 1 << 30 : 0) + el.fontHeight * 32768 + el.fontWidth
    let command = this.#byCell.get(key)
    if (command === undefined) {
      command = `^A@${el.rotation === 90 ? 'R' : 'N'},${el.fontHeight},${el.fontWidth},${this.fontPath}^FH^FD`
      this.#byCell.set(key, command)
    }
    return command
  }
}

const fontCommands = new Map<string, FontCommands>()

/** The font commands of one font path (the service has one font, so this is one lookup per label). */
export function fontCommandsFor (fontPath: string): FontCommands {
  let commands = fontCommands.get(fontPath)
  if (commands === undefined) fontCommands.set(fontPath, commands = new FontCommands(fontPath))
  return commands
}
