// Independent readers used as test oracles: a Code128 codeword decoder (ISO/IEC 15417 rules) and an
// interpreter of ZPL ^BC mode-N field data following the ZPL II guide's "Code 128 Invocation Characters" table.

const START_A = 103
const START_B = 104
const START_C = 105

/** Data encoded by a codeword sequence (start … data … check, stop); throws on a bad check character. */
export function decodeCodewords (codewords: readonly number[]): string {
  const values = codewords.slice(0, -2)
  const [check, stop] = codewords.slice(-2)
  if (stop !== 106) throw new Error('missing stop')
  const sum = values.reduce((acc, v, i) => acc + v * Math.max(i, 1), 0)
  if (sum % 103 !== check) throw new Error(`bad check character ${check}, expected ${sum % 103}`)
  let set = values[0] === START_A ? 'A' : values[0] === START_B ? 'B' : values[0] === START_C ? 'C' : undefined
  if (set === undefined) throw new Error('bad start')
  let out = ''
  for (const v of values.slice(1)) {
    if (set === 'C') {
      if (v === 100) set = 'B'
      else if (v === 101) set = 'A'
      else if (v < 100) out += String(v).padStart(2, '0')
      else throw new Error(`unexpected ${v} in C`)
    } else {
      if (v === 99) set = 'C'
      else if (v === 100 && set === 'A') set = 'B'
      else if (v === 101 && set === 'B') set = 'A'
      else if (v < 96) out += set === 'B' || v < 64 ? String.fromCharCode(v + 32) : String.fromCharCode(v - 64)
      else throw new Error(`unexpected ${v} in ${set}`)
    }
  }
  return out
}

/** Symbol values (start through last data character) a printer produces from `^BC…,N` field data. */
export function interpretZplCode128 (fd: string): number[] {
  const out: number[] = []
  let set: 'A' | 'B' | 'C' = 'B'
  let i = 0
  if (fd.startsWith('>9') || fd.startsWith('>:') || fd.startsWith('>;')) {
    set = fd[1] === '9' ? 'A' : fd[1] === ':' ? 'B' : 'C'
    i = 2
  }
  out.push(set === 'A' ? START_A : set === 'B' ? START_B : START_C)
  while (i < fd.length) {
    if (fd[i] === '>') {
      const code = fd[i + 1]
      i += 2
      const table: Record<string, number> = { '<': 62, 0: 30, '=': 94, 1: 95, 2: 96, 3: 97, 4: 98, 5: 99, 6: 100, 7: 101, 8: 102 }
      const value = table[code as string]
      if (value === undefined) throw new Error(`unknown invocation >${code}`)
      out.push(value)
      if (value === 99) set = 'C'
      if (value === 100 && set !== 'B') set = 'B'
      else if (value === 101 && set !== 'A') set = 'A'
      continue
    }
    if (set === 'B') {
      const c = fd.charCodeAt(i)
      if (c === 0x5e || c === 0x7e) throw new Error('^ and ~ must be invocation codes in field data')
      out.push(c - 32)
      i += 1
    } else {
      const pair = fd.slice(i, i + 2)
      if (!/^\d\d$/.test(pair)) throw new Error(`subset ${set} takes digit pairs, got "${pair}"`)
      out.push(Number(pair))
      i += 2
    }
  }
  return out
}
