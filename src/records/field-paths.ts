// Which record field fed which label field. Every record notes ~25 of these, but they are read only when something
// is reported (an issue, a warning, a broken carrier rule, a layout problem), so the notes are kept as the pieces
// they were given: the dotted strings are joined, and hashed into a dictionary, only when asked for.

/** A dotted path as its two halves, joined only when needed: `base` alone, or `base.key`. */
export function joinPath (base: string, key: string | number | undefined): string {
  return key === undefined ? base : `${base}.${key}`
}

/** True when `base` + `.` + `key` (or `base` alone) spells `path`, without building the joined string. */
function spells (path: string, base: string, key: string | number | undefined): boolean {
  if (key === undefined) return path === base
  const tail = typeof key === 'number' ? String(key) : key
  return path.length === base.length + 1 + tail.length && path.charCodeAt(base.length) === 46 && path.startsWith(base) && path.endsWith(tail)
}

const INITIAL_SLOTS = 128

/** Label-data path (`recipient.name`) → record path (`record.dropoff_name`), in the order they were noted. */
export class FieldPaths {
  /**
   * Four slots a note: label base, label key, record base, record key (keys may be undefined). Sized for the ~30
   * notes of a full record up front: growing an empty array there copied it four times per record.
   */
  readonly #log: (string | number | undefined)[] = new Array<string | number | undefined>(INITIAL_SLOTS)
  #length = 0

  /** Notes that label field `labelBase[.labelKey]` was read from `recordBase[.recordKey]`; a later note wins. */
  add (labelBase: string, labelKey: string | number | undefined, recordBase: string, recordKey: string | number | undefined): void {
    const log = this.#log
    let at = this.#length
    if (at === log.length) log.length = at * 2
    log[at++] = labelBase
    log[at++] = labelKey
    log[at++] = recordBase
    log[at++] = recordKey
    this.#length = at
  }

  /** The record path label field `label` was last noted from, or undefined. */
  get (label: string): string | undefined {
    const log = this.#log
    for (let i = this.#length - 4; i >= 0; i -= 4) {
      if (spells(label, log[i] as string, log[i + 1])) return joinPath(log[i + 2] as string, log[i + 3])
    }
    return undefined
  }

  /**
   * Every label field with its record path, as a plain object for callers that index it by path. Assigned in note
   * order: a field noted twice keeps its first place and takes its last path, as a Map would give it. Label paths
   * are the adapters' own dotted names, never `__proto__` or an array index, so plain assignment is safe.
   */
  toObject (): Record<string, string> {
    const object: Record<string, string> = {}
    const log = this.#log
    for (let i = 0; i < this.#length; i += 4) object[joinPath(log[i] as string, log[i + 1])] = joinPath(log[i + 2] as string, log[i + 3])
    return object
  }
}
