// Which chain fonts print which code points, as one bit mask per code point, and which characters extend the
// cluster of the character before them (marks, joiners, variation selectors): those stay with their base's font.
import { isNeverPrintable } from '../printable.ts'

const CODE_POINTS = 0x110000
const ZWNJ = 0x200c
const ZWJ = 0x200d

export interface Coverage {
  /** Bit i set when chain font i prints the code point (0 for never-printable code points). */
  mask: (cp: number) => number
  /** True for a code point that belongs to the cluster of the character before it. */
  extendsCluster: (cp: number) => boolean
}

/** Builds the masks from each font's character map, fonts in chain order (at most 16). */
export function buildCoverage (unicodesPerFont: readonly Uint32Array[], primaryHasChar: (cp: number) => boolean): Coverage {
  const masks = new Uint16Array(CODE_POINTS)
  unicodesPerFont.forEach((unicodes, i) => {
    for (const cp of unicodes) {
      if (cp >= CODE_POINTS || isNeverPrintable(cp)) continue
      // The label font decides for itself (it leaves out glyphs without ink that are not spaces).
      if (i === 0 && !primaryHasChar(cp)) continue
      masks[cp] = (masks[cp] as number) | (1 << i)
    }
  })
  const extending = new Uint8Array(0x10000)
  const mark = /^\p{M}$/u
  for (let cp = 0; cp < 0x10000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue
    if (mark.test(String.fromCharCode(cp))) extending[cp] = 1
  }
  extending[ZWNJ] = 1
  extending[ZWJ] = 1
  return {
    mask: (cp) => (cp < CODE_POINTS ? masks[cp] as number : 0),
    extendsCluster: (cp) => (cp < 0x10000 ? extending[cp] === 1 : (cp >= 0xe0100 && cp <= 0xe01ef))
  }
}

/** Joiners are invisible but shape the letters around them (Persian ZWNJ, Devanagari half forms). */
export function isJoiner (cp: number): boolean {
  return cp === ZWNJ || cp === ZWJ
}

export function isVariationSelector (cp: number): boolean {
  return (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)
}

/** Index of the lowest set bit, or -1 for 0. */
export function lowestBit (mask: number): number {
  return mask === 0 ? -1 : 31 - Math.clz32(mask & -mask)
}
