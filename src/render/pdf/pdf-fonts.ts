// The fonts one PDF may use: the label font and the fallback fonts shaped text names by index. Each gets a subset
// only once a page uses it, so a label in the label font alone embeds that one font, as it always has.
import { fontFaceFor } from './font-face.ts'
import { FontSubset } from './font-subset.ts'

/** A fallback font's TrueType bytes and the multiplier on its em (see ChainFont.scale). */
export interface PdfFallbackFont {
  bytes: Uint8Array
  scale: number
}

/** Subsets of the label font (index 0) and of fallback fonts 1…n, made on first use. */
export class PdfFonts {
  readonly primary: FontSubset
  readonly #fallbacks: readonly PdfFallbackFont[]
  readonly #subsets: (FontSubset | undefined)[]

  constructor (fontBytes: Uint8Array, fallbacks: readonly PdfFallbackFont[] = []) {
    this.primary = new FontSubset(fontFaceFor(fontBytes))
    this.#fallbacks = fallbacks
    this.#subsets = [this.primary]
  }

  /** The subset of font `index` (0: the label font), made when first asked for. */
  subset (index: number): FontSubset {
    let subset = this.#subsets[index]
    if (subset === undefined) {
      const fallback = this.#fallbacks[index - 1]
      if (fallback === undefined) throw new RangeError(`no font ${index}: the PDF has ${this.#fallbacks.length} fallback fonts`)
      subset = this.#subsets[index] = new FontSubset(fontFaceFor(fallback.bytes))
    }
    return subset
  }

  /** Multiplier on font `index`'s em. */
  scale (index: number): number {
    return index === 0 ? 1 : this.#fallbacks[index - 1]?.scale ?? 1
  }

  /** Resource name of font `index` on every page: F1 is the label font. */
  static resourceName (index: number): string {
    return `F${index + 1}`
  }

  /** The fonts pages have used, as [index, subset]. */
  used (): [number, FontSubset][] {
    return this.#subsets.flatMap((s, i) => (s === undefined ? [] : [[i, s] as [number, FontSubset]]))
  }
}
