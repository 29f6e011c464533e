// A memory's doorkeeper: which keys were offered once before. Remembering everything drawn would keep every unique
// value (a tracking code, an order number, a name with a house number) alive until it is evicted; each one survives
// the young-generation collections of the next milliseconds, is copied by each, promoted, and later collected by a
// full one. Admitting a key only when it comes back keeps the memory for what repeats, and costs a unique value
// nothing but one slot of a fixed table.

/** Slots of the table: a key's mark lasts until about this many other keys have been offered. */
const SLOTS = 1 << 16

/** MurmurHash3's finish, so that keys differing only in their last units spread over the slots; never zero. */
function mixed (h: number): number {
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b)
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35)
  return (h ^ (h >>> 16)) | 1
}

/** FNV-1a over a string's UTF-16 code units, mixed; non-zero so that an empty slot never matches. */
function hashOf (key: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193)
  return mixed(h)
}

/**
 * The same hash over 16-bit units held in an array, for keys that are sequences of numbers: hashing them where they
 * are costs no key string, which would be allocated, hashed again by a Map and compared there.
 */
export function hashOfUnits (units: readonly number[]): number {
  let h = 0x811c9dc5
  for (let i = 0; i < units.length; i++) h = Math.imul(h ^ (units[i] as number), 0x01000193)
  return mixed(h)
}

/** Marks of recently offered keys, one 32-bit hash a slot; a later key may take a slot and erase an earlier mark. */
export class SeenBefore {
  readonly #slots = new Int32Array(SLOTS)

  /**
   * True when `key` was offered before (and its mark not yet overwritten); marks it either way. Two keys with one
   * hash in one slot can say true early, which only makes a memory keep a value sooner: it never changes a value.
   */
  offer (key: string): boolean {
    return this.offerHash(hashOf(key))
  }

  /** offer() for a key known by its hash (hashOfUnits). */
  offerHash (h: number): boolean {
    const slot = (h >>> 16) & (SLOTS - 1)
    const seen = this.#slots[slot] === h
    this.#slots[slot] = h
    return seen
  }
}
