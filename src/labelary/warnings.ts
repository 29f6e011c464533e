// Labelary's linter (`X-Linter: On`) answers with `X-Warnings`: pipe-separated groups of five fields,
// byte index | byte size | command | parameter number | message, for example
// `303|1|^GB|2|Value 1 is less than minimum value 3; used 3 instead|591|3|^FO||Ignored`.

/** One linter warning, located in the ZPL that was sent (byte offsets into its UTF-8 bytes). */
export interface LabelaryWarning {
  byteIndex: number
  byteSize: number
  /** The ZPL command the warning is about, e.g. `^GB`; empty when Labelary names none. */
  command: string
  /** 1-based parameter number of the command, when the warning is about one parameter. */
  parameter?: number
  message: string
}

const FIELDS = 5

/** Parses an `X-Warnings` header; an absent or empty header is no warnings. */
export function parseWarnings (header: string | undefined): LabelaryWarning[] {
  if (header === undefined || header.trim() === '') return []
  const parts = header.split('|')
  const warnings: LabelaryWarning[] = []
  for (let i = 0; i + FIELDS <= parts.length; i += FIELDS) {
    const [index, size, command, parameter, message] = parts.slice(i, i + FIELDS) as [string, string, string, string, string]
    const warning: LabelaryWarning = { byteIndex: Number(index), byteSize: Number(size), command: command.trim(), message: message.trim() }
    if (parameter.trim() !== '' && Number.isInteger(Number(parameter))) warning.parameter = Number(parameter)
    warnings.push(warning)
  }
  const rest = parts.length % FIELDS
  // A message that itself contains "|" leaves extra fields: keep them with the last message, never drop them.
  if (rest !== 0) {
    const extra = parts.slice(parts.length - rest).join('|')
    const last = warnings.at(-1)
    if (last === undefined) warnings.push({ byteIndex: 0, byteSize: 0, command: '', message: extra })
    else last.message = `${last.message}|${extra}`
  }
  return warnings
}
