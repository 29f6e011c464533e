// Tracking codes made for shippers who print their own DashLink labels: the shipper's prefix, an 11-character
// serial and one check character, all from 0-9 A-Z (15 to 22 characters, no leading zero, nothing a scanner's
// keyboard wedge mangles). The check is ISO 7064 MOD 37-2: every character weighs a distinct power of 2 mod 37,
// so one wrong character, and two swapped ones anywhere, change the sum. Serials whose check would be the 37th
// symbol (ISO's `*`, which DashLink does not allow) are skipped, so the check character stays alphanumeric.
// Serials come from a counter the store hands out in blocks, passed through a bijection so that consecutive
// labels do not carry guessable neighbouring codes; distinct counter values always give distinct codes.

/** Symbols of generated codes, by value. */
export const CODE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const MODULUS = 37
const SERIAL_LENGTH = 11
const SERIAL_SPACE = 36n ** BigInt(SERIAL_LENGTH)
/** Odd and not a multiple of 3, so multiplying by it modulo 36^11 is a bijection. */
const SCRAMBLE_FACTOR = 25214903917n
const SCRAMBLE_OFFSET = 0x2545F4914F6CDDn
/** A shipper prefix: a letter, then letters or digits, 3 to 10 in all (DashLink asks for a 3-letter one). */
export const PREFIX_PATTERN = /^[A-Z][A-Z0-9]{2,9}$/

/** Symbol value by character code; -1 outside the alphabet. */
const VALUES = new Int8Array(128).fill(-1)
for (let i = 0; i < CODE_ALPHABET.length; i++) VALUES[CODE_ALPHABET.charCodeAt(i)] = i

/** Σ value × 2^(distance from the end + 1) mod 37 over `text[0, end)`; -1 for a character outside the alphabet. */
function weightedSum (text: string, end: number): number {
  let sum = 0
  for (let i = 0; i < end; i++) {
    const code = text.charCodeAt(i)
    const value = code < 128 ? VALUES[code] as number : -1
    if (value < 0) return -1
    // Horner's rule: each earlier character ends up weighed by one more factor of 2.
    sum = ((sum + value) * 2) % MODULUS
  }
  return sum
}

/** The MOD 37-2 check value (0–36) that makes `body` plus it sum to 1 mod 37; undefined for a character outside the alphabet. */
export function checkValue (body: string): number | undefined {
  const sum = weightedSum(body, body.length)
  return sum < 0 ? undefined : (MODULUS + 1 - sum) % MODULUS
}

/** True when `code` ends in the right check character for the rest of it. */
export function hasValidCheck (code: string): boolean {
  if (code.length < 2) return false
  const sum = weightedSum(code, code.length - 1)
  const last = code.charCodeAt(code.length - 1)
  const check = last < 128 ? VALUES[last] as number : -1
  return sum >= 0 && check >= 0 && (sum + check) % MODULUS === 1
}

/** The code for counter value `n` under `prefix`, or undefined when its check would not be alphanumeric. */
export function codeFor (prefix: string, n: bigint): string | undefined {
  const serial = ((n % SERIAL_SPACE) * SCRAMBLE_FACTOR + SCRAMBLE_OFFSET) % SERIAL_SPACE
  const body = prefix + serial.toString(36).toUpperCase().padStart(SERIAL_LENGTH, '0')
  const check = checkValue(body)
  return check === undefined || check === 36 ? undefined : body + (CODE_ALPHABET[check] as string)
}

/** Hands out `count` counter values never handed out before (to this or any instance sharing the store): the first one. */
export type ReserveSerials = (prefix: string, count: number) => bigint

/** Makes codes from blocks of counter values reserved in the store, one block write per `blockSize` codes. */
export class TrackingCodeGenerator {
  #next = 0n
  #end = 0n

  constructor (readonly prefix: string, private readonly reserve: ReserveSerials, private readonly blockSize = 1000) {
    if (!PREFIX_PATTERN.test(prefix)) throw new RangeError(`tracking code prefix "${prefix}" must be 3 to 10 capital letters or digits, starting with a letter`)
  }

  /** A new code. */
  next (): string {
    for (;;) {
      if (this.#next === this.#end) {
        this.#next = this.reserve(this.prefix, this.blockSize)
        this.#end = this.#next + BigInt(this.blockSize)
      }
      const code = codeFor(this.prefix, this.#next++)
      if (code !== undefined) return code
    }
  }
}
