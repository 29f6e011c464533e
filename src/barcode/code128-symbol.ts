/** A Code128 symbol computed once and drawn identically by every renderer. */
export interface Code128Symbol {
  /** The data encoded (what a scanner reads back). */
  data: string
  /** Symbol characters in order (start, data/shift/code-set switches, check, stop) as values 0..106. */
  codewords: number[]
  /**
   * Element widths in modules, alternating bar, space, bar, … starting and ending with a bar
   * (start character through the stop pattern including its final 2-module bar). Sum = totalModules.
   */
  pattern: number[]
  /** Width of the symbol without quiet zones, in modules: 11 per symbol character + 13 for stop. */
  totalModules: number
  /** The `^FD` data for ZPL `^BC` with mode N: explicit start/subset invocation codes, `>` escaped. */
  zplData: string
}
