// Rewrites that make zebrash (zpl-renderer-js) draw what a Zebra printer draws. PREVIEW ONLY: printers and
// every ZPL output always get the untouched ZPL; only the local PNG renderer sees the rewritten text.

// ^BC field data in mode N: everything between ^FD and the next ^ (a ^ cannot occur inside field data).
const BC_FIELD = /\^BC([^^]*)((?:\^(?!FD|FS|BC)[^^]*)*)\^FD([^^]*)/g

/**
 * zebrash cannot switch from subset A/B to C inside a symbol: it draws `>5` as value 100 and keeps encoding
 * digits one by one, and it drops `>4` (so the often-suggested `>5`→`>4` rewrite scans right but draws wider
 * bars than a printer). Its automatic mode (^BC mode A) does switch, choosing the same fewest-characters
 * symbol as src/barcode/code128.ts for our data. So a mode-N field that switches B→C is handed to zebrash as
 * plain text in mode A. Returns undefined when the field holds no such switch or anything automatic mode
 * cannot express (FNC codes, or `>`, `^`, `~` in the text).
 */
function asAutomaticMode (data: string): string | undefined {
  let subset: 'A' | 'B' | 'C' = 'B'
  let text = ''
  let switchesToC = false
  for (let i = 0; i < data.length; i++) {
    const c = data[i] as string
    if (c !== '>') {
      text += c
      continue
    }
    const code = data[i + 1]
    i += 1
    if (code === ':' || code === '6') subset = 'B'
    else if (code === ';') subset = 'C'
    else if (code === '9' || code === '7') subset = 'A'
    else if (code === '5') {
      if (subset !== 'C') switchesToC = true
      subset = 'C'
    } else return undefined
  }
  if (!switchesToC || /[>^~]/.test(text)) return undefined
  return text
}

/** Mode of a ^BC command from its parameters (orientation,height,f,g,e,mode); N when omitted. */
function bcMode (params: string): string {
  const mode = params.split(',')[5]?.trim().toUpperCase()
  return mode === undefined || mode === '' ? 'N' : mode
}

/**
 * zebrash misreads the end of ^BC mode-N field data: a single character after an invocation code (`>;…>65`)
 * or an invocation code after one character (`>:A><`) is dropped or misread. Appending `>:` (a start code in
 * mid-data, which zebrash ignores and draws nothing for) lets it draw the intended symbol.
 */
function withTrailingStart (data: string): string {
  return `${data}>:`
}

/** Sets the mode (6th parameter) of ^BC parameters. */
function withMode (params: string, mode: string): string {
  const parts = params.split(',')
  while (parts.length < 6) parts.push('')
  parts[5] = mode
  return parts.join(',')
}

/**
 * zebrash only recognises upper-case command names; printers (and Labelary) accept `^xa`, `^fo`…
 * Upper-cases the two letters after each `^` (a `^` always starts a command, even inside field data) and the
 * `~D…` download commands; a `~` in field data may be text, so other tilde commands are left alone.
 */
export function upperCaseCommands (zpl: string): string {
  return zpl.replace(/\^([a-z][a-z0-9@]?)|~(d[a-z])/g, (m: string) => m.toUpperCase())
}

/** The ZPL zebrash should draw to preview `zpl` as a printer prints it (Code128 fix-ups, command case). */
export function zebrashCompatible (zpl: string): string {
  return upperCaseCommands(zpl).replace(BC_FIELD, (whole, params: string, between: string, data: string) => {
    if (bcMode(params) !== 'N') return whole
    const text = asAutomaticMode(data)
    if (text !== undefined) return `^BC${withMode(params, 'A')}${between}^FD${text}`
    return `^BC${params}${between}^FD${withTrailingStart(data)}`
  })
}
