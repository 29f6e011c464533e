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
  return fonts.opening(el, x, y) + escapeFieldData(el.text) + '^FS'
}

/**
 * Openings remembered for one font path, over all cells: enough for every fixed text position of a few templates at
 * both densities, and a bound (~200 KB) however many places centred texts of every width come to.
 */
const MAX_OPENINGS = 4096
/** Whole-dot coordinates below this pack into one small-integer key (labels are at most 1800 dots). */
const PLACE_RANGE = 4096

/** One rotation and cell size of the font: its `^A@…^FH^FD` command and the openings made with it. */
class FontCell {
  readonly places = new Map<number, string>()

  constructor (readonly command: string) {}
}

/**
 * `^FT x,y ^A@…^FH^FD`, the opening of a text field, for one font path. A template prints most of its texts at
 * the same places in the same sizes on every label, so openings are kept by cell and place (up to MAX_OPENINGS)
 * instead of being put together from five pieces for every line of every label.
 */
export class FontCommands {
  readonly #byCell = new Map<number, FontCell>()
  #openings = 0

  constructor (readonly fontPath: string) {}

  opening (el: TextElement, x: number, y: number): string {
    const cell = this.#cell(el)
    const inRange = Number.isInteger(x) && Number.isInteger(y) && x >= 0 && y >= 0 && x < PLACE_RANGE && y < PLACE_RANGE
    if (!inRange) return `^FT${x},${y}${cell.command}`
    const key = x * PLACE_RANGE + y
    let opening = cell.places.get(key)
    if (opening === undefined) {
      opening = `^FT${x},${y}${cell.command}`
      if (this.#openings < MAX_OPENINGS) {
        cell.places.set(key, opening)
        this.#openings++
      }
    }
    return opening
  }

  #cell (el: TextElement): FontCell {
    // Cell sizes are whole dots below 2^15 (a 6 in label at 300 dpi is 1800 dots), so the key is exact.
    const key = (el.rotation === 90 ? 1 << 30 : 0) + el.fontHeight * 32768 + el.fontWidth
    let cell = this.#byCell.get(key)
    if (cell === undefined) {
      cell = new FontCell(`^A@${el.rotation === 90 ? 'R' : 'N'},${el.fontHeight},${el.fontWidth},${this.fontPath}^FH^FD`)
      this.#byCell.set(key, cell)
    }
    return cell
  }
}

const fontCommands = new Map<string, FontCommands>()

/** The font commands of one font path (the service has one font, so this is one lookup per label). */
export function fontCommandsFor (fontPath: string): FontCommands {
  let commands = fontCommands.get(fontPath)
  if (commands === undefined) fontCommands.set(fontPath, commands = new FontCommands(fontPath))
  return commands
}
