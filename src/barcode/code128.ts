// Code128 encoder with optimal subset choice. Our data is printable ASCII only (validated here), which subset B
// covers completely; subset A adds only control characters, so neither A nor SHIFT can ever save a symbol
// character and the choice reduces to B versus C (digit pairs). A dynamic program finds the fewest characters.
import type { Code128Symbol } from './code128-symbol.ts'
import { BarcodeDataError } from './barcode-data-error.ts'
import { CODE128_PATTERNS, CODE_B, CODE_C, START_B, START_C, STOP } from './code128-patterns.ts'

const B = 0
const C = 1
const NEVER = 1 << 20

/** Largest data length we accept; a 4x6 label cannot hold more at the minimum module anyway. */
export const MAX_CODE128_LENGTH = 80

// ZPL ^BC mode N: characters subset B cannot take literally, as invocation codes (ZPL II guide, ^BC table
// "Code 128 Invocation Characters": >0 = value 30 '>', >< = value 62 '^', >= = value 94 '~').
const ZPL_B_ESCAPES: Readonly<Record<string, string>> = { '>': '>0', '^': '><', '~': '>=' }
const ZPL_START = ['>:', '>;']
const ZPL_SWITCH = ['>6', '>5']

// Scratch tables of the dynamic program, shared by every call: encoding is synchronous and never re-entered, and
// allocating three typed arrays per label made their backing stores a large part of layout's garbage collection.
const isDigit = new Uint8Array(MAX_CODE128_LENGTH + 2)
// costB[i] / costC[i]: fewest characters to encode data[i..] while subset B / C is active.
const costB = new Int32Array(MAX_CODE128_LENGTH + 2)
const costC = new Int32Array(MAX_CODE128_LENGTH + 2)

/** Encodes printable ASCII as a Code128 symbol with the fewest symbol characters. */
export function encodeCode128 (data: string): Code128Symbol {
  checkData(data)
  const n = data.length
  for (let i = 0; i < n; i++) {
    const c = data.charCodeAt(i)
    isDigit[i] = c >= 48 && c <= 57 ? 1 : 0
  }
  isDigit[n] = 0
  costB[n] = costB[n + 1] = 0
  costC[n] = costC[n + 1] = 0
  for (let i = n - 1; i >= 0; i--) {
    const pair = isDigit[i] === 1 && isDigit[i + 1] === 1
    const inC = pair ? 1 + (costC[i + 2] as number) : NEVER
    const inB = 1 + (costB[i + 1] as number)
    costB[i] = Math.min(inB, inC + 1)
    costC[i] = Math.min(inC, inB + 1)
  }

  const codewords: number[] = []
  let zplData = ''
  // On a tie start in C: a later C→B switch (>6) replaces a B→C switch (>5), which zebrash (our local ZPL
  // preview) draws wrongly without the fix-up in src/render/png/zebrash-fixups.ts; printers draw both as the
  // ZPL guide says, so this only keeps more symbols previewable as they are.
  let set = (costC[0] as number) <= (costB[0] as number) ? C : B
  codewords.push(set === C ? START_C : START_B)
  zplData += ZPL_START[set]
  // Data characters are sent as they are in both subsets: zplData takes them in runs, cut only where a subset
  // switch or an escaped character goes in between.
  let from = 0
  let i = 0
  while (i < n) {
    const pair = isDigit[i] === 1 && isDigit[i + 1] === 1
    const inC = pair ? 1 + (costC[i + 2] as number) : NEVER
    const inB = 1 + (costB[i + 1] as number)
    // Ties keep the current subset: same length, fewer switches.
    const want = set === C ? (inC <= inB + 1 ? C : B) : (inB <= inC + 1 ? B : C)
    if (want !== set) {
      set = want
      codewords.push(set === C ? CODE_C : CODE_B)
      zplData += data.slice(from, i) + (ZPL_SWITCH[set] as string)
      from = i
    }
    if (set === C) {
      codewords.push((data.charCodeAt(i) - 48) * 10 + data.charCodeAt(i + 1) - 48)
      i += 2
    } else {
      const c = data.charCodeAt(i)
      codewords.push(c - 32)
      if (c === 0x3e || c === 0x5e || c === 0x7e) {
        zplData += data.slice(from, i) + (ZPL_B_ESCAPES[data[i] as string] as string)
        from = i + 1
      }
      i += 1
    }
  }
  zplData += data.slice(from)
  codewords.push(checkCharacter(codewords), STOP)
  return new EncodedSymbol(data, codewords, 11 * (codewords.length - 1) + 13, zplData)
}

/** A symbol whose bar widths are worked out on first use: ZPL sends the codewords and never needs them. */
class EncodedSymbol implements Code128Symbol {
  #pattern: number[] | undefined

  constructor (readonly data: string, readonly codewords: number[], readonly totalModules: number, readonly zplData: string) {}

  get pattern (): number[] {
    return (this.#pattern ??= patternOf(this.codewords))
  }
}

function patternOf (codewords: readonly number[]): number[] {
  const pattern = new Array<number>(codewords.length * 6 + 1)
  let p = 0
  for (const value of codewords) {
    const widths = CODE128_PATTERNS[value] as readonly number[]
    for (let k = 0; k < widths.length; k++) pattern[p++] = widths[k] as number
  }
  return pattern
}

function checkCharacter (codewords: readonly number[]): number {
  let sum = codewords[0] as number
  for (let k = 1; k < codewords.length; k++) sum += k * (codewords[k] as number)
  return sum % 103
}

function checkData (data: string): void {
  if (data.length === 0) throw new BarcodeDataError('trackingCode', 'barcode data is empty')
  if (data.length > MAX_CODE128_LENGTH) {
    throw new BarcodeDataError('trackingCode', `barcode data has ${data.length} characters; at most ${MAX_CODE128_LENGTH} fit a label`)
  }
  for (let i = 0; i < data.length; i++) {
    const c = data.charCodeAt(i)
    if (c < 0x20 || c > 0x7e) {
      const cp = data.codePointAt(i) ?? c
      const hex = `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`
      throw new BarcodeDataError('trackingCode', `character ${JSON.stringify(String.fromCodePoint(cp))} (${hex}) at position ${i + 1} cannot be encoded in Code128; only printable ASCII is allowed`)
    }
  }
}
