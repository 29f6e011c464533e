// A Zebra printer on 127.0.0.1 for tests: records every byte, answers ~HS and ~HI with the real framing
// (<STX>…<ETX><CR><LF>), and misbehaves on request. Switch modes at runtime with setMode().
import net from 'node:net'

/**
 * normal: reads and answers. refuse: port closed (connections refused). hang: accepts, never reads or answers.
 * close-mid-write: closes the connection after `closeAfterBytes` label bytes. slow: reads in small, delayed sips.
 * paper-out / pause / head-up: answers ~HS with that flag set. silent: reads but never answers (head open).
 */
export type FakePrinterMode = 'normal' | 'refuse' | 'hang' | 'close-mid-write' | 'slow' | 'paper-out' | 'pause' | 'head-up' | 'silent'

/** Options of the fake printer. */
export interface FakePrinterOptions {
  mode?: FakePrinterMode
  /** Density reported by ~HI in dots per mm (8 = 203 dpi, 12 = 300 dpi). */
  dpmm?: number
  closeAfterBytes?: number
  /** In `slow` mode: pause this long after every chunk read. */
  slowDelayMs?: number
  /** False: ~HI goes unanswered (firmware without it), while ~HS is still answered. Default true. */
  answersHi?: boolean
}

/** A running fake printer. */
export interface FakePrinter {
  host: string
  port: number
  /** Every byte received, host queries included, in arrival order. */
  received (): Buffer
  /** What would be printed or stored: received bytes without the ~HS/~HI queries. */
  data (): Buffer
  /** ^XA…^XZ formats received, in order. */
  labels (): string[]
  /** Queries answered so far, and connections accepted. */
  stats: { hs: number, hi: number, connections: number }
  /** True while a ^XA has arrived without its ^XZ (reported in ~HS as "partial format"). */
  partialFormat (): boolean
  /** What an operator's cancel does: drops a partial format from the buffer. */
  clearPartialFormat (): void
  setMode (mode: FakePrinterMode): Promise<void>
  reset (): void
  close (): Promise<void>
}

const frame = (body: string): string => `\x02${body}\x03\r\n`

function hsAnswer (mode: FakePrinterMode, partial: boolean): string {
  const paperOut = mode === 'paper-out' ? 1 : 0
  const pause = mode === 'pause' ? 1 : 0
  const headUp = mode === 'head-up' ? 1 : 0
  return frame(`030,${paperOut},${pause},1218,000,0,0,${partial ? 1 : 0},000,0,0,0`) +
    frame(`001,0,${headUp},0,0,2,6,0,00000000,1,000`) +
    frame('1234,0')
}

export async function startFakePrinter (options: FakePrinterOptions = {}): Promise<FakePrinter> {
  let mode: FakePrinterMode = options.mode ?? 'normal'
  const chunks: Buffer[] = []
  const dataChunks: Buffer[] = []
  const sockets = new Set<net.Socket>()
  const stats = { hs: 0, hi: 0, connections: 0 }
  let partial = false
  let carry = ''
  // Follows ^XA/^XZ across chunks and connections, as the printer's format buffer does.
  const track = (kept: string): void => {
    const text = carry + kept
    const start = text.lastIndexOf('^XA')
    const end = text.lastIndexOf('^XZ')
    if (start > end) partial = true
    else if (end >= 0) partial = false
    carry = text.slice(-2)
  }

  const server = net.createServer((socket) => {
    stats.connections++
    sockets.add(socket)
    socket.on('close', () => sockets.delete(socket))
    socket.on('error', () => {})
    if (mode === 'hang') { socket.pause(); return }
    let labelBytes = 0
    let tail = ''
    socket.on('data', (chunk: Buffer) => {
      chunks.push(chunk)
      // Queries may be split across chunks: look at the last two bytes of the previous chunk too.
      const text = tail + chunk.toString('latin1')
      let kept = ''
      let i = 0
      for (;;) {
        const tilde = text.indexOf('~', i)
        if (tilde < 0 || tilde > text.length - 3) {
          // A query may be starting in the last two bytes; keep them for the next chunk.
          const stop = tilde < 0 ? text.length : tilde
          kept += text.slice(i, stop)
          i = stop
          break
        }
        kept += text.slice(i, tilde)
        const q = text.slice(tilde, tilde + 3)
        if (q === '~HS' || q === '~HI') {
          if (q === '~HS') stats.hs++
          else stats.hi++
          const unanswered = mode === 'silent' || (q === '~HI' && options.answersHi === false)
          if (!unanswered) socket.write(q === '~HS' ? hsAnswer(mode, partial) : frame(`ZD421,V84.20.21Z,${options.dpmm ?? 8},8176KB`))
          i = tilde + 3
        } else {
          kept += '~'
          i = tilde + 1
        }
      }
      tail = text.slice(i)
      if (kept.length > 0) { dataChunks.push(Buffer.from(kept, 'latin1')); track(kept) }
      labelBytes += kept.length
      if (mode === 'close-mid-write' && labelBytes >= (options.closeAfterBytes ?? 100)) socket.destroy()
      if (mode === 'slow') {
        socket.pause()
        setTimeout(() => socket.resume(), options.slowDelayMs ?? 5).unref()
      }
    })
    socket.on('end', () => socket.end())
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  if (mode === 'refuse') await new Promise<void>((resolve) => server.close(() => resolve()))

  const stopListening = (): Promise<void> => new Promise((resolve) => {
    for (const s of sockets) s.destroy()
    if (!server.listening) { resolve(); return }
    server.close(() => resolve())
  })

  return {
    host: '127.0.0.1',
    port,
    received: () => Buffer.concat(chunks),
    data: () => Buffer.concat(dataChunks),
    labels: () => Buffer.concat(dataChunks).toString('latin1').match(/\^XA[\s\S]*?\^XZ/g) ?? [],
    stats,
    partialFormat: () => partial,
    clearPartialFormat () {
      const text = Buffer.concat(dataChunks).toString('latin1')
      if (partial) dataChunks.splice(0, dataChunks.length, Buffer.from(text.slice(0, text.lastIndexOf('^XA')), 'latin1'))
      partial = false
      carry = ''
    },
    async setMode (next) {
      if (next === 'refuse' && mode !== 'refuse') await stopListening()
      if (next !== 'refuse' && mode === 'refuse') await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
      if (next === 'hang') for (const s of sockets) s.pause()
      mode = next
    },
    reset () { chunks.length = 0; dataChunks.length = 0; stats.hs = 0; stats.hi = 0; stats.connections = 0; partial = false; carry = '' },
    close: stopListening
  }
}
